import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

// Written by hand: `storybook init` / `storybook add` need the network. Telemetry is off
// through STORYBOOK_DISABLE_TELEMETRY=1 in the npm scripts and .ci/run.
const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    // Since Storybook 9 the docs page (autodocs) needs this addon installed.
    '@storybook/addon-docs',
    // Runs every story as a test in Chromium (the `storybook` project in vitest.config.ts).
    '@storybook/addon-vitest',
  ],
  // Stories import the kit by its public names, as an app does.
  viteFinal: (config) => ({
    ...config,
    resolve: {
      ...config.resolve,
      alias: [
        { find: /^react-realtime-kit\/socketio$/, replacement: src('socketio.ts') },
        { find: /^react-realtime-kit\/testing$/, replacement: src('testing/index.ts') },
        { find: /^react-realtime-kit$/, replacement: src('index.ts') },
        ...(Array.isArray(config.resolve?.alias) ? config.resolve.alias : Object.entries(config.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))),
      ],
    },
  }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
