import { afterEach, beforeEach } from 'vitest';
import { disposeClients } from './clientFor';
import { startWsServer, type TestWsServer } from './startWsServer';

/** A fresh `ws` test server for each test (read `.current`), stopped with every client after it. */
export function useWsServer(): { current: TestWsServer } {
  const holder = {} as { current: TestWsServer };
  beforeEach(async () => {
    holder.current = await startWsServer();
  });
  afterEach(async () => {
    disposeClients();
    await holder.current.stop();
  });
  return holder;
}
