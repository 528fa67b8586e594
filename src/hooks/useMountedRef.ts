import { useEffect, useRef, type RefObject } from 'react';

/**
 * `current` is true while the component is mounted, so an answer that arrives after unmount
 * (a REST call, a poll) is not put into state. StrictMode's remount sets it back to true.
 */
export function useMountedRef(): RefObject<boolean> {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
