import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// If anything under src/core or src/protocols imported React, importing it would throw here.
vi.mock('react', () => {
  throw new Error('src/core imported react');
});
vi.mock('react-dom', () => {
  throw new Error('src/core imported react-dom');
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('src/core and src/protocols', () => {
  it('run with React absent', async () => {
    const core = await import('../../src/core/index');
    const client = core.createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    client.dispatch({ endpoint: 'notifications', event: { kind: 'notification/unreadCount', count: 2 } });
    await Promise.resolve();
    expect(client.store.getState().notifications.unreadCount).toBe(2);
    client.dispose();
  });

  it('import nothing but zustand/vanilla and reconnecting-websocket from outside', () => {
    const bare = new Set<string>();
    for (const file of [...files('src/core'), ...files('src/protocols')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        if (!match[1]!.startsWith('.')) bare.add(match[1]!);
      }
    }
    expect([...bare].sort()).toEqual(['reconnecting-websocket', 'zustand/vanilla']);
  });
});
