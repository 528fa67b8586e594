import { useCallback, useInsertionEffect, useRef } from 'react';

/**
 * A stable function that always calls the latest `fn`: what React 19.2's `useEffectEvent`
 * does, for every React the kit supports (18.3 and 19.x). Call it from effects and
 * listeners, not during render.
 */
export function useEventCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  // Runs before any layout effect or listener could call it, and is silent on the server.
  useInsertionEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
