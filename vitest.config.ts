import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Real browser tests run in Debian's Chromium (scripts/install-system-deps.sh installs it);
// playwright never downloads a browser here. CHROMIUM_PATH points elsewhere if needed.
const chromiumLaunch = {
  launchOptions: {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

// A fresh object per project: vitest writes each instance's name into it.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright(chromiumLaunch),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

/**
 * Three projects, all run by `vitest run` (and `npm test`):
 * - unit: Node (files opt into jsdom with `// @vitest-environment jsdom`), real servers on 127.0.0.1
 * - browser: test/browser/** in real Chromium
 * - e2e: the demo app in Chromium against the simulator server
 * - storybook: every story in stories/ rendered (and its play function run) in Chromium
 * - consumers: small real apps install the packed package (`npm pack`) and build and run it
 */
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  // Tests import the kit by its public names, as an app does (tsconfig.json maps them for types).
  resolve: {
    alias: [
      { find: /^react-realtime-kit\/styles\.css$/, replacement: src('styles.css') },
      { find: /^react-realtime-kit\/socketio$/, replacement: src('socketio.ts') },
      { find: /^react-realtime-kit\/testing\/server$/, replacement: src('testing/server.ts') },
      { find: /^react-realtime-kit\/testing$/, replacement: src('testing/index.ts') },
      { find: /^react-realtime-kit$/, replacement: src('index.ts') },
    ],
  },
  test: {
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, 'test/browser/**', 'test/e2e/**', 'test/consumers/**'],
          environment: 'node',
          setupFiles: ['test/setup/jsdom.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.tsx'],
          browser: browser(),
        },
      },
      {
        extends: true,
        test: {
          // The demo end to end: simulator server + the demo's dev server + Chromium driven by playwright.
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Real apps (Vite + React 18.3 / 19.0 / 19.3, Next.js App Router) that npm-install the
          // packed tarball, type-check, build, and run in Chromium: see test/consumers/README.md.
          name: 'consumers',
          include: ['test/consumers/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/consumers/globalSetup.ts'],
          testTimeout: 15 * 60_000,
          hookTimeout: 2 * 60_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          browser: browser(),
        },
      },
    ],
  },
});
