export { timingBackend, loadTimingOrders } from './timingBackend';
export { loadTimingOrder, updateOrderStatus } from './timingActions';
export { timingDialect, timingStatuses, parseTimingOrder, parseTimingOrderList } from './timingDialect';
export { useTimingOrders } from './useTimingOrders';
export { useOrderTracking } from './useOrderTracking';

export type { TimingCommand, TimingStatus } from './timingDialect';
export type { TimingOrdersResult } from './useTimingOrders';
export type { OrderTrackingOptions, OrderTrackingResult } from './useOrderTracking';
