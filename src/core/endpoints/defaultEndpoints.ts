import type { EndpointDefinition, EndpointName } from '../endpoints';
import { adminEndpoint } from './adminEndpoint';
import { chatEndpoint } from './chatEndpoint';
import { notificationsEndpoint } from './notificationsEndpoint';
import { ordersEndpoint } from './ordersEndpoint';
import { timingEndpoint } from './timingEndpoint';

/** The five built-in endpoints by name (what `createRealtimeClient` knows; it imports every dialect). */
export const defaultEndpoints: Record<EndpointName, EndpointDefinition> = {
  orders: ordersEndpoint,
  timing: timingEndpoint,
  notifications: notificationsEndpoint,
  chat: chatEndpoint,
  admin: adminEndpoint,
};
