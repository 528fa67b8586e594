export { ConversationList } from './ConversationList';
export { ConversationListView } from './ConversationListView';
export { ConversationItem } from './ConversationItem';
export type { ConversationListProps } from './ConversationList';
export type { ConversationListViewProps, ConversationListState } from './ConversationListView';
export type { ConversationItemProps } from './ConversationItem';
