export { orderStreamDialect, parseOrderStream, orderStreamPath, orderStreamStatuses } from './orderStream';
export {
  timingDialect,
  parseTiming,
  timingStatuses,
  normalizeTimingOrder,
  parseTimingOrder,
  parseTimingOrderList,
} from './timing';
export {
  notificationsDialect,
  noticesDialect,
  parseNotifications,
  encodeNotifications,
  DEFAULT_NOTIFICATION_KIND,
} from './notifications';
export { chatDialect, parseChat, encodeChat } from './chat';
export { adminDashboardDialect, parseAdminDashboard, encodeAdminDashboard, parsePendingUsers } from './adminDashboard';
export {
  decodeFrame,
  decodeJson,
  FieldReader,
  guard,
  guardValue,
  parseTyped,
  reject,
  compact,
  describe,
  preview,
  isPlainObject,
  wireId,
  normalizeTimestamp,
  nowIso,
  sanitizeUrl,
  MAX_FRAME_CHARS,
  MAX_STRING_CHARS,
  MAX_ID_CHARS,
  MAX_DEPTH,
  MAX_BODY_CHARS,
  MAX_RAW_TIMESTAMP_CHARS,
  MAX_URL_CHARS,
  FORBIDDEN_KEYS,
} from './validate';

export type {
  Dialect,
  DialectName,
  IncomingFrame,
  OutgoingFrame,
  ParseResult,
  TokenPlacement,
} from './Dialect';
export type { OrderUpdateMessage, OrderStreamMessage, OrderStreamCommand } from './orderStream';
export type {
  TimingStatus,
  TimingOrder,
  TimingOrderItem,
  NewOrderMessage,
  OrderStatusUpdateMessage,
  TimingConnectedData,
  TimingNewOrderData,
  TimingStatusUpdateData,
  TimingMessage,
  TimingCommand,
  TimingOrderResult,
  TimingOrderListResult,
} from './timing';
export type { NotificationMessage, NotifyMessage, NotificationsMessage, NotificationsCommand } from './notifications';
export type { ChatCommand, ChatSendFrame, ChatServerMessage, ChatMessageMessage, MessageSentMessage, ChatErrorMessage } from './chat';
export type { AdminCommand, AdminDashboardMessage, AdminWireUser } from './adminDashboard';
export type {
  DecodeResult,
  FieldMode,
  FieldValue,
  JsonObject,
  MessageHandler,
  RangeOptions,
  StringOptions,
  TimestampMode,
} from './validate';
