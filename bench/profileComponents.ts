/**
 * `npx tsx bench/profileComponents.ts [--page components|kit] [--cards 200] [--rate 2000] [--seconds 5] [--highlight 1500]
 *   [--styles 0] [--trace] [--cpu] [--idle 3] [--from /tmp/before] [--css '<rules>']`
 *
 * Where the drop-in components spend the main thread: N real `OrderCard`s (bench/componentPage/)
 * on per-order sockets, fed at `rate` msg/s for `seconds`, in Debian's Chromium. Prints the
 * harness's figures (renders / ideal, lag, p95 frame interval), the page's long-task time, and
 * Chromium's rendering stats for the same window from `Performance.getMetrics` (script, style
 * recalc, layout: counts and time). `--trace` also records a `devtools.timeline` trace and sums
 * its main-thread events by name (Paint, PrePaint, Layerize…; slower than a measured run);
 * `--cpu` takes a V8 CPU profile and prints the top self time. `--idle S` also measures S
 * seconds with no messages after the run (what keeps animating when nothing changes).
 *
 * Needs `npm run build` first (the page loads `dist/styles.css`); `dist/` holds the CSS only
 * here, the components come from `src/`.
 */
import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { Browser, type Tab } from './lib/chromium';
import { reportCpuProfile, type CpuProfile } from './lib/cpuProfile';
import { BenchServer } from './lib/server';
import { expectedFinal, orderSequence } from './lib/workload';

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const cards = Number(value('--cards', '200'));
const rate = Number(value('--rate', '2000'));
const seconds = Number(value('--seconds', '5'));
const highlight = Number(value('--highlight', '1500'));
const styles = value('--styles', '1') !== '0';
const idle = Number(value('--idle', '0'));
/** CSS added after the stylesheet, to measure one rule: `--css '.rrk-order-card{content-visibility:visible}'`. */
const extraCss = value('--css', '');
const trace = args.includes('--trace');
/** `components` (this script's OrderCard page) or `kit` (the hooks page of `npm run bench`, which must have run once). */
const pageName = value('--page', 'components');
const cpu = args.includes('--cpu');
/** Another checkout's root (e.g. `git archive` of an older commit) to profile its components and CSS. */
const from = value('--from', '');

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const outDir = here('./.build/components/');
const root = from ? `${from.replace(/\/$/, '')}/` : here('../');
if (!existsSync(`${root}dist/styles.css`)) throw new Error(`${root}dist/styles.css is missing: run npm run build first`);
await build({
  configFile: false,
  logLevel: 'warn',
  root: here('./componentPage/'),
  base: './',
  mode: 'production',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
      { find: /^react-realtime-kit$/, replacement: `${root}src/index.ts` },
      { find: /^@styles/, replacement: `${root}dist/styles.css` },
    ],
  },
  build: { outDir, emptyOutDir: true, target: 'es2022', minify: !cpu, sourcemap: false, reportCompressedSize: false },
});

type Metrics = Record<string, number>;
async function metrics(tab: Tab): Promise<Metrics> {
  const { metrics: list } = await tab.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
function diff(a: Metrics, b: Metrics): Record<string, string> {
  const ms = (name: string) => `${((b[name]! - a[name]!) * 1000).toFixed(0)} ms`;
  const n = (name: string) => String(b[name]! - a[name]!);
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    recalcStyle: `${ms('RecalcStyleDuration')} (${n('RecalcStyleCount')} recalcs)`,
    layout: `${ms('LayoutDuration')} (${n('LayoutCount')} layouts)`,
    window: `${((b['Timestamp']! - a['Timestamp']!) * 1000).toFixed(0)} ms`,
  };
}

/**
 * CPU time (user + system, ms) of Chromium's processes by type (renderer, gpu-process, …),
 * from /proc: everything the page costs, including the compositor and raster threads that
 * paint runs on with --disable-gpu, which the main thread's figures leave out.
 */
