// Render-only components. Their styles ship separately as `react-realtime-kit/styles.css`.
export { StatusBadge, statusInfo, knownStatusKeys } from './StatusBadge/index';

export type {
  StatusBadgeProps,
  StatusBadgeSize,
  StatusInfo,
  StatusTone,
  StatusIconName,
} from './StatusBadge/index';
