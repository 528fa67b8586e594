export { Toast } from './Toast';
export { ToastIcon, toastKinds, toastKindLabel } from './ToastIcon';
export { parseTime, formatClock, formatFull, formatRelative } from '../shared/formatTime';
export type { ToastProps } from './Toast';
export type { ToastKind, ToastIconProps } from './ToastIcon';
export type { TimeInput } from '../shared/formatTime';
