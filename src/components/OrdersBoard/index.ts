export { OrdersBoard } from './OrdersBoard';
export { OrdersBoardView } from './OrdersBoardView';
export type { OrdersBoardProps } from './OrdersBoard';
export type { OrdersBoardViewProps } from './OrdersBoardView';
export type { OrdersBoardFilter } from './StatusFilter';
