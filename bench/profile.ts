/**
 * `npm run bench:profile [-- ours|theirs] [-- --cards 500 --frames 20000] [-- --stream multi|perOrder]`
 *
 * One burst with V8's sampling profiler on (CDP Profiler domain, enabled for this run only; the
 * measured runs of bench/run.ts enable nothing). Writes bench/.build/<side>.cpuprofile (open it
 * in Chromium DevTools' Performance panel) and prints the functions with the most self time.
 */
import { fileURLToPath } from 'node:url';
import { buildPages, buildRoot } from './lib/build';
import { Browser } from './lib/chromium';
import { reportCpuProfile, type CpuProfile } from './lib/cpuProfile';
import { runPage, type Side } from './lib/measure';
import { BenchServer } from './lib/server';
import { orderSequence } from './lib/workload';

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
let profile: CpuProfile | undefined;
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
        profile = (await tab.send<{ profile: CpuProfile }>('Profiler.stop')).profile;
        await tab.send('Profiler.disable');
      },
    },
  });
  console.log(`${side}: ${result.wallMs?.toFixed(0)} ms to the final state, ${result.renders} renders / ${result.ideal} ideal (profiler on: slower than a measured run)`);
} finally {
  await browser.close();
  await server.close();
}
if (profile) reportCpuProfile(profile, fileURLToPath(new URL(`./.build/${side}.cpuprofile`, import.meta.url)));
