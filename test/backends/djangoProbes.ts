import { WebSocket } from 'ws';
import type { TestClient } from '../helpers/clientFor';

/** A bare `ws` handshake to `<base>/<path>`: the HTTP status of a refusal, or 'open'. */
export function handshake(base: string, path: string, origin: string | undefined): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base}/${path}`, origin ? { origin } : {});
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve('open');
      socket.close();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** The admin dashboard is loaded: who I am, stats, the pending count and the pending users. */
export const adminLoaded = (handle: TestClient) => () => {
  const { admin } = handle.client.store.getState();
  return admin.me && admin.stats && admin.pendingCount !== null && admin.pendingUsers.length > 0 && admin;
};
