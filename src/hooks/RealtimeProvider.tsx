import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createRealtimeClient } from '../core/createRealtimeClient';
import type { RealtimeClient, RealtimeClientOptions } from '../core/RealtimeClient';
import { RealtimeContext } from './RealtimeContext';

export type RealtimeProviderProps =
  | {
      /** A client you created (and dispose) yourself with `createRealtimeClient`. Preferred: one per app, outside React. */
      client: RealtimeClient;
      options?: never;
      children?: ReactNode;
    }
  | {
      client?: never;
      /**
       * Options to create a client with (`createRealtimeClient(options)`). The provider creates
       * it on first render and disposes it on unmount. Later changes to `options` are ignored:
       * remount with a `key` to apply them.
       */
      options: RealtimeClientOptions;
      children?: ReactNode;
    };

/**
 * Makes a RealtimeClient available to the hooks below it. It holds no state of its own, so it
 * never re-renders its children.
 */
export function RealtimeProvider(props: RealtimeProviderProps): ReactNode {
  if (!props.client && !props.options) {
    throw new TypeError('<RealtimeProvider> needs a client={createRealtimeClient({ url, token })} or options={{ url, token }} prop.');
  }
  const [owned] = useState(() => (props.client ? null : createRealtimeClient(props.options!)));
  const disposeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (!owned) return undefined;
    clearTimeout(disposeTimer.current);
    // Deferred so StrictMode's unmount-and-remount keeps the same client and sockets.
    return () => {
      disposeTimer.current = setTimeout(() => owned.dispose(), 0);
    };
  }, [owned]);
  return <RealtimeContext.Provider value={props.client ?? owned}>{props.children}</RealtimeContext.Provider>;
}
