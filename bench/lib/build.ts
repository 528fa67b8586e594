/**
 * Builds the bench page once per variant with vite into bench/.build/<variant>/. React's
 * profiling build stands in for react-dom/client so that <Profiler> counts renders.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const variants = ['kit', 'ruw'] as const;
export type Variant = (typeof variants)[number];

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const buildRoot = here('../.build/');

/** `minify: false` keeps function names readable in a CPU profile (bench/profile.ts). */
export async function buildPages(options: { minify?: boolean } = {}): Promise<void> {
  for (const variant of variants) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: here('../page/'),
      base: './',
      mode: 'production',
      plugins: [react()],
      resolve: {
        alias: [
          { find: /^@variant$/, replacement: here(`../page/variants/${variant}.tsx`) },
          { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
          { find: /^react-realtime-kit$/, replacement: here('../../src/index.ts') },
        ],
      },
      build: {
        outDir: `${buildRoot}${variant}`,
        emptyOutDir: true,
        target: 'es2022',
        minify: options.minify ?? true,
        sourcemap: false,
        reportCompressedSize: false,
      },
    });
  }
}
