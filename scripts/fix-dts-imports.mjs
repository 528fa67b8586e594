#!/usr/bin/env node
// Runs after `tsc` writes dist/types: gives every relative import in the declarations its
// `.js` (or `/index.js`) extension, as Node's ESM resolution (TypeScript's `node16`/`nodenext`)
// requires. Without it those apps see `Module has no exported member` and silent `any`s.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/types');
const specifier = /((?:from|import)\s*\(?\s*|declare module\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

let changed = 0;
for (const file of files(root)) {
  const text = readFileSync(file, 'utf8');
  const out = text.replace(specifier, (match, lead, quote, path) => {
    if (/\.(js|json|css)$/.test(path)) return match;
    const base = resolve(dirname(file), path);
    const target = existsSync(`${base}.d.ts`) ? `${path}.js` : existsSync(join(base, 'index.d.ts')) ? `${path}/index.js` : null;
    if (!target) throw new Error(`fix-dts-imports: ${file}: cannot resolve ${path}`);
    return `${lead}${quote}${target}${quote}`;
  });
  if (out !== text) {
    writeFileSync(file, out);
    changed += 1;
  }
}
console.log(`fix-dts-imports: ${changed} declaration files given .js extensions`);
