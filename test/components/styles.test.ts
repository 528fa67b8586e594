// Static checks on the shipped CSS: the rules the design sets for every component's styles,
// and WCAG AA contrast for every tone in both themes (computed from the tokens, so a bad
// token fails here in milliseconds; the Chromium axe test checks the rendered result).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tones } from '../fixtures/statuses';

const root = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const tokensCss = stripComments(read('src/styles/tokens.css'));
const componentCss = readdirSync(join(root, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => `src/components/${d.name}/${d.name}.css`);

/** The declarations of the first rule whose selector is exactly `selector`. */
function block(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--rrk-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Every property a stylesheet transitions or changes in a @keyframes rule. */
function animatedProperties(css: string): string[] {
  const out: string[] = [];
  for (const [, name, value] of css.matchAll(/(?:^|[;{\s])(transition(?:-property)?)\s*:\s*([^;}]+)/g)) {
    for (const part of value!.split(',')) {
      const property = part.trim().split(/\s+/)[0]!;
      // `transition: none`, or a shorthand that starts with its duration (`all` is implied).
      if (property === 'none') continue;
      out.push(name === 'transition' && /^(var\(|\d)/.test(property) ? 'all' : property);
    }
  }
  for (const [, body] of css.matchAll(/@keyframes\s+[\w-]+\s*\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}/g)) {
    for (const [, property] of body!.matchAll(/([\w-]+)\s*:/g)) if (property !== 'animation-timing-function') out.push(property!);
  }
  return out;
}

const light = block(tokensCss, ':where(:root, [data-theme="light"])');
const dark = block(tokensCss, ':where([data-theme="dark"])');
const osDark = block(tokensCss, ':where(:root:not([data-theme="light"]))');
const shared = block(tokensCss, ':where(:root)');

describe('styles', () => {
  it('src/styles.css imports the tokens and every component stylesheet', () => {
    const entry = read('src/styles.css');
    for (const path of ['src/styles/tokens.css', 'src/styles/notice.css', ...componentCss]) {
      expect(entry).toContain(`@import "./${path.replace(/^src\//, '')}";`);
    }
  });

  it('the OS dark theme and [data-theme="dark"] define the same tokens', () => {
    expect(Object.fromEntries(osDark)).toEqual(Object.fromEntries(dark));
  });

  it('light and dark define the same theme tokens', () => {
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it.each([...componentCss, 'src/styles/notice.css'])('%s: every selector is inside :where() and every token it uses exists', (path) => {
    const css = stripComments(read(path));
    const selectors = [...css.matchAll(/([^{};]+)\{/g)]
      .map((m) => m[1]!.trim())
      .filter((s) => !s.startsWith('@') && !/^(to|from|\d+%)$/.test(s));
    expect(selectors.length).toBeGreaterThan(0);
    // A pseudo-element cannot go inside :where(), so it follows it (the specificity stays 0).
    for (const selector of selectors) expect(selector, selector).toMatch(/^:where\(.*\)(::(before|after))?$/s);

    const local = [...css.matchAll(/(--rrk-[\w-]+)\s*:/g)].map((m) => m[1]!);
    const defined = new Set([...light.keys(), ...shared.keys(), ...local]);
    const used = [...css.matchAll(/var\((--rrk-[\w-]+)(,)?/g)].filter((m) => !m[2]).map((m) => m[1]!);
    for (const token of used) expect(defined.has(token), `${token} is not defined`).toBe(true);
  });

  it.each(['light', 'dark'] as const)('every tone meets WCAG AA (4.5:1) in the %s theme', (theme) => {
    const tokens = theme === 'light' ? light : dark;
    for (const tone of tones) {
      const fg = tokens.get(`--rrk-tone-${tone}-fg`)!;
      const bg = tokens.get(`--rrk-tone-${tone}-bg`)!;
      expect(contrast(fg, bg), `${tone}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      // The icon is a graphic: 3:1 (WCAG 1.4.11) is enough, and it shares the text colour.
    }
    expect(contrast(tokens.get('--rrk-color-text')!, tokens.get('--rrk-color-surface')!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tokens.get('--rrk-color-text-muted')!, tokens.get('--rrk-color-surface')!)).toBeGreaterThanOrEqual(4.5);
  });

  // Live boards change many times a second: anything else animated costs layout or paint on
  // every frame of every change.
  it.each(componentCss)('%s: transitions and keyframes change only transform and opacity', (path) => {
    const allowed = new Set(['transform', 'opacity']);
    expect(animatedProperties(stripComments(read(path))).filter((p) => !allowed.has(p)), 'animated properties other than transform/opacity').toEqual([]);
  });

  it('the compositor-only check catches layout and paint transitions', () => {
    // What the OrderCard used to ship, and a keyframe that resizes.
    const bad = ':where(.a) { transition: box-shadow 1s ease, border-color 1s; } :where(.b) { transition: inline-size 320ms; } @keyframes x { to { width: 10px; } }';
    expect(animatedProperties(bad)).toEqual(['box-shadow', 'border-color', 'inline-size', 'width']);
    expect(animatedProperties(':where(.a) { transition: transform 1s, opacity var(--d); transition: none; } @keyframes y { 50% { opacity: 0.3; } }')).toEqual(['transform', 'opacity', 'opacity']);
  });

  it('live cards are contained, and nothing in the order card, badge or connection dot animates forever', () => {
    const card = stripComments(read('src/components/OrderCard/OrderCard.css'));
    expect(card).toMatch(/:where\(\.rrk-order-card\) \{[^}]*contain: layout paint style;/);
    expect(card).toMatch(/:where\(\.rrk-order-card\) \{[^}]*content-visibility: auto;[^}]*contain-intrinsic-size:/);
    for (const path of ['src/components/OrderCard/OrderCard.css', 'src/components/StatusBadge/StatusBadge.css', 'src/components/ConnectionIndicator/ConnectionIndicator.css']) {
      expect(stripComments(read(path)), path).not.toMatch(/animation[^;]*infinite/);
    }
  });

  it('with reduced motion the change highlight and the progress bar do not animate', () => {
    const card = stripComments(read('src/components/OrderCard/OrderCard.css'));
    const reduced = card.slice(card.indexOf('@media (prefers-reduced-motion: reduce)'));
    expect(reduced).toMatch(/:where\(\.rrk-progress__fill\) \{\s*transition: none;/);
    expect(reduced).toMatch(/:where\(\.rrk-order-card\)::after \{\s*transition: none;/);
  });

  it('reduced motion zeroes the durations and stops the spinner', () => {
    expect(tokensCss).toMatch(/@media \(prefers-reduced-motion: reduce\)[\s\S]*--rrk-duration-base: 0ms/);
    expect(stripComments(read('src/components/StatusBadge/StatusBadge.css'))).toMatch(/@media \(prefers-reduced-motion: reduce\)[\s\S]*animation: none/);
  });
});
