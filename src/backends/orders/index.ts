export { ordersBackend } from './ordersBackend';
export { ordersSlice, orderKey } from './ordersSlice';
export { orderStreamDialect, orderStreamStatuses } from './orderStreamDialect';
export { useOrderSocket } from './useOrderSocket';
export { useOrderSockets } from './useOrderSockets';

export type { Order, OrderEvent, OrderItem, OrderPatch, OrderSource, OrdersSlice } from './types';
export type { OrderStreamCommand } from './orderStreamDialect';
export type { OrderSocketResult } from './useOrderSocket';
export type { OrderSocketsResult } from './useOrderSockets';
