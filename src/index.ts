// Core: client, store, connection layer (no React).
export {
  createRealtimeClient,
  createRealtimeCore,
  createRealtimeStore,
  reduceBatch,
  resolveLimits,
  limitDefaults,
  Connection,
  Pool,
  RealtimeError,
  redactToken,
  backoffDelay,
  resolveReconnect,
  reconnectDefaults,
  webSocketTransport,
  defaultEndpoints,
  ordersEndpoint,
  timingEndpoint,
  notificationsEndpoint,
  chatEndpoint,
  adminEndpoint,
  loadTimingOrders,
  loadTimingOrder,
  updateOrderStatus,
  loadPendingUsers,
  approveUser,
  rejectUser,
  markNotificationRead,
  markAllNotificationsRead,
  endpointUrl,
  createRestClient,
  restPathDefaults,
  orderKey,
} from './core/index';

// Protocols: one dialect per backend, plus the edge helpers apps may reuse.
export {
  orderStreamDialect,
  orderStreamPath,
  orderStreamStatuses,
  timingDialect,
  timingStatuses,
  parseTimingOrder,
  parseTimingOrderList,
  parsePendingUsers,
  notificationsDialect,
  noticesDialect,
  chatDialect,
  adminDashboardDialect,
  sanitizeUrl,
  normalizeTimestamp,
} from './protocols/index';

export type * from './core/index';
export type {
  Dialect,
  DialectName,
  IncomingFrame,
  OutgoingFrame,
  ParseResult,
  TokenPlacement,
  OrderStreamCommand,
  TimingStatus,
  NotificationsCommand,
  ChatCommand,
  AdminCommand,
} from './protocols/index';

// React: the provider and the hooks.
export * from './hooks/index';

// Components: render-only; styles ship separately as 'react-realtime-kit/styles.css'.
export * from './components/index';
