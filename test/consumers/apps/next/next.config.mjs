import { fileURLToPath } from 'node:url';

// This app's directory is the root, so its own node_modules are used, never a parent's
// (the test installs it inside the kit's repo, which has a lockfile of its own).
const root = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('next').NextConfig} */
const config = {
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default config;
