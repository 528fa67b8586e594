import { createContext } from 'react';
import type { RealtimeClient } from '../core/RealtimeClient';

/** The client of the nearest RealtimeProvider `null` outside one. */
export const RealtimeContext = createContext<RealtimeClient | null>(null);
