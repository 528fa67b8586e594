export { OrderTracking } from './OrderTracking';
export { OrderTrackingView } from './OrderTrackingView';
export type { OrderTrackingProps } from './OrderTracking';
export type { OrderTrackingViewProps, OrderTrackingState } from './OrderTrackingView';
