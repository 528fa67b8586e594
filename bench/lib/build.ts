/**
 * Builds the bench pages once per variant with vite into bench/.build/<variant>/. React's
 * profiling build stands in for react-dom/client so that <Profiler> counts renders.
 *
 * - `kit`, `ruw`: the minimal card (page/index.html → page/main.tsx, `@variant`), the hooks.
 * - `orderCard`, `ruwOrderCard`: the kit's order card with `dist/styles.css`
 *   (page/components.html → page/components.tsx, `@cardVariant`), the components.
 * - `widgets`: the per-component page (page/widgets.html → page/widgets.tsx): OrdersBoard,
 *   RealTimeDashboard, NotificationBell, ChatPanel on the in-page simulator.
 */
import react from '@vitejs/plugin-react';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const variants = ['kit', 'ruw', 'orderCard', 'ruwOrderCard', 'widgets'] as const;
export type Variant = (typeof variants)[number];

/** The HTML page each variant is built from (and served as): bench/.build/<variant>/<page>. */
export const variantPage: Record<Variant, string> = {
  kit: 'index.html',
  ruw: 'index.html',
  orderCard: 'components.html',
  ruwOrderCard: 'components.html',
  widgets: 'widgets.html',
};

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const buildRoot = here('../.build/');
/** The built package's stylesheet the component pages load (`npm run build` writes it). */
export const distStyles = here('../../dist/styles.css');

/** `minify: false` keeps function names readable in a CPU profile (bench/profile.ts). */
export async function buildPages(options: { minify?: boolean; only?: readonly Variant[] } = {}): Promise<void> {
  const wanted = options.only ?? variants;
  if (wanted.some((v) => variantPage[v] !== 'index.html') && !existsSync(distStyles)) {
    throw new Error(`${distStyles} is missing: the component pages load the built stylesheet. Run \`npm run build\` first.`);
  }
  for (const variant of wanted) {
    const page = variantPage[variant];
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
          { find: /^@cardVariant$/, replacement: here(`../page/variants/${variant}.tsx`) },
          { find: /^@kit-styles/, replacement: distStyles },
          { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
          { find: /^react-realtime-kit\/testing$/, replacement: here('../../src/testing/index.ts') },
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
        rollupOptions: { input: here(`../page/${page}`) },
      },
    });
  }
}
