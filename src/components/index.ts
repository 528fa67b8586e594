// Render-only components. Their styles ship separately as `react-realtime-kit/styles.css`.
export { StatusBadge, statusInfo, knownStatusKeys } from './StatusBadge/index';
export { ConnectionIndicator, ConnectionIndicatorView, connectionText } from './ConnectionIndicator/index';
export { OrderCard, OrderCardView, ProgressBar, formatMoney, formatTime } from './OrderCard/index';

export type { StatusBadgeProps, StatusBadgeSize, StatusInfo, StatusTone, StatusIconName } from './StatusBadge/index';
export type { ConnectionIndicatorProps, ConnectionIndicatorViewProps } from './ConnectionIndicator/index';
export type { OrderCardProps, OrderCardViewProps, ProgressBarProps } from './OrderCard/index';
