export { Toast } from './Toast';
export { ToastIcon, toastKinds, toastKindLabel } from './ToastIcon';
export { parseTime, formatClock, formatFull, formatRelative } from '../../componentUtils/formatTime';
export type { ToastProps } from './Toast';
export type { ToastKind, ToastIconProps } from './ToastIcon';
export type { TimeInput } from '../../componentUtils/formatTime';
