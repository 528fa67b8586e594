/**
 * Once per `vitest run` of the consumers project: build the kit if dist/ is missing or older
 * than what it is built from (as the bench does), then `npm pack` it into a temp directory.
 * Every consumer app installs that tarball: the package as npm would publish it, never src/.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPackage, distIsStale } from '../../bench/lib/size';
import { repoRoot } from './lib/install';
import { appEnv, expectSuccess, run } from './lib/process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's `npm pack` tarball. */
    rrkTarball: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const started = Date.now();
  const stale = distIsStale();
  if (stale) buildPackage();
  const built = Date.now();
  const destination = mkdtempSync(join(tmpdir(), 'rrk-pack-'));
  const packed = await run('npm', ['pack', '--pack-destination', destination], { cwd: repoRoot, env: appEnv(), timeoutMs: 120_000 });
  expectSuccess('npm pack', packed);
  const tarballs = readdirSync(destination).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${destination}:\n${packed.output}`);
  const tarball = join(destination, tarballs[0]!);
  console.log(`consumers: ${stale ? `built the kit (${built - started} ms), ` : 'dist/ is up to date, '}packed ${tarball} (${Date.now() - built} ms)`);
  project.provide('rrkTarball', tarball);
  return () => rmSync(destination, { recursive: true, force: true });
}
