import { defineConfig } from 'vite';

/**
 * Library build: ESM only, one output module per source module (so a bundler drops every module
 * an app does not import), peers and runtime dependencies left external.
 */
export default defineConfig({
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        socketio: 'src/socketio.ts',
        'testing/index': 'src/testing/index.ts',
        'testing/server': 'src/testing/server.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      external: [/^react($|\/)/, /^react-dom($|\/)/, 'zustand', /^zustand\//, 'socket.io-client', 'socket.io', 'ws', 'react-toastify', /^react-toastify\//, /^node:/],
    },
  },
});
