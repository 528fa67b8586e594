/**
 * `npm run bench:profile [-- ours|theirs] [-- --cards 500 --frames 20000] [-- --stream multi|perOrder]`
 *
 * One burst with V8's sampling profiler on (CDP Profiler domain, enabled for this run only; the
 * measured runs of bench/run.ts enable nothing). Writes bench/.build/<side>.cpuprofile (open it
 * in Chromium DevTools' Performance panel) and prints the functions with the most self time.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPages, buildRoot } from './lib/build';
import { Browser } from './lib/chromium';
import { runPage, type Side } from './lib/measure';
import { BenchServer } from './lib/server';
import { orderSequence } from './lib/workload';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const value = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const side: Side = args.includes('theirs') ? 'theirs' : 'ours';
const cards = Number(value('--cards', '500'));
const frames = Number(value('--frames', '20000'));
const stream = value('--stream', 'multi') as 'multi' | 'perOrder';

await buildPages({ minify: false });
const server = await new BenchServer(buildRoot).listen();
const browser = await Browser.launch();
let profile: Profile | undefined;
try {
  const result = await runPage(browser, server, {
    side,
    stream,
    cards,
    filter: true,
    sequence: orderSequence(1000, frames, cards),
    doneTimeoutMs: 180_000,
    lag: false,
    hooks: {
      async beforeSend(tab) {
        await tab.send('Profiler.enable');
        await tab.send('Profiler.setSamplingInterval', { interval: 200 });
        await tab.send('Profiler.start');
      },
      async afterDone(tab) {
        profile = (await tab.send<{ profile: Profile }>('Profiler.stop')).profile;
        await tab.send('Profiler.disable');
      },
    },
  });
  console.log(`${side}: ${result.wallMs?.toFixed(0)} ms to the final state, ${result.renders} renders / ${result.ideal} ideal (profiler on: slower than a measured run)`);
} finally {
  await browser.close();
  await server.close();
}
if (profile) {
  const file = fileURLToPath(new URL(`./.build/${side}.cpuprofile`, import.meta.url));
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile!.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    total += us;
    const f = node.callFrame;
    const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    byName.set(key, (byName.get(key) ?? 0) + us);
  }
  console.log(`total sampled ${(total / 1000).toFixed(0)} ms; top self time:`);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  console.log(`wrote ${file}`);
}
