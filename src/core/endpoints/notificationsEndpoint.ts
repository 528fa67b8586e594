import { notificationsDialect } from '../../protocols/notifications';
import type { EndpointDefinition } from '../endpoints';

/** SmartHunt notifications, `ws/notifications/`; a reopen asks for the unread count again. */
export const notificationsEndpoint: EndpointDefinition = {
  name: 'notifications',
  path: 'ws/notifications/',
  dialect: notificationsDialect,
  onOpen: ({ reconnected, send }) => {
    if (reconnected) send({ type: 'get_unread_count' });
  },
};
