// The shape of src/, checked on the source itself: imports run one way (components → hooks /
// backends → core → validation), there is no import circle, the core and the validation layer
// run without React, and the core names no backend.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import type { StoreSlice } from '../src/core/store/types';

// If anything under src/core or src/validation imported React, importing it would throw here.
vi.mock('react', () => {
  throw new Error('src/core imported react');
});
vi.mock('react-dom', () => {
  throw new Error('src/core imported react-dom');
});

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Every import and re-export specifier of a file, type-only and dynamic ones included (TypeScript's own scanner). */
function specifiers(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return [...info.importedFiles, ...(info.ambientExternalModules ?? []).map((fileName) => ({ fileName }))].map((f) => f.fileName);
}

function resolveImport(from: string, spec: string, known: Set<string>): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), spec));
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
}

const all = files('src');
const known = new Set(all);
const graph = new Map(all.map((file) => [file, specifiers(file).map((s) => resolveImport(file, s, known)).filter((f): f is string => Boolean(f))]));

/** The layer of a file; a file may import only its own layer or the ones it is allowed to reach. */
function layerOf(file: string): string {
  const parts = relative('src', file).split('/');
  return parts.length === 1 ? 'entry' : parts[0]!;
}

const allowed: Record<string, string[]> = {
  validation: [],
  core: ['validation'],
  hooks: ['core', 'validation'],
  backends: ['hooks', 'core', 'validation'],
  componentUtils: ['core', 'validation'],
  components: ['componentUtils', 'backends', 'hooks', 'core', 'validation'],
  styles: [],
  testing: ['core'],
  entry: ['components', 'componentUtils', 'backends', 'hooks', 'core', 'validation', 'testing'],
};

const backendWords = /\b(orders?|timing|notifications?|chat|admin|orderStream|adminDashboard|boost(?:ing|er)?|django|channels|ALLOWED_HOSTS)\b|order\.update|ws\/orders/i;


describe('the architecture of src/', () => {
  it('imports run one way: components → hooks/backends → core → validation', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && !allowed[from]!.includes(to)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import circle, type-only imports included', () => {
    // Tarjan's strongly connected components over the relative-import graph.
    let index = 0;
    const indices = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      indices.set(v, index);
      low.set(v, index);
      index += 1;
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!indices.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
      if (low.get(v) === indices.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || graph.get(v)!.includes(v)) circles.push(component.sort());
      }
    };
    for (const file of graph.keys()) if (!indices.has(file)) visit(file);
    expect(circles).toEqual([]);
  });

  it('the graph check sees real imports (a file that imports nothing would make it vacuous)', () => {
    expect(graph.get('src/backends/orders/ordersBackend.ts')).toEqual(expect.arrayContaining(['src/core/RealtimeClient.ts', 'src/backends/orders/ordersSlice.ts']));
    expect(graph.get('src/core/createRealtimeClient.ts')!.length).toBeGreaterThan(5);
  });

  it('no file in src/core names a backend (or the server it runs on) outside comments', () => {
    const named = files('src/core').flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .map((line, i) => [i + 1, line] as const)
        .filter(([, line]) => backendWords.test(line))
        .map(([n, line]) => `${file}:${n}: ${line.trim()}`),
    );
    expect(named).toEqual([]);
  });

  it('src/core and src/validation import nothing from outside but zustand/vanilla', () => {
    const bare = new Set<string>();
    for (const file of [...files('src/core'), ...files('src/validation')]) {
      for (const spec of specifiers(file)) if (!spec.startsWith('.')) bare.add(spec);
    }
    expect([...bare].sort()).toEqual(['zustand/vanilla']);
  });

  it('the core runs with React absent, with a backend it has never heard of', async () => {
    const core = await import('../src/core/index');
    const client = core.createRealtimeClient({ url: 'ws://127.0.0.1:9' });
    const counter: StoreSlice<number> = { key: 'counter', initial: 0, reduce: (n, entry) => (entry.event.kind === 'counter/add' ? n + (entry.event['by'] as number) : n) };
    client.use({ name: 'counter', path: 'ws/counter/', dialect: { name: 'counter', token: 'none', parse: () => ({ ok: true, events: [] }), encode: () => '' }, slices: [counter] });
    client.dispatch({ endpoint: 'counter', event: { kind: 'counter/add', by: 2 } });
    await Promise.resolve();
    expect((client.store.getState() as unknown as { counter: number }).counter).toBe(2);
    client.dispose();
  });
});
