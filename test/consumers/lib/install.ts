/**
 * Each consumer app is a separate npm project, installed from the registry the way a user
 * installs it, and cached under node_modules/.cache/rrk-consumers/<name>-<hash of its deps>/ so
 * the next run reuses it. The kit itself is never part of the cache key: every run installs the
 * tarball packed by globalSetup.ts into the cached install (`npm install --no-save <tgz>`).
 *
 * The cache lives inside the repo, so Node's lookup from an app file walks up past the app's own
 * node_modules into the repo's. A package the kit forgets to declare would then still resolve.
 * The checks guard against that: tsc's file list and the bundle's module list must stay inside
 * the app's install directory (see checks.ts), and Next's Turbopack is rooted at its app.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appEnv, expectSuccess, run } from './process';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const cacheRoot = join(repoRoot, 'node_modules/.cache/rrk-consumers');
export const artifactsRoot = join(repoRoot, 'test-artifacts/consumers');
/** Every built app's size, rewritten by each run. */
export const sizesFile = join(artifactsRoot, 'sizes.json');
const appsRoot = fileURLToPath(new URL('../apps/', import.meta.url));

const NPM_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];
const INSTALL_TIMEOUT = 10 * 60_000;
const INSTALLED_MARKER = '.rrk-deps-installed';

export interface InstallSpec {
  /** Names the cache directory and the logs. */
  name: string;
  /** Exact versions only. */
  dependencies: Record<string, string>;
}

export interface Install {
  name: string;
  /** The npm project: package.json and node_modules. */
  dir: string;
  /** Whether its dependencies came from the cache (false: installed by this run). */
  cached: boolean;
  /** The kit's package.json as installed. */
  kit: { version: string; dir: string };
  /** A binary of the install (`node_modules/.bin/<name>`). */
  bin(name: string): string;
}

/** Where a step of an install writes its output. */
export const logOf = (install: string, step: string) => join(artifactsRoot, install, `${step}.log`);

function cacheKey(spec: InstallSpec): string {
  const deps = Object.fromEntries(Object.entries(spec.dependencies).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(deps)).digest('hex').slice(0, 12);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on a path (a directory created atomically), for the installs two test files
 * or two runs could share. A lock whose owner died, or older than `staleMs`, is taken over.
 */
export async function withLock<T>(path: string, timeoutMs: number, fn: () => Promise<T>, staleMs = 20 * 60_000): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + timeoutMs;
  mkdirSync(join(lock, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let stale = false;
      try {
        const owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
        stale = (owner > 0 && !pidAlive(owner)) || Date.now() - statSync(lock).mtimeMs > staleMs;
      } catch {
        // being created or removed right now: look again
        stale = existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10_000;
      }
      if (stale) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for the lock ${lock}`);
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The install for `spec`, with this run's tarball in it. Dependencies come from the cache when
 * a complete install is there (a marker written after `npm install` succeeded), else from the
 * registry. Throws with npm's own output when an install fails.
 */
export async function prepareInstall(spec: InstallSpec, tarball: string): Promise<Install> {
  for (const [name, version] of Object.entries(spec.dependencies)) {
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) throw new Error(`${spec.name}: ${name}@${version} is not an exact version`);
  }
  mkdirSync(cacheRoot, { recursive: true });
  const dir = join(cacheRoot, `${spec.name}-${cacheKey(spec)}`);
  return withLock(dir, INSTALL_TIMEOUT * 2, async () => {
    const cached = existsSync(join(dir, INSTALLED_MARKER));
    if (!cached) {
      // Installs of this app for other versions are outdated: only this one is used now.
      const key = basename(dir);
      for (const entry of readdirSync(cacheRoot)) {
        if (entry !== key && new RegExp(`^${spec.name.replace(/[.]/g, '\\.')}-[0-9a-f]{12}$`).test(entry)) rmSync(join(cacheRoot, entry), { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const pkg = { name: `rrk-consumer-${spec.name}`, version: '0.0.0', private: true, type: 'module', dependencies: spec.dependencies };
      writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
      const deps = await run('npm', ['install', ...NPM_FLAGS], { cwd: dir, env: appEnv(), timeoutMs: INSTALL_TIMEOUT, log: logOf(spec.name, 'npm-install-deps') });
      expectSuccess(`npm install (the app's dependencies, in ${dir})`, deps);
      writeFileSync(join(dir, INSTALLED_MARKER), `${new Date().toISOString()}\n`);
    }
    // Whatever the previous run left must not pass for this run's package.
    rmSync(join(dir, 'node_modules/react-realtime-kit'), { recursive: true, force: true });
    const kit = await run('npm', ['install', '--no-save', ...NPM_FLAGS, tarball], { cwd: dir, env: appEnv(), timeoutMs: INSTALL_TIMEOUT, log: logOf(spec.name, 'npm-install-tarball') });
    if (kit.code !== 0) rmSync(join(dir, 'node_modules/react-realtime-kit'), { recursive: true, force: true });
    expectSuccess(`npm install --no-save ${tarball.split('/').pop()} (the packed kit, into ${spec.name})`, kit);
    const kitDir = join(dir, 'node_modules/react-realtime-kit');
    if (!existsSync(kitDir) || lstatSync(kitDir).isSymbolicLink()) throw new Error(`${kitDir} is missing or a symlink: the kit must be installed from the tarball`);
    const lock = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    const resolved = lock.packages['node_modules/react-realtime-kit']?.resolved ?? '';
    // npm records a local tarball by a relative path; the per-run temp directory makes it unique.
    if (!resolved.endsWith(`${basename(dirname(tarball))}/${basename(tarball)}`)) throw new Error(`the installed kit came from ${resolved || 'nowhere'}, not from this run's tarball ${tarball}`);
    const version = (JSON.parse(readFileSync(join(kitDir, 'package.json'), 'utf8')) as { version: string }).version;
    return { name: spec.name, dir, cached, kit: { version, dir: kitDir }, bin: (name: string) => join(dir, 'node_modules/.bin', name) };
  });
}

/**
 * Copy an app's sources (test/consumers/apps/<template>/) into `dest`, replacing what a
 * previous run left there, and remove the build outputs named in `clean`.
 */
export function copyApp(template: string, dest: string, clean: string[] = []): string {
  const from = join(appsRoot, template);
  mkdirSync(dest, { recursive: true });
  for (const entry of [...readdirSync(from), ...clean]) rmSync(join(dest, entry), { recursive: true, force: true });
  cpSync(from, dest, { recursive: true });
  return dest;
}
