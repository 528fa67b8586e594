export { StatusBadge } from './StatusBadge';
export { statusInfo, knownStatusKeys } from './statusInfo';
export type { StatusBadgeProps, StatusBadgeSize } from './StatusBadge';
export type { StatusInfo, StatusTone, StatusIconName } from './statusInfo';
