import { createContext } from 'react';
import type { RealtimeCore } from '../core/RealtimeClient';

/** The client of the nearest RealtimeProvider (a core client or a full one); `null` outside one. */
export const RealtimeContext = createContext<RealtimeCore | null>(null);
