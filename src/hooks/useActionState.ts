import { useCallback, useState } from 'react';
import { useMountedRef } from './useMountedRef';

/**
 * Track a REST action's last error and what is in flight, by key (an order or user id), so a
 * component can disable a button while its request runs and show why it failed.
 */
export function useActionState(): {
  pending: Record<string, boolean>;
  error: string | null;
  run(key: string, action: () => Promise<unknown>): Promise<boolean>;
  clearError(): void;
} {
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const mounted = useMountedRef();
  const run = useCallback(async (key: string, action: () => Promise<unknown>) => {
    setPending((p) => ({ ...p, [key]: true }));
    try {
      await action();
      if (mounted.current) setError(null);
      return true;
    } catch (cause) {
      if (mounted.current) setError((cause as Error).message);
      return false;
    } finally {
      if (mounted.current) {
        setPending((p) => {
          const next = { ...p };
          delete next[key];
          return next;
        });
      }
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
