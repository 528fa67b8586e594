// The client: sockets, store, REST, errors. No React, no backend.
export { createRealtimeClient, RealtimeError, webSocketTransport, sseTransport, pingPong, fillPath, restOf, applyBackendSettings } from './core/index';
export type {
  RealtimeClient,
  RealtimeClientOptions,
  RealtimeStats,
  RestConfig,
  CoreLimits,
  BackendRef,
  BackendDefinition,
  BackendOptions,
  BackendEventContext,
  ResolvedBackend,
  RestBackendDefinition,
  ResyncContext,
  ConnectionState,
  ConnectionStatus,
  HeartbeatOptions,
  Dialect,
  DialectHeartbeat,
  IncomingFrame,
  OutgoingFrame,
  ParseResult,
  TokenPlacement,
  CoreEvent,
  StoreEntry,
  StoreEvent,
  RealtimeErrorCode,
  SseTransportOptions,
  ReconnectOptions,
  RestClient,
  TokenOption,
  TokenProvider,
  TokenRequest,
  Transport,
  TransportAttempt,
  TransportCloseInfo,
  TransportContext,
  TransportFactory,
  WebSocketConstructor,
  ConnectionEntry,
  RealtimeSlices,
  RealtimeState,
  SliceLimits,
  StoreSlice,
} from './core/index';

// Helpers for writing or adjusting a dialect.
export { parseTyped, FieldReader, normalizeTimestamp, sanitizeUrl, resolveUrl } from './validation/validate';
export type { MessageHandler } from './validation/validate';

// React: the provider and the generic hooks.
export * from './hooks/index';

// The five built-in backends: definition, hooks, actions, dialect and types of each.
export * from './backends/orders/index';
export * from './backends/timing/index';
export * from './backends/notifications/index';
export * from './backends/chat/index';
export * from './backends/admin/index';
export type { RealtimeEvent } from './backends/RealtimeEvent';

// Components: render-only; styles ship separately as 'react-realtime-kit/styles.css'.
export * from './components/index';
