/**
 * Minified + gzipped bytes of each public entry point, measured one way for both sides:
 * a vite (rolldown) library build of one entry, ESM, then minified by rolldown's minifier
 * (vite leaves whitespace in ES library builds), with react, react-dom and
 * reconnecting-websocket external (peers, and the transport the issue excludes); zustand is
 * bundled on our side because it is a dependency every app of the kit ships. gzip -9.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { minifySync, parseSync } from 'rolldown/utils';
import { build, type Rollup } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = resolve(root, 'bench/.build/size');

const baseExternal: (string | RegExp)[] = [/^react($|\/)/, /^react-dom($|\/)/, 'reconnecting-websocket'];

export interface SizeRow {
  name: string;
  /** What the entry re-exports. */
  entry: string;
  external: string;
  minBytes: number;
  gzipBytes: number;
}

export interface ModuleWeight {
  group: string;
  /** Minified bytes of the group's modules, each minified on its own (top-level names kept). */
  minBytes: number;
  /** Share of the bundle's gzip size, in proportion to minBytes (an estimate). */
  gzipEstimate: number;
}

const gz = (text: string | Uint8Array): number => gzipSync(text, { level: 9 }).length;

/** Minify as an app's production build would (compress + mangle, ES module). */
function minifyJs(code: string, module = true): string {
  // A lone module (for the breakdown) is minified as a script so its declarations survive.
  const result = minifySync('bundle.js', code, { module, compress: true, mangle: true });
  if (result.errors.length) throw new Error(`size: minify failed: ${result.errors[0]!.message}`);
  return result.code;
}

async function bundle(name: string, source: string, external: (string | RegExp)[]): Promise<Rollup.OutputChunk> {
  mkdirSync(work, { recursive: true });
  const entry = resolve(work, `${name}.ts`);
  writeFileSync(entry, source);
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root,
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: name },
      rollupOptions: { external },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = Array.isArray(output) ? output : [output];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`size: ${name} built into ${chunks.length} chunks`);
  return chunks[0]!;
}

function inlineCss(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  return readFileSync(file, 'utf8').replace(/^\s*@import\s+(?:url\(\s*)?["']([^"']+)["']\s*\)?\s*;\s*$/gm, (rule, target: string) =>
    target.startsWith('.') ? inlineCss(resolve(dirname(file), target), seen) : rule,
  );
}

const src = (path: string) => JSON.stringify(resolve(root, 'src', path));

function groupOf(id: string): string {
  const path = relative(root, id.replace(/^\0/, ''));
  if (path.includes('node_modules/zustand')) return 'zustand';
  if (path.startsWith('src/protocols/')) {
    if (/(FieldReader|decode|validate|normalizeTimestamp|sanitizeUrl)\.ts$/.test(path)) return 'protocols: validation layer';
    return 'protocols: dialects';
  }
  if (path.startsWith('src/core/store/')) return 'core: store + reducers';
  if (path.startsWith('src/core/')) return 'core: client, connection, pool, REST';
  if (path.startsWith('src/hooks/')) return 'hooks';
  return path;
}

/** Bytes of string and template literals in minified code: mostly error and warning text. */
function literalBytes(code: string): number {
  const { program } = parseSync('bundle.js', code, { sourceType: 'module' });
  let bytes = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; start?: number; end?: number; value?: unknown };
    if ((n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateElement') {
      bytes += (n.end ?? 0) - (n.start ?? 0);
      return;
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'parent' && value && typeof value === 'object') walk(value);
  };
  walk(program);
  return bytes;
}

