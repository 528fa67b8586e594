/**
 * Child processes for the consumer apps: every command runs in its own process group, so a
 * timeout or the end of a test ends it and everything it started (npm's scripts, next's
 * workers), by that group's id and nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

/**
 * The environment of an app's commands: the user's, without what the test runner adds.
 * vitest sets NODE_ENV=test, which would make `vite build` and `next build` ship React's
 * development build; VITE_* and VITEST* belong to the repo's own tests; colours garble errors.
 */
export function appEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_ENV|NODE_OPTIONS|TEST|VITEST.*|__VITEST.*|VITE_.*|TSX_.*|FORCE_COLOR)$/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', NEXT_TELEMETRY_DISABLED: '1', CI: env['CI'] ?? '1', ...extra };
}

export interface RunResult {
  code: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  ms: number;
}

/** End a process group this harness started: SIGTERM, then SIGKILL after `graceMs`. */
export async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is already gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  // Members of the group that outlived its leader.
  signal('SIGKILL');
}

/**
 * Run a command to its end (or `timeoutMs`, then its whole group is killed). Never throws for a
 * failing command: callers assert on `code` and show `output`. The output is saved to `log`.
 */
export async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number; log?: string }): Promise<RunResult> {
  const started = Date.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? appEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void killGroup(child);
  }, options.timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      output += `\n${error.message}`;
      resolve(-1);
    });
    child.once('close', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  await killGroup(child, 1000);
  if (timedOut) output += `\n[timed out after ${options.timeoutMs} ms: killed]`;
  const result = { code: timedOut ? null : code, output, ms: Date.now() - started };
  if (options.log) {
    mkdirSync(dirname(options.log), { recursive: true });
    writeFileSync(options.log, `$ ${[command, ...args].join(' ')}\n# cwd ${options.cwd}\n# exit ${result.code} after ${result.ms} ms\n\n${output}`);
  }
  return result;
}

/** The last `lines` lines of a command's output, for an assertion message. */
export function tail(output: string, lines = 40): string {
  return output.trim().split('\n').slice(-lines).join('\n');
}

/** Throw with the command's output unless it exited with 0. */
export function expectSuccess(what: string, result: RunResult): void {
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}):\n${tail(result.output)}`);
}

/** A port free right now on 127.0.0.1 (for servers that cannot listen on port 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
