#!/usr/bin/env node
// Writes dist/styles.css: src/styles.css with its relative @imports inlined (recursively,
// each file once), so apps get one file from `import 'react-realtime-kit/styles.css'`.
// Runs after `vite build`, which empties dist/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, 'src/styles.css');
const out = resolve(root, 'dist/styles.css');

const importRule = /^\s*@import\s+(?:url\(\s*)?["']([^"']+)["']\s*\)?\s*;\s*$/gm;

function inline(file, seen) {
  if (seen.has(file)) return '';
  seen.add(file);
  const css = readFileSync(file, 'utf8');
  return css.replace(importRule, (rule, target) => {
    if (!target.startsWith('.')) return rule; // a URL or package: leave it to the app's bundler
    const path = resolve(dirname(file), target);
    const body = inline(path, seen).trim();
    return `/* ${relative(root, path)} */\n${body}\n`;
  });
}

const css = inline(entry, new Set());
if (/@import\s/.test(css.replace(/\/\*[\s\S]*?\*\//g, ''))) {
  console.error('build-css: an @import was left in dist/styles.css; only relative imports are inlined.');
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, css);
console.log(`build-css: ${relative(root, out)} (${Buffer.byteLength(css)} bytes)`);
