export { chatBackend, chatOverSse } from './chatBackend';
export { chatSlice } from './chatSlice';
export { sendChat, retryChat } from './chatOutbox';
export { chatDialect } from './chatDialect';
export { chatSseDialect } from './chatSseDialect';
export { loadChatHistory, loadConversations, markChatRead, setChatTyping, TYPING_EVERY_MS, TYPING_IDLE_MS } from './chatRest';
export { useChat, TYPING_SHOWN_MS } from './useChat';
export { useConversations } from './useConversations';

export type { ChatConversation, ChatEvent, ChatHistoryState, ChatMessage, ChatSlice, ChatTyping } from './types';
export type { ChatCommand } from './chatDialect';
export type { ChatDialect } from './chatSseDialect';
export type { ChatFeatures, ChatResult, UseChatOptions } from './useChat';
export type { ConversationsResult, UseConversationsOptions } from './useConversations';
