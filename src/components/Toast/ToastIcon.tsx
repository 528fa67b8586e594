import type { ReactElement } from 'react';
import { Icon } from '../../componentUtils/Icon';
import type { IconShape } from '../../componentUtils/iconShapes';

/** The kinds a toast can be: react-toastify's `type` values. */
export type ToastKind = 'success' | 'info' | 'warning' | 'error' | 'default';

/** Every kind, in display order. */
export const toastKinds: readonly ToastKind[] = ['success', 'info', 'warning', 'error', 'default'];

/** What a screen reader hears before the title, so the kind is never shown by colour alone. */
export const toastKindLabel: Readonly<Record<ToastKind, string>> = {
  success: 'Success',
  info: 'Information',
  warning: 'Warning',
  error: 'Error',
  default: 'Notice',
};

// One distinct shape per kind (not only a tint): check, "i", triangle, cross, bell.
const shapes: Readonly<Record<ToastKind, IconShape>> = {
  success: 'check-circle',
  info: 'info-circle',
  warning: 'warning-triangle',
  error: 'cross-circle',
  default: 'bell',
};

export interface ToastIconProps {
  /** Which kind's shape to draw. */
  kind: ToastKind;
  /** @default none */
  className?: string | undefined;
}

/** Decorative: the kind is also given as text, so the icon is hidden from assistive tech. */
export function ToastIcon({ kind, className }: ToastIconProps): ReactElement {
  return <Icon shape={shapes[kind] ?? shapes.default} className={className} data-icon={kind} />;
}
