import type { ReactElement } from 'react';

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
const shapes: Record<ToastKind, ReactElement> = {
  success: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M5 8.3l2 2 4-4.4" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M8 7.2v4M8 4.8v.1" />
    </>
  ),
  warning: <path d="M8 2.2l6 10.6H2zM8 6.6v3M8 11.3v.1" />,
  error: (
    <>
      <circle cx="8" cy="8" r="6.2" />
      <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" />
    </>
  ),
  default: <path d="M4 11.5V7.3a4 4 0 0 1 8 0v4.2l1.3 1.2H2.7zM6.6 14.3h2.8" />,
};

export interface ToastIconProps {
  /** Which kind's shape to draw. */
  kind: ToastKind;
  /** @default none */
  className?: string | undefined;
}

/** Decorative: the kind is also given as text, so the icon is hidden from assistive tech. */
export function ToastIcon({ kind, className }: ToastIconProps): ReactElement {
  return (
    <svg
      className={className}
      data-icon={kind}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {shapes[kind] ?? shapes.default}
    </svg>
  );
}
