#!/usr/bin/env node
// `npm test`: system packages (scripts/install-system-deps.sh), typecheck, the build when dist/
// is older than its sources, then the whole
// vitest suite (unit, browser and storybook projects), then one plain summary line
// ("vitest: N passed, N failed, N skipped") that CI logs can be read by.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const report = '.vitest-report.json';
const passthrough = process.argv.slice(2);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

// Debian packages the suite needs (Chromium for browser tests, the Django/Redis backends).
if (run('bash', ['scripts/install-system-deps.sh']) !== 0) {
  console.error('system packages missing: see the message above.');
  console.log('vitest: 0 passed, 1 failed');
  process.exit(1);
}

if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) {
  console.error('typecheck failed: fix the TypeScript errors above.');
  console.log('vitest: 0 passed, 1 failed');
  process.exit(1);
}

// The package tests (attw, publint) and the consumer apps install the packed package, so dist/
// must be current: build once here, before any test runs, rather than in parallel test files.
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0) : stat.mtimeMs;
}
const built = ['dist/index.js', 'dist/styles.css', 'dist/types/index.d.ts'];
const inputs = ['src', 'package.json', 'vite.config.ts', 'tsconfig.build.json', 'scripts/build-css.mjs', 'scripts/fix-dts-imports.mjs'];
const stale = !built.every((f) => existsSync(f)) || Math.max(...inputs.map(newest)) > Math.min(...built.map((f) => statSync(f).mtimeMs));
if (stale && run('npm', ['run', 'build']) !== 0) {
  console.error('npm run build failed: the package tests need the built package.');
  console.log('vitest: 0 passed, 1 failed');
  process.exit(1);
}

rmSync(report, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...passthrough]);

if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
} else {
  console.log('vitest: 0 passed, 1 failed');
}
process.exit(status);
