import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { expectNoKitComponents } from './lib/checks';
import { describeViteReactApp, viteAppChecks } from './lib/viteSuite';

// The newest React 19, and in the same install the hooks-only app (the size check).
describeViteReactApp('vite-react19.3', { react: '19.3.1', 'react-dom': '19.3.1', '@types/react': '19.3.3', '@types/react-dom': '19.3.0' }, (full, rig) => {
  const hooks = viteAppChecks(rig, full.install, 'vite-hooks', 'vite-react19.3-hooks-only', async (page, server) => {
    const card = page.getByRole('region', { name: 'My order 101' });
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 20_000, message: 'the card leaves its loading state' }).toBe('ready');
    await expect.poll(() => card.locator('[data-order-status]').textContent()).toBe('Status: New');
    server.emit.orderUpdate({ order_id: 101, status: 'Extend', progress: 50 });
    await expect.poll(() => card.locator('[data-order-status]').textContent(), { timeout: 10_000 }).toBe('Status: Extend');
  });

  it('vite-hooks: the built JS has no react-toastify code and no chat class names', async () => {
    const built = await hooks.build.need();
    expect(built.js.length).toBeGreaterThan(0);
    expectNoKitComponents(built.js.map((file) => ({ file, code: readFileSync(file, 'utf8') })));
    expect(built.css, 'no CSS at all: the app imports no styles').toEqual([]);
    // For the record only: the full app's own checks report whether it builds.
    const fullApp = await full.build.need().catch(() => undefined);
    if (fullApp) {
      console.log(
        `consumers size: hooks-only ${built.size.jsGzipBytes} B gzip vs the full app ${fullApp.size.jsGzipBytes} B gzip, both with React 19.3.1 ` +
          `(the kit's components and react-toastify: ${fullApp.size.jsGzipBytes - built.size.jsGzipBytes} B)`,
      );
    }
  });
});
