export { OrderCard } from './OrderCard';
export { OrderCardView } from './OrderCardView';
export { ProgressBar } from './ProgressBar';
export type { OrderCardProps } from './OrderCard';
export type { OrderCardViewProps } from './OrderCardView';
export type { ProgressBarProps } from './ProgressBar';
