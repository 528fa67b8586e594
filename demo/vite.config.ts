import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/**
 * The demo imports the kit exactly as an app would ('react-realtime-kit', '/styles.css',
 * '/socketio', '/testing'); these aliases point those names at the source.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-realtime-kit\/styles\.css$/, replacement: src('styles.css') },
      { find: /^react-realtime-kit\/socketio$/, replacement: src('socketio.ts') },
      { find: /^react-realtime-kit\/testing$/, replacement: src('testing/index.ts') },
      { find: /^react-realtime-kit$/, replacement: src('index.ts') },
    ],
  },
  server: { host: '127.0.0.1' },
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
