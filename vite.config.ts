import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Modules that need React on the client get `'use client'`, so a server component (Next.js App
 * Router) can render the provider and the components and call the plain helpers: every `.tsx`
 * module, and every `.ts` module that imports a value from React or react-toastify, or a hook
 * (`use…`) module. The core, the dialects and helpers such as `statusInfo` stay neutral.
 */
function needsClient(id: string | null): boolean {
  if (!id || !id.includes('/src/')) return false;
  if (id.endsWith('.tsx')) return true;
  const code = readFileSync(id, 'utf8');
  return /^import\s+(?!type\b)[^;]*from\s+'(react|react-dom|react-toastify)(\/[^']*)?';/m.test(code) || /^import\s+(?!type\b)[^;]*from\s+'[^']*\/use[A-Z][^']*';/m.test(code);
}

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
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        banner: (chunk) => (needsClient(chunk.facadeModuleId) ? "'use client';" : ''),
      },
      external: [/^react($|\/)/, /^react-dom($|\/)/, 'zustand', /^zustand\//, 'socket.io-client', 'socket.io', 'ws', 'react-toastify', /^react-toastify\//, /^@tanstack\//, /^node:/],
    },
  },
});
