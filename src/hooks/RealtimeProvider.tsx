import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createRealtimeCore } from '../core/createRealtimeCore';
import type { RealtimeClientOptions, RealtimeCore } from '../core/RealtimeClient';
import { RealtimeContext } from './RealtimeContext';

export type RealtimeProviderProps =
  | {
      /**
       * A client you created (and dispose) yourself. Preferred: one per app, outside React.
       * `createRealtimeClient` (every endpoint by name, `client.actions`) or `createRealtimeCore`.
       */
      client: RealtimeCore;
      options?: never;
      children?: ReactNode;
    }
  | {
      client?: never;
      /**
       * Options to create a client with. The provider creates it on first render and disposes it
       * on unmount. Later changes to `options` are ignored: remount with a `key` to apply them.
       * It is a core client (`createRealtimeCore`): the hooks need nothing more, and the app
       * bundles only the endpoints its hooks use. It has no `client.actions` and knows no
       * endpoint by name: for those, pass `client={createRealtimeClient(options)}` instead.
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
  const [owned] = useState(() => (props.client ? null : createRealtimeCore(props.options!)));
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
