// Render-only components. Their styles ship separately as `react-realtime-kit/styles.css`.
export { StatusBadge, statusInfo, knownStatusKeys } from './StatusBadge/index';
export { ConnectionIndicator, ConnectionIndicatorView, connectionText } from './ConnectionIndicator/index';
export { OrderCard, OrderCardView, ProgressBar } from './OrderCard/index';
export { formatCurrency } from '../componentUtils/formatCurrency';

export type { StatusBadgeProps, StatusBadgeSize, StatusInfo, StatusTone, StatusIconName } from './StatusBadge/index';
export type { ConnectionIndicatorProps, ConnectionIndicatorViewProps } from './ConnectionIndicator/index';
export type { OrderCardProps, OrderCardViewProps, ProgressBarProps } from './OrderCard/index';

export { RealTimeDashboard, RealTimeDashboardView } from './RealTimeDashboard/index';
export { OrdersBoard, OrdersBoardView } from './OrdersBoard/index';
export { OrderTracking, OrderTrackingView } from './OrderTracking/index';

export type { RealTimeDashboardProps, RealTimeDashboardViewProps } from './RealTimeDashboard/index';
export type { OrdersBoardProps, OrdersBoardViewProps, OrdersBoardFilter } from './OrdersBoard/index';
export type { OrderTrackingProps, OrderTrackingViewProps, OrderTrackingState } from './OrderTracking/index';

export { Toast, ToastIcon, toastKinds, toastKindLabel } from './Toast/index';
export { RealtimeToaster, ToastCloseButton, toastForEvent, toastEventsFromDiff, notificationToastKind, orderStatusToastKind, createToastGate } from './RealtimeToaster/index';
export { ChatPanel, ChatPanelView, ChatMessageItem, ChatAttachment } from './ChatPanel/index';
export { ConversationList, ConversationListView, ConversationItem } from './ConversationList/index';
export { NotificationBell, NotificationBellView, NotificationList, NotificationItem, notificationKindInfo } from './NotificationBell/index';

export type { ToastProps, ToastKind, ToastIconProps, TimeInput } from './Toast/index';
export type { RealtimeToasterProps, ToastCloseButtonProps, ToastEvent, ToastEventType, ToastSpec, ToastForEventOptions, ToastGate, ToastDecision } from './RealtimeToaster/index';
export type { ChatPanelProps, ChatPanelViewProps, ChatPanelState, ChatMessageItemProps, ChatAttachmentProps } from './ChatPanel/index';
export type { ConversationListProps, ConversationListViewProps, ConversationListState, ConversationItemProps } from './ConversationList/index';
export type { NotificationBellProps, NotificationBellViewProps, NotificationListProps, NotificationItemProps, NotificationKindKey, NotificationKindInfo } from './NotificationBell/index';
