import react from '@vitejs/plugin-react';
import { writeFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** Writes modules.json: every module in the bundle, for the test to see where each came from. */
function recordModules(): Plugin {
  return {
    name: 'rrk-record-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const ids = new Set<string>();
      for (const output of Object.values(bundle)) if (output.type === 'chunk') for (const id of output.moduleIds) ids.add(id);
      writeFileSync('modules.json', `${JSON.stringify([...ids].sort(), null, 2)}\n`);
    },
  };
}

export default defineConfig({
  plugins: [react(), recordModules()],
  build: { outDir: 'dist', emptyOutDir: true },
});
