/**
 * Minified + gzipped bytes the way an app gets them: esbuild bundles a small entry that imports
 * the **built package** (`react-realtime-kit`, resolved through package.json `exports` to
 * `dist/…`, as an app's bundler would), ESM, minified, `process.env.NODE_ENV` = "production",
 * with only react, react-dom and react/jsx-runtime external: zustand
 * and react-toastify are bundled, since every app of the kit ships them. gzip -9.
 * react-use-websocket is measured the same way.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform, version as esbuildVersion, type Metafile, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = resolve(root, 'dist');
const PACKAGE = 'react-realtime-kit';

/** Peers: the only modules left out of every bundle. */
export const sizeExternal = ['react', 'react-dom', 'react/jsx-runtime'];
/** Row 1's budget, min+gzip: 10 kB of 1,000 B, the unit every size here is given in. */
export const TARGET_BYTES = 10_000;

export interface SizeRow {
  name: string;
  /** What the entry imports. */
  entry: string;
  minBytes: number;
  gzipBytes: number;
  /** Row 3: dist/styles.css, minified by esbuild, gzipped on its own. */
  css?: { minBytes: number; gzipBytes: number };
}

export interface ModuleWeight {
  group: string;
  modules: number;
  /** Minified bytes of the group in row 1's bundle (esbuild metafile `bytesInOutput`). */
  minBytes: number;
  /** Share of row 1's gzip size in proportion to minBytes (an estimate). */
  gzipEstimate: number;
}

export interface SizeResult {
  method: string;
  rows: SizeRow[];
  /** Row 1 by module group, heaviest first. */
  breakdown: ModuleWeight[];
  /** Row 1 by module, heaviest first. */
  modules: { module: string; minBytes: number }[];
  /** Row 1's modules in the group "other" (outside the groups a one-backend app needs). */
  otherModules: string[];
  targetBytes: number;
  targetLimit: number;
}

const gz = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;

// ---- the built package ------------------------------------------------------------------

/** Newest modification time under a path (files only). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(resolve(path, name))), 0);
}

const builtFiles = ['dist/index.js', 'dist/styles.css'].map((f) => resolve(root, f));
const buildInputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.build.json', 'scripts/build-css.mjs'].map((f) => resolve(root, f));

/** Whether dist is missing or older than what it is built from. */
export function distIsStale(): boolean {
  if (!builtFiles.every((f) => existsSync(f))) return true;
  const built = Math.min(...builtFiles.map((f) => statSync(f).mtimeMs));
  return Math.max(...buildInputs.map(newest)) > built;
}

/** `npm run build`, quietly; on failure, throws with the end of its output. */
export function buildPackage(): void {
  try {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`size: \`npm run build\` failed, so the built package cannot be measured:\n${output}`);
  }
}

function requireDist(): void {
  for (const file of builtFiles) {
    if (!existsSync(file)) throw new Error(`size: ${relative(root, file)} is missing: run \`npm run build\` first (the size rows measure the built package, not src).`);
  }
}

/**
 * `react-realtime-kit` → the file package.json `exports` names (esbuild resolves a package's
 * own name from inside it, through `exports`, as Node does). Checked to land in dist/.
 */
const builtPackage: Plugin = {
  name: 'built-package',
  setup(b) {
    b.onResolve({ filter: /^react-realtime-kit(\/|$)/ }, async (args) => {
      if (args.pluginData === 'built-package') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: root, pluginData: 'built-package' });
      if (resolved.errors.length) return { errors: resolved.errors };
      if (!resolved.path.startsWith(`${dist}/`)) {
        return { errors: [{ text: `${args.path} resolved to ${relative(root, resolved.path)}, not into dist/: check package.json "exports"` }] };
      }
      if (!existsSync(resolved.path)) return { errors: [{ text: `${relative(root, resolved.path)} is missing: run \`npm run build\`` }] };
      return resolved;
    });
  },
};

interface Bundle {
  code: string;
  metafile: Metafile;
}

async function bundle(name: string, source: string): Promise<Bundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: `size-entry-${name}.js`, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: sizeExternal,
    plugins: [builtPackage],
    // Not the repo's tsconfig.json: its `paths` map react-realtime-kit to src/ (for tests).
    tsconfigRaw: {},
    metafile: true,
    write: false,
    outfile: resolve(root, `bench/.build/size/${name.replace(/[^a-z0-9]+/gi, '-')}.js`),
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))!.text;
  return { code, metafile: result.metafile };
}

// ---- what each kB is ---------------------------------------------------------------------

