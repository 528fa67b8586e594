import { afterAll, afterEach, beforeAll } from 'vitest';
import { disposeClients } from '../helpers/clientFor';
import { startDjangoBackend, type DjangoBackend, type DjangoBackendOptions, type DjangoTokens } from './startDjangoBackend';

/** One Django reference backend for the file (read `.backend` and `.tokens` in tests); every test client is disposed after each test. */
export function useDjangoBackend(mode: 'documented' | 'deployed', options: Omit<DjangoBackendOptions, 'mode'> = {}): { backend: DjangoBackend; tokens: DjangoTokens } {
  const live = {} as { backend: DjangoBackend; tokens: DjangoTokens };
  beforeAll(async () => {
    live.backend = await startDjangoBackend({ ...options, mode });
    live.tokens = live.backend.tokens;
  }, 60_000);
  afterEach(() => disposeClients());
  afterAll(async () => {
    await live.backend?.stop();
  }, 20_000);
  return live;
}
