export { chatBackend } from './chatBackend';
export { chatSlice } from './chatSlice';
export { sendChat, retryChat } from './chatOutbox';
export { chatDialect } from './chatDialect';
export { useChat } from './useChat';

export type { ChatEvent, ChatMessage, ChatSlice } from './types';
export type { ChatCommand } from './chatDialect';
export type { ChatResult } from './useChat';