function groupOf(path: string): string {
  if (path.includes('node_modules/zustand/')) return 'zustand';
  for (const dir of ['src/core/', 'src/validation/', 'src/backends/orders/', 'src/hooks/']) if (path.startsWith(dir)) return dir.slice(0, -1);
  return 'other';
}

/**
 * Row 1 by module: esbuild's metafile gives `bytesInOutput` per input file, and the package is
 * built one output module per source module, so `dist/core/Connection.js` is `src/core/Connection.ts`.
 */
function breakdownOf(b: Bundle, gzipBytes: number): Pick<SizeResult, 'breakdown' | 'modules' | 'otherModules'> {
  const output = Object.entries(b.metafile.outputs).find(([file]) => file.endsWith('.js'))![1];
  const modules: { module: string; minBytes: number }[] = [];
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    if (!bytesInOutput) continue;
    const path = relative(root, resolve(root, input)).replace(/^dist\/(.*)\.js$/, 'src/$1.ts');
    modules.push({ module: path, minBytes: bytesInOutput });
  }
  modules.sort((a, b2) => b2.minBytes - a.minBytes);
  const total = modules.reduce((sum, m) => sum + m.minBytes, 0);
  const groups = new Map<string, { modules: number; minBytes: number }>();
  for (const m of modules) {
    const g = groups.get(groupOf(m.module)) ?? { modules: 0, minBytes: 0 };
    g.modules++;
    g.minBytes += m.minBytes;
    groups.set(groupOf(m.module), g);
  }
  const breakdown = [...groups]
    .map(([group, g]) => ({ group, ...g, gzipEstimate: Math.round((g.minBytes / total) * gzipBytes) }))
    .sort((a, b2) => b2.minBytes - a.minBytes);
  return { breakdown, modules, otherModules: modules.filter((m) => groupOf(m.module) === 'other').map((m) => m.module) };
}

// ---- the rows ------------------------------------------------------------------------------

const allHooks = [
  'useRealtimeState',
  'useSubscription',
  'useConnectionStatus',
  'useOrderSocket',
  'useOrderSockets',
  'useTimingOrders',
  'useOrderTracking',
  'useNotifications',
  'useChat',
  'useAdminDashboard',
];

export async function measureSizes(): Promise<SizeResult> {
  requireDist();
  const rows: SizeRow[] = [];
  const add = async (name: string, entry: string, source: string) => {
    const b = await bundle(name, source);
    const row: SizeRow = { name, entry, minBytes: Buffer.byteLength(b.code), gzipBytes: gz(b.code) };
    rows.push(row);
    return { b, row };
  };

  const one = await add(
    'one backend through its hook',
    `createRealtimeClient, RealtimeProvider, useOrderSocket from '${PACKAGE}'`,
    `export { createRealtimeClient, RealtimeProvider, useOrderSocket } from '${PACKAGE}';\n`,
  );
  await add(
    'every backend and hook',
    `createRealtimeClient, RealtimeProvider, ${allHooks.join(', ')} from '${PACKAGE}'`,
    `export { createRealtimeClient, RealtimeProvider, ${allHooks.join(', ')} } from '${PACKAGE}';\n`,
  );
  const all = await add('components with their CSS', `export * from '${PACKAGE}' (react-toastify bundled) + dist/styles.css`, `export * from '${PACKAGE}';\n`);
  const css = (await transform(readFileSync(resolve(dist, 'styles.css'), 'utf8'), { loader: 'css', minify: true, legalComments: 'none' })).code;
  all.row.css = { minBytes: Buffer.byteLength(css), gzipBytes: gz(css) };

  await add('react-use-websocket (package)', `react-use-websocket 4.13, everything: its main entry (CommonJS, so no tree-shaking)`, `export * from 'react-use-websocket';\nexport { default } from 'react-use-websocket';\n`);
  await add(
    'react-use-websocket (useWebSocket only)',
    'its TypeScript source (src/lib/use-websocket.ts): useWebSocket alone, tree-shaken',
    `export { useWebSocket as default } from ${JSON.stringify(resolve(root, 'node_modules/react-use-websocket/src/lib/use-websocket.ts'))};\n`,
  );

  return {
    method: `esbuild ${esbuildVersion} bundle of the built package (resolved through package.json "exports" to dist/), ESM, minified, NODE_ENV=production, legal comments dropped; external: ${sizeExternal.join(', ')} only; gzip -9`,
    rows,
    ...breakdownOf(one.b, one.row.gzipBytes),
    targetBytes: one.row.gzipBytes,
    targetLimit: TARGET_BYTES,
  };
}
