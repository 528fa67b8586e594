export { timingBackend, loadTimingOrders } from './timingBackend';
export { loadTimingOrder, updateOrderStatus } from './timingActions';
export { timingDialect, timingStatuses, timingStatusLabels, timingStatusKey, parseTimingOrder, parseTimingOrderList } from './timingDialect';
export { useTimingOrders } from './useTimingOrders';
export { useOrderTracking } from './useOrderTracking';

export type { TimingCommand, TimingStatus, TimingStatusLabels } from './timingDialect';
export type { TimingOrdersOptions, TimingOrdersResult } from './useTimingOrders';
export type { OrderTrackingOptions, OrderTrackingResult } from './useOrderTracking';