export async function measureSizes(): Promise<{ rows: SizeRow[]; breakdown: ModuleWeight[]; modules: { module: string; minBytes: number }[]; literalBytes: number; targetBytes: number }> {
  const rows: SizeRow[] = [];
  const ext = 'react, react-dom, reconnecting-websocket';
  const add = async (name: string, entry: string, source: string, external = baseExternal, externalText = ext) => {
    const chunk = await bundle(name, source, external);
    const code = minifyJs(chunk.code);
    rows.push({ name, entry, external: externalText, minBytes: Buffer.byteLength(code), gzipBytes: gz(code) });
    return chunk;
  };

  await add('core', 'src/core + src/protocols (client, store, pool, all five dialects)', `export * from ${src('core/index.ts')};\nexport * from ${src('protocols/index.ts')};\n`);
  await add('hooks', 'src/hooks (with the core they use)', `export * from ${src('hooks/index.ts')};\n`);
  const target = await add(
    'core+dialects+hooks',
    'src/core + src/protocols + src/hooks',
    `export * from ${src('core/index.ts')};\nexport * from ${src('protocols/index.ts')};\nexport * from ${src('hooks/index.ts')};\n`,
  );
  await add(
    'an app: client + provider + 2 hooks',
    'what a dashboard imports: createRealtimeClient, RealtimeProvider, useOrderSocket, useRealtimeState (tree-shaken)',
    `export { createRealtimeClient } from ${src('core/index.ts')};\nexport { RealtimeProvider, useOrderSocket, useRealtimeState } from ${src('hooks/index.ts')};\n`,
  );
  await add(
    'one backend through hooks: createRealtimeCore + RealtimeProvider + useOrderSocket',
    'an app on the order stream only: createRealtimeCore, RealtimeProvider, useOrderSocket (tree-shaken)',
    `export { createRealtimeCore } from ${src('core/index.ts')};\nexport { RealtimeProvider, useOrderSocket } from ${src('hooks/index.ts')};\n`,
  );
  await add(
    'one backend through hooks: createRealtimeCore + RealtimeProvider + useOrderSocket + useAdminDashboard',
    'the same plus the admin dashboard: createRealtimeCore, RealtimeProvider, useOrderSocket, useAdminDashboard (tree-shaken)',
    `export { createRealtimeCore } from ${src('core/index.ts')};\nexport { RealtimeProvider, useOrderSocket, useAdminDashboard } from ${src('hooks/index.ts')};\n`,
  );
  await add(
    'components',
    'src/components (with hooks and core)',
    `export * from ${src('components/index.ts')};\n`,
    [...baseExternal, 'react-toastify', /^react-toastify\//],
    `${ext}, react-toastify (used by RealtimeToaster only)`,
  );
  await add('everything (react-realtime-kit)', 'src/index.ts, the package entry', `export * from ${src('index.ts')};\n`, [...baseExternal, 'react-toastify', /^react-toastify\//], `${ext}, react-toastify`);

  const css = (await transform(inlineCss(resolve(root, 'src/styles.css')), { loader: 'css', minify: true })).code;
  rows.push({ name: 'CSS (styles.css)', entry: 'src/styles.css with its imports inlined, minified by esbuild', external: '', minBytes: Buffer.byteLength(css), gzipBytes: gz(css) });

  const ruwEntry = JSON.stringify(resolve(root, 'node_modules/react-use-websocket/dist/index.js'));
  await add('react-use-websocket (package)', 'react-use-websocket 4.13 main entry (dist/index.js, CommonJS: no tree-shaking)', `export * from ${ruwEntry};\nexport { default } from ${ruwEntry};\n`, [/^react($|\/)/, /^react-dom($|\/)/], 'react, react-dom');
  await add(
    'react-use-websocket (useWebSocket only)',
    'its TypeScript source (src/lib/use-websocket.ts): useWebSocket alone, tree-shaken',
    `export { useWebSocket as default } from ${JSON.stringify(resolve(root, 'node_modules/react-use-websocket/src/lib/use-websocket.ts'))};\n`,
    [/^react($|\/)/, /^react-dom($|\/)/],
    'react, react-dom',
  );

  // Which modules weigh what inside core+dialects+hooks (each module minified on its own).
  const groups = new Map<string, number>();
  const modules: { module: string; minBytes: number }[] = [];
  for (const [id, info] of Object.entries(target.modules)) {
    if (!info.code) continue;
    const min = minifyJs(info.code, false);
    const group = groupOf(id);
    groups.set(group, (groups.get(group) ?? 0) + Buffer.byteLength(min));
    modules.push({ module: relative(root, id.replace(/^\0/, '')), minBytes: Buffer.byteLength(min) });
  }
  modules.sort((a, b) => b.minBytes - a.minBytes);
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const targetGz = rows.find((r) => r.name === 'core+dialects+hooks')!.gzipBytes;
  const breakdown = [...groups]
    .map(([group, minBytes]) => ({ group, minBytes, gzipEstimate: Math.round((minBytes / total) * targetGz) }))
    .sort((a, b) => b.minBytes - a.minBytes);
  return { rows, breakdown, modules, literalBytes: literalBytes(minifyJs(target.code)), targetBytes: targetGz };
}
