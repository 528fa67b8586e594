import { chatDialect } from '../../protocols/chat';
import type { EndpointDefinition } from '../endpoints';

/** The college ERP chat, `ws/chat/` (one socket for all peers). */
export const chatEndpoint: EndpointDefinition = { name: 'chat', path: 'ws/chat/', dialect: chatDialect };
