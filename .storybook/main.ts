import type { StorybookConfig } from '@storybook/react-vite';

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
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
