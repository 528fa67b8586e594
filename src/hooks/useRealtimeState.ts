import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { RealtimeState } from '../core/store/types';
import { useRealtimeClient } from './useRealtimeClient';

/**
 * Read a slice of the kit's store. The component re-renders only when the selected value
 * changes (`Object.is`), so return something stable: a field, an entry, a primitive.
 */
export function useRealtimeState<T>(selector: (state: RealtimeState) => T): T {
  return useStore(useRealtimeClient().store, selector);
}

/**
 * Like `useRealtimeState`, for selectors that build a new array or object each time: the
 * result is compared shallowly, so the component re-renders only when an element changed.
 */
export function useRealtimeShallow<T extends object>(selector: (state: RealtimeState) => T): T {
  return useStore(useRealtimeClient().store, useShallow(selector));
}
