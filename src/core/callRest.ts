import { RealtimeError } from './RealtimeError';
import type { RealtimeClient } from './RealtimeClient';

/** Run a REST call; a failure is reported through `onError` and rethrown as a RealtimeError. */
export async function call<T>(client: RealtimeClient, run: () => Promise<T>, what: string): Promise<T> {
  // A disposed client makes no request and changes no store: a late action (a typing timer, an
  // effect after logout) ends here, quietly.
  if (client.disposed) throw new RealtimeError('connection-failed', `${what}: the client was disposed.`);
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
