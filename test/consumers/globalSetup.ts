/**
 * Once per `vitest run` of the consumers project: build the kit if dist/ is missing or older
 * than what it is built from (as the bench does), then `npm pack` it into a temp directory.
 * Every consumer app installs that tarball: the package as npm would publish it, never src/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { distIsStale } from '../../bench/lib/size';
import type { AppSize } from './lib/checks';
import { artifactsRoot, repoRoot, sizesFile } from './lib/install';
import { appEnv, expectSuccess, run } from './lib/process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's `npm pack` tarball. */
    rrkTarball: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const started = Date.now();
  rmSync(sizesFile, { force: true });
  // RRK_CONSUMERS_TARBALL=/abs/path.tgz checks another build of the kit (an older commit, a
  // published version from `npm pack react-realtime-kit@x`) instead of packing this repo.
  const given = process.env['RRK_CONSUMERS_TARBALL'];
  if (given) {
    if (!isAbsolute(given) || !existsSync(given)) throw new Error(`RRK_CONSUMERS_TARBALL=${given}: not an absolute path to a file`);
    console.log(`consumers: checking ${given} (RRK_CONSUMERS_TARBALL), not this repo`);
    project.provide('rrkTarball', given);
    return printSizes;
  }
  const stale = distIsStale();
  if (stale) {
    // Not bench's buildPackage(): it passes on this process's environment, and vitest's
    // NODE_ENV=test makes vite build the kit with React's development JSX (jsxDEV), which
    // production apps do not have. appEnv() is the user's environment without it.
    const build = await run('npm', ['run', 'build'], { cwd: repoRoot, env: appEnv(), timeoutMs: 600_000, log: join(artifactsRoot, 'npm-run-build.log') });
    expectSuccess('npm run build (dist/ was missing or older than src/)', build);
  }
  const built = Date.now();
  const destination = mkdtempSync(join(tmpdir(), 'rrk-pack-'));
  const packed = await run('npm', ['pack', '--pack-destination', destination], { cwd: repoRoot, env: appEnv(), timeoutMs: 120_000 });
  expectSuccess('npm pack', packed);
  const tarballs = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${destination}:\n${packed.output}`);
  const tarball = join(destination, tarballs[0]!);
  console.log(`consumers: ${stale ? `built the kit (${built - started} ms), ` : 'dist/ is up to date, '}packed ${tarball} (${Date.now() - built} ms)`);
  project.provide('rrkTarball', tarball);
  return () => {
    rmSync(destination, { recursive: true, force: true });
    printSizes();
  };
}

/** The sizes once more, together, at the end of the output. */
function printSizes(): void {
  if (!existsSync(sizesFile)) return;
  const { apps } = JSON.parse(readFileSync(sizesFile, 'utf8')) as { apps: Record<string, AppSize> };
  const rows = Object.entries(apps).map(([app, s]) => `  ${app.padEnd(28)} JS ${String(s.jsGzipBytes).padStart(7)} B gzip (${s.jsBytes} B)  CSS ${s.cssGzipBytes} B gzip`);
  console.log(`consumers: built app sizes (${sizesFile}):\n${rows.join('\n')}`);
}
