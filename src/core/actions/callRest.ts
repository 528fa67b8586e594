import type { StoreApi } from 'zustand/vanilla';
import { RealtimeError } from '../RealtimeError';
import type { RealtimeCore } from '../RealtimeClient';
import type { RealtimeState } from '../store/types';

/**
 * What the action functions need of a client: any client (`createRealtimeCore` or
 * `createRealtimeClient`) has it.
 */
export type ActionClient = Pick<RealtimeCore, 'rest' | 'restPaths' | 'dispatch' | 'flush' | 'report'> & {
  store: Pick<StoreApi<RealtimeState>, 'getState'>;
  /** Send on an endpoint's socket; throws when the protocol has no such command. */
  send(endpoint: string, command: unknown): unknown;
};

/** Run a REST call; a failure is reported through `onError` and rethrown as a RealtimeError. */
export async function call<T>(client: ActionClient, run: () => Promise<T>, what: string): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    const error = cause instanceof RealtimeError ? cause : new RealtimeError('rest', `${what} failed: ${String((cause as Error)?.message ?? cause)}`, { cause });
    client.report(error);
    throw error;
  }
}

export function invalidBody(what: string, reason: string): never {
  throw new RealtimeError('invalid-frame', `${what}: ${reason}`, { dialect: 'rest' });
}
