import { defineConfig } from 'vite';

/** Library build: ESM only, peers and runtime dependencies left external. */
export default defineConfig({
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        socketio: 'src/socketio.ts',
        testing: 'src/testing/index.ts',
        'testing-server': 'src/testing/server.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, 'zustand', /^zustand\//, 'reconnecting-websocket', 'socket.io-client', 'socket.io', 'ws', 'react-toastify', /^react-toastify\//, /^node:/],
    },
  },
});
