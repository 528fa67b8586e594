import type { ReactElement } from 'react';
import type { CloseButtonProps } from 'react-toastify';

export interface ToastCloseButtonProps extends Partial<CloseButtonProps> {
  /** Accessible name. @default 'Dismiss notification' */
  label?: string;
}

/**
 * The kit's close button for react-toastify toasts. react-toastify's own is named "close",
 * is drawn at 30 % opacity and removes its focus outline; this one has a clear name, full
 * contrast and a visible focus ring.
 */
export function ToastCloseButton({ closeToast, label = 'Dismiss notification' }: ToastCloseButtonProps): ReactElement {
  return (
    <button
      type="button"
      className="rrk-toaster__close"
      aria-label={label}
      onClick={(event) => {
        // The toast may close on click too; one close is enough.
        event.stopPropagation();
        closeToast?.(true);
      }}
    >
      <svg viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" aria-hidden="true" focusable="false">
        <path d="M4 4l8 8M12 4l-8 8" />
      </svg>
    </button>
  );
}
