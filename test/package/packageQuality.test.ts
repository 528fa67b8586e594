// The packed package as registries and type checkers see it: publint in strict mode, and
// @arethetypeswrong/cli for every entry under node16 (ESM) and bundler resolution. The package
// is ESM-only (Node 20.19+ can still `require()` it), so attw's esm-only profile applies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

function run(command: string, args: string[]): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', timeout: 120_000 }) };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('the packed package', () => {
  beforeAll(() => {
    if (!existsSync('dist/index.js')) throw new Error('dist/ is missing: run `npm run build` (npm test does it when dist/ is stale).');
  });

  it('passes publint --strict', () => {
    const { status, output } = run('npx', ['publint', '--strict']);
    expect(output).toContain('All good!');
    expect(status).toBe(0);
  });

  it('resolves every entry to real types under node16 and bundler resolution (attw), the CSS entry aside', () => {
    const { output } = run('npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'json']);
    const report = JSON.parse(output.slice(output.indexOf('{'))) as { analysis: { problems: { kind: string; entrypoint: string; resolutionKind: string }[] } };
    const problems = report.analysis.problems.filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
    expect(problems.map((p) => `${p.entrypoint} ${p.resolutionKind}: ${p.kind}`).filter((p) => !p.startsWith('./styles.css '))).toEqual([]);
    // The analysis really ran over the entries (an empty report would pass the line above).
    expect(Object.keys((report.analysis as unknown as { entrypoints: object }).entrypoints)).toEqual(['.', './socketio', './testing', './testing/server', './styles.css', './package.json']);
  });

  it('ships a licence, the README and its pictures, and no source maps pointing at sources it lacks', () => {
    const files = (JSON.parse(run('npm', ['pack', '--dry-run', '--json']).output) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/styles.css', 'dist/types/index.d.ts', 'docs/images/dashboard.png']));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const readme = readFileSync('README.md', 'utf8');
    for (const [, image] of readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) expect(files, `README image ${image}`).toContain(image);
  });
});
