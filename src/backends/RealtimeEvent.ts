import type { CoreEvent } from '../core/events';
import type { AdminEvent } from './admin/types';
import type { ChatEvent } from './chat/types';
import type { NotificationEvent } from './notifications/types';
import type { OrderEvent } from './orders/types';

/** Every event the built-in backends and the core put in the store (types only: no backend is bundled by it). */
export type RealtimeEvent = CoreEvent | OrderEvent | NotificationEvent | ChatEvent | AdminEvent;
