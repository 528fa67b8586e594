import { useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RealtimeState } from '../core/store/types';
import { useRealtimeClient } from './useRealtimeClient';

/**
 * Read a slice of the kit's store. The component re-renders only when the selected value
 * changes (`Object.is`), so return something stable: a field, an entry, a primitive.
 */
export function useRealtimeState<T>(selector: (state: RealtimeState) => T): T {
  // What zustand's useStore does, minus a useCallback around getSnapshot that an inline
  // selector defeats anyway: one module less in every app's bundle.
  const { store } = useRealtimeClient();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()), () => selector(store.getInitialState()));
}

/**
 * Like `useRealtimeState`, for selectors that build a new array or object each time: the
 * result is compared shallowly, so the component re-renders only when an element changed.
 */
export function useRealtimeShallow<T extends object>(selector: (state: RealtimeState) => T): T {
  return useRealtimeState(useShallow(selector));
}
