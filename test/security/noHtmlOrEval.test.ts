// Text from the wire is only ever rendered as text: nothing in src/ writes HTML or runs code
// from a string. A grep over every source file, comments included (a commented-out
// `innerHTML` is one uncomment away), that must find nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [/dangerouslySetInnerHTML/, /\b(?:inner|outer)HTML\b/, /insertAdjacentHTML/, /document\.write/, /(?<![\w.])eval\s*\(/, /\bnew\s+Function\s*\(/, /\bset(?:Timeout|Interval)\s*\(\s*['"`]/];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(tsx?|jsx?|mjs)$/.test(e.name) ? [join(dir, e.name)] : []));
}

/** `file:line: text` for every line of `sources` that matches a forbidden pattern. */
function findings(sources: Record<string, string>): string[] {
  return Object.entries(sources).flatMap(([file, text]) =>
    text
      .split('\n')
      .map((line, i) => [i + 1, line] as const)
      .filter(([, line]) => FORBIDDEN.some((pattern) => pattern.test(line)))
      .map(([n, line]) => `${file}:${n}: ${line.trim()}`),
  );
}

describe('src/ renders no HTML and evaluates no strings', () => {
  const sources = Object.fromEntries(files('src').map((file) => [file, readFileSync(file, 'utf8')]));

  it('has no dangerouslySetInnerHTML, innerHTML, eval( or new Function', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50); // the grep saw the whole tree
    expect(findings(sources)).toEqual([]);
  });

  it('would find each of them (the patterns are not vacuous)', () => {
    const planted = {
      'a.tsx': '<div dangerouslySetInnerHTML={{ __html: text }} />',
      'b.ts': 'node.innerHTML = text;',
      'c.ts': 'const value = eval(code);',
      'd.ts': 'const f = new Function("a", body);',
      'e.ts': 'setTimeout("alert(1)", 10);',
      'f.ts': 'el.insertAdjacentHTML("beforeend", html);',
      'g.ts': 'const ok = retrieval(1); model.evaluate(x); // no match',
    };
    expect(findings(planted).map((line) => line.split(':')[0])).toEqual(['a.tsx', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts']);
  });
});
