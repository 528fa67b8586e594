/** The packed tarball itself, before any app installs it. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { expectSuccess, run } from './lib/process';

describe('the packed tarball', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rrk-tarball-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ships React's production JSX only (a build under NODE_ENV=development or test emits jsxDEV, which production React lacks)", async () => {
    expectSuccess('tar -xzf', await run('tar', ['-xzf', inject('rrkTarball'), '-C', dir], { cwd: dir, timeoutMs: 60_000 }));
    const root = join(dir, 'package');
    const js = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.js'))
      .map((e) => join(e.parentPath, e.name));
    expect(js.length).toBeGreaterThan(0);
    const dev = js.filter((file) => /jsx-dev-runtime|\bjsxDEV\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(dev, 'modules of the package that import react/jsx-dev-runtime').toEqual([]);
  });
});
