#!/usr/bin/env node
// `npm test`: system packages (scripts/install-system-deps.sh), typecheck, then the whole
// vitest suite (unit, browser and storybook projects), then one plain summary line
// ("vitest: N passed, N failed, N skipped") that CI logs can be read by.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

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
