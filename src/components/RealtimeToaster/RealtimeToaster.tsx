import { useEffect, useState, type ReactElement } from 'react';
import { useEventCallback } from '../../componentUtils/useEventCallback';
import { Slide, ToastContainer, toast, type Id, type ToastContainerProps, type ToastPosition } from 'react-toastify';
import { RealtimeError } from '../../core/RealtimeError';
import { useRealtimeClient } from '../../hooks/useRealtimeClient';
import { classNames, joinClasses } from '../../componentUtils/classNames';
import { Toast } from '../Toast/Toast';
import { createToastGate } from './createToastGate';
import { createToastGroups } from './createToastGroups';
import { ToastCloseButton } from './ToastCloseButton';
import { toastEventsFromDiff, type ToastEvent } from './toastEvents';
import { toastForEvent, type ToastSpec } from './toastForEvent';

export interface RealtimeToasterProps extends Omit<ToastContainerProps, 'containerId' | 'position' | 'className' | 'role'> {
  /**
   * Customise or silence each event: return a spec to show, `null`/`false` to show nothing,
   * or `undefined` to keep `fallback` (the kit's default from `toastForEvent`). @default the kit's default for every event
   */
  toastFor?(event: ToastEvent, fallback: ToastSpec): ToastSpec | null | false | undefined;
  /**
   * Most new toasts per second; a burst beyond it becomes one summary toast ("12 more updates"),
   * updated in place. Updates to a toast already on screen (an order's progress, see
   * `ToastSpec.group`) add no toast: they change its text at most this many times a second,
   * to the latest. @default 3
   */
  maxPerSecond?: number;
  /** Where toasts appear. @default 'top-right' */
  position?: ToastPosition;
  /** react-toastify container id. Set one when the app renders its own `<ToastContainer>` too. @default react-toastify's default container */
  containerId?: Id;
  /** Added to the kit's class on the toast container. @default none */
  className?: string;
  /** ARIA role of each toast: `status` announces politely; `alert` interrupts. @default 'status' */
  role?: string;
  /** Locale for times and prices. @default the runtime's locale */
  locale?: string;
  /** Text of the summary toast (which `toastFor` does not see). @default `${count} more updates` */
  summaryText?(count: number): string;
  /** Render without the kit's class names, so only react-toastify's own CSS applies. @default false */
  unstyled?: boolean;
}

const defaultSummary = (count: number) => `${count} more ${count === 1 ? 'update' : 'updates'}`;

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A react-toastify container fed by the client's store: order status and progress changes,
 * new Timing orders, new notifications and approvals become toasts — each event once (by a
 * stable `toastId`), at most `maxPerSecond` a second, a flood summarised in a single toast,
 * and one toast per order on screen, updated in place to its latest change.
 * It watches the store in an effect, so store changes never re-render it.
 */
export function RealtimeToaster({
  toastFor,
  maxPerSecond = 3,
  position = 'top-right',
  containerId,
  className,
  role = 'status',
  locale,
  summaryText = defaultSummary,
  unstyled = false,
  toastClassName,
  closeButton,
  transition,
  ...rest
}: RealtimeToasterProps): ReactElement {
  const client = useRealtimeClient();
  const [gate] = useState(() => createToastGate());
  const [groups] = useState(() => createToastGroups());
  const [summary] = useState(() => ({ generation: 0 }));
  const rate = typeof maxPerSecond === 'number' && maxPerSecond >= 0 ? maxPerSecond : 3;

  const showSummary = (): void => {
    const id = `rrk-summary:${containerId ?? 'default'}:${summary.generation}`;
    const content = <Toast kind="info" title={summaryText(gate.overflowCount)} locale={locale} unstyled={unstyled} aria-atomic="true" />;
    if (toast.isActive(id, containerId)) {
      toast.update(id, { render: content, containerId, delay: 0 });
      return;
    }
    toast(content, {
      toastId: id,
      containerId,
      type: 'info',
      icon: false,
      onClose() {
        // A later flood gets a fresh summary (a new id: this one may still be animating out).
        summary.generation += 1;
        gate.resetOverflow();
      },
    });
  };

  const deliver = useEventCallback((events: ToastEvent[]) => {
    const now = Date.now();
    let overflowed = false;
    for (const event of events) {
      let fallback: ToastSpec;
      let custom: ToastSpec | null | false | undefined;
      try {
        fallback = toastForEvent(event, { locale });
        custom = toastFor ? toastFor(event, fallback) : undefined;
      } catch (cause) {
        // This runs inside the store's listener loop: a throwing toastFor must not stop the
        // other listeners (every component) from seeing the update. Report it instead.
        client.report(new RealtimeError('invalid-options', `RealtimeToaster: toastFor threw for ${event.id}: ${String((cause as Error)?.message ?? cause)}`, { cause }));
        continue;
      }
      if (custom === null || custom === false) continue;
      const spec = custom ?? fallback;
      const id = spec.toastId ?? event.id;
      const { group } = spec;
      const inPlace = groups.isOpen(group, containerId);
      const decision = gate.offer(id, event.slot, now, rate, inPlace);
      if (decision === 'overflow') overflowed = true;
      if (decision !== 'show') continue;
      const kind = spec.kind ?? 'default';
      // aria-atomic: an update in place is read whole ("Order #105: 44% done"), not as a changed number.
      const content = <Toast kind={kind} title={spec.title} message={spec.message} time={spec.time} locale={locale} unstyled={unstyled} aria-atomic="true" />;
      if (inPlace) {
        groups.update(group, { ...spec.options, render: content, type: kind, containerId }, rate > 0 ? 1000 / rate : 1000, now);
        continue;
      }
      const onClose = spec.options?.onClose;
      toast(content, {
        ...spec.options,
        type: kind,
        icon: false,
        toastId: id,
        containerId,
        onClose:
          group === undefined
            ? onClose
            : (reason) => {
                groups.closed(group, id);
                onClose?.(reason);
              },
      });
      if (group !== undefined) groups.opened(group, id, now);
    }
    if (overflowed) showSummary();
  });

  useEffect(() => {
    let previous = client.store.getState();
    const unsubscribe = client.store.subscribe((next) => {
      const events = toastEventsFromDiff(previous, next);
      previous = next;
      if (events.length > 0) deliver(events);
    });
    return () => {
      unsubscribe();
      groups.dispose();
    };
  }, [client]);

  const cls = classNames(unstyled);
  // Only strings are joined: untyped (JS) callers can pass anything, which must not reach the class attribute.
  const kit = (name: string, extra: unknown) => joinClasses(cls(name), typeof extra === 'string' && extra);
  return (
    <ToastContainer
      aria-label="Live updates, Alt+T to focus"
      {...rest}
      containerId={containerId}
      position={position}
      role={role}
      className={kit('rrk-toaster', className)}
      toastClassName={typeof toastClassName === 'function' ? toastClassName : kit('rrk-toaster__toast', toastClassName)}
      closeButton={closeButton ?? (unstyled ? true : ToastCloseButton)}
      // react-toastify's animations ignore prefers-reduced-motion; `false` renders without one.
      transition={transition ?? (prefersReducedMotion() ? false : Slide)}
    />
  );
}
