import { adminSlice, chatSlice, notificationsSlice, ordersSlice, type RealtimeState, type SliceLimits } from 'react-realtime-kit';
import { createRealtimeStore, type RegisteredSlice } from '../../src/core/store/createRealtimeStore';

/** The built-in backends' slices, as a client registers them once all five backends are used. */
export const builtInSlices = [ordersSlice, notificationsSlice, chatSlice, adminSlice];

/** The built-in slices with their default caps, and `limits[sliceKey]` on top. */
export function slicesWith(limits: Record<string, SliceLimits> = {}): RegisteredSlice[] {
  return builtInSlices.map((slice) => ({ slice, limits: { ...slice.limits, ...limits[slice.key] } }));
}

/** The store's state once every built-in slice is registered and nothing has happened. */
export function initialState(): RealtimeState {
  return { connections: {}, orders: ordersSlice.initial, notifications: notificationsSlice.initial, chat: chatSlice.initial, admin: adminSlice.initial } as RealtimeState;
}

/** A store with every built-in slice registered. */
export function createTestStore(): ReturnType<typeof createRealtimeStore> {
  const store = createRealtimeStore();
  for (const { slice, limits } of slicesWith()) store.register(slice, limits);
  return store;
}
