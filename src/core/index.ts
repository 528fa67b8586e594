// The core: no React, no backend. Backends are definitions it receives.
export { createRealtimeClient } from './createRealtimeClient';
export { RealtimeError } from './RealtimeError';
export { webSocketTransport } from './webSocketTransport';
export { sseTransport } from './sseTransport';
export type { SseTransportOptions } from './sseTransport';
export { pingPong } from './pingPong';
export { fillPath } from './endpointUrl';
export { writable } from './store/batchDraft';
export { call as callRest, invalidBody } from './callRest';
export { restOf } from './restOf';

export type { RealtimeClient, RealtimeClientOptions, RealtimeStats, RestConfig, CoreLimits, BackendRef } from './RealtimeClient';
export type { BackendDefinition, BackendOptions, BackendEventContext, ResolvedBackend, RestBackendDefinition, ResyncContext } from './RealtimeClient';
export { applyBackendSettings } from './applyBackendSettings';
export type { ConnectionState, ConnectionStatus, HeartbeatOptions } from './createConnection';
export type { Dialect, DialectHeartbeat, IncomingFrame, OutgoingFrame, ParseResult, TokenPlacement } from './Dialect';
export type { CoreEvent, StoreEntry, StoreEvent } from './events';
export type { RealtimeErrorCode } from './RealtimeError';
export type { ReconnectOptions } from './backoff';
export type { RestClient } from './createRestClient';
export type { TokenOption, TokenProvider, TokenRequest } from './tokenProvider';
export type { Transport, TransportAttempt, TransportCloseInfo, TransportContext, TransportFactory } from './Transport';
export type { WebSocketConstructor } from './webSocketTransport';
export type { ConnectionEntry, RealtimeSlices, RealtimeState, SliceLimits, StoreSlice } from './store/types';
