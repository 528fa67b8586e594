export { RealtimeProvider } from './RealtimeProvider';
export { useRealtimeClient } from './useRealtimeClient';
export { useRealtimeState, useRealtimeShallow } from './useRealtimeState';
export { useSubscription } from './useSubscription';
export { useConnectionStatus } from './useConnectionStatus';

export type { RealtimeProviderProps } from './RealtimeProvider';
export type { ConnectionStatusResult } from './useConnectionStatus';
