export { ConnectionIndicator } from './ConnectionIndicator';
export { ConnectionIndicatorView } from './ConnectionIndicatorView';
export { connectionText } from './connectionText';
export type { ConnectionIndicatorProps } from './ConnectionIndicator';
export type { ConnectionIndicatorViewProps } from './ConnectionIndicatorView';