function chromiumCpu(rootPid: number): Record<string, number> {
  const procs = new Map<number, { ppid: number; ms: number; type: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
      procs.set(Number(name), { ppid: Number(fields[1]), ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100, type });
    } catch {
      /* gone meanwhile */
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, i = 0; p > 1 && i < 10; p = procs.get(p)?.ppid ?? 0, i++) if (p === rootPid) return true;
    return false;
  };
  const out: Record<string, number> = {};
  for (const [pid, proc] of procs) if (inTree(pid)) out[proc.type] = (out[proc.type] ?? 0) + proc.ms;
  return out;
}
const cpuDiff = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(b).map((k) => [k, `${Math.round(b[k]! - (a[k] ?? 0))} ms`]));

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const server = await new BenchServer(here('./.build/')).listen();
const browser = await Browser.launch();
const traceEvents: TraceEvent[] = [];
let traceDone: (() => void) | undefined;
if (trace) {
  // The shared driver counts events only; the trace's data comes as events, so listen here.
  const ws = (browser.cdp as unknown as { ws: import('ws').WebSocket }).ws;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { method?: string; params?: { value?: TraceEvent[] } };
    if (message.method === 'Tracing.dataCollected') traceEvents.push(...(message.params?.value ?? []));
    else if (message.method === 'Tracing.tracingComplete') traceDone?.();
  });
}
try {
  const q = new URLSearchParams({ variant: 'components', stream: 'perOrder', cards: String(cards), highlight: String(highlight), styles: styles ? '1' : '0', css: extraCss });
  // `--page kit`: the hooks page with the minimal card (built by `npm run bench`, bench/.build/kit/).
  const tab = await browser.open(`http://127.0.0.1:${server.port}/${pageName}/index.html?${q}`);
  await tab.waitFor('window.__bench');
  const ready = await tab.eval<{ ok: boolean }>(`__bench.whenReady(${cards}, 0)`);
  if (!ready.ok) throw new Error(`page not ready: ${JSON.stringify(ready)} ${JSON.stringify(await tab.eval('__bench.errors.slice(0, 3)'))}`);
  await new Promise((r) => setTimeout(r, 1000));
  const sequence = orderSequence(1000, Math.round(rate * seconds), cards);
  await tab.send('Performance.enable', { timeDomain: 'threadTicks' });
  await tab.eval(`__bench.start(${JSON.stringify(expectedFinal(sequence, cards, 0))}); if (window.__longTasks) { __longTasks.total = 0; __longTasks.count = 0; }`);
  if (trace) await tab.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  if (cpu) {
    await tab.send('Profiler.enable');
    await tab.send('Profiler.setSamplingInterval', { interval: 200 });
    await tab.send('Profiler.start');
  }
  const rootPid = (browser as unknown as { child: { pid: number } }).child.pid;
  const cpuBefore = chromiumCpu(rootPid);
  const before = await metrics(tab);
  const sent = await server.replay('perOrder', sequence, rate);
  const done = await tab.eval<{ done: boolean; doneAt: number }>('__bench.whenDone(5000)', 70_000);
  const after = await metrics(tab);
  const cpuAfter = chromiumCpu(rootPid);
  const longTasks = await tab.eval<{ total: number; count: number }>('({ total: 0, count: 0, ...window.__longTasks })');
  let profile: CpuProfile | undefined;
  if (cpu) profile = (await tab.send<{ profile: CpuProfile }>('Profiler.stop')).profile;
  if (trace) {
    const complete = new Promise<void>((r) => (traceDone = r));
    await tab.send('Tracing.end');
    await complete;
  }
  const page = await tab.eval<Record<string, any>>(`__bench.collect(${JSON.stringify({ lag: true, from: sent.startedAt })})`, 120_000);
  console.log(`${cards} OrderCards, per-order sockets, ${rate} msg/s for ${seconds} s, styles ${styles ? 'on' : 'off'}${extraCss ? ` + ${extraCss}` : ''}, highlightFor ${highlight}${from ? `, from ${from}` : ''}`);
  console.log(
    JSON.stringify(
      {
        sentMs: Math.round(sent.endedAt - sent.startedAt),
        finalShownMsAfterLastSent: done.done ? Math.round(done.doneAt - sent.endedAt) : 'not within 5 s',
        renders: page['renders'],
        ideal: page['ideal'],
        rendersPerIdeal: Number((page['renders'] / page['ideal']).toFixed(2)),
        lagP50: page['lagP50'],
        lagP95: page['lagP95'],
        frameP50: page['frameP50'],
        frameP95: page['frameP95'],
        animationFrames: page['animationFrames'],
        longTaskMs: Math.round(longTasks.total),
        longTasks: longTasks.count,
        chromium: diff(before, after),
        chromiumCpuByProcess: cpuDiff(cpuBefore, cpuAfter),
        errors: page['errors'],
      },
      null,
      2,
    ),
  );
  if (idle > 0) {
    const a = await metrics(tab);
    const cpuA = chromiumCpu(rootPid);
    await new Promise((r) => setTimeout(r, idle * 1000));
    const b = await metrics(tab);
    console.log(`idle ${idle} s, no messages:`, JSON.stringify({ ...diff(a, b), cpuByProcess: cpuDiff(cpuA, chromiumCpu(rootPid)) }));
  }
  if (trace) {
    const main = new Set(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const byName = new Map<string, { ms: number; n: number }>();
    for (const e of traceEvents) {
      if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
      const entry = byName.get(e.name) ?? { ms: 0, n: 0 };
      entry.ms += (e.tdur ?? e.dur ?? 0) / 1000;
      entry.n += 1;
      byName.set(e.name, entry);
    }
    const wanted = ['FunctionCall', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'];
    const run = byName.get('RunTask');
    console.log(`trace, renderer main thread, thread (CPU) time: tasks ${run?.ms.toFixed(0)} ms in ${run?.n}; inclusive ms, count:`);
    for (const name of wanted) {
      const entry = byName.get(name);
      if (entry) console.log(`${entry.ms.toFixed(0).padStart(8)} ms ${String(entry.n).padStart(7)}  ${name}`);
    }
    const others = [...byName].filter(([name]) => name !== 'RunTask' && !wanted.includes(name)).sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
    console.log(`others: ${others.map(([name, e]) => `${name} ${e.ms.toFixed(0)} ms`).join(', ')}`);
  }
  if (profile) reportCpuProfile(profile, here('./.build/components.cpuprofile'), 25);
  await tab.close();
} finally {
  await browser.close();
  await server.close();
}
