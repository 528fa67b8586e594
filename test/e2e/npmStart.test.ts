import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm start', () => {
  it('serves the demo and the simulator, prints where, and stops both on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, SIM_PORT: '0', DEMO_PORT: '0', VITE_WS_URL: '', VITE_API_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 30_000, interval: 50 }).toContain('Ctrl-C stops everything.');
      const demo = /Open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)![1]!;
      const backend = /simulator at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!;
      expect(output).toMatch(/Tokens: demo .* peer .* admin/);
      expect(await (await fetch(demo)).text()).toContain('<div id="root"></div>');
      const orders = (await (await fetch(`${backend}/api/admin/orders`, { headers: { Authorization: 'Bearer admin' } })).json()) as { data: unknown[] };
      expect(orders.data.length).toBeGreaterThan(0);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await expect(fetch(demo)).rejects.toThrow();
      await expect(fetch(`${backend}/api/admin/orders`)).rejects.toThrow();
    } finally {
      // Never leave the servers running (and holding ports) after a failed assertion.
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
