import { beforeAll, describe, expect, test } from 'vitest';
import { build } from 'vite';
import { POLYFILLED_APIS } from '../../../src/ui/polyfills.ts';
import { cssChromium88Lacks, inspectForChromium88, POST_CHROME88_APIS } from '../../fixtures/chromium88.ts';

/**
 * A fresh production build of the panel, in memory, checked against what CEP 11 (Chromium 88) runs.
 * The build is the real `vite build` with the project's config, so a dependency update or a config
 * change that lets newer code through fails here.
 */
let chunks: { fileName: string; code: string }[] = [];
let inspected: { fileName: string; syntax: string[]; apis: string[] }[] = [];
let css = '';

beforeAll(async () => {
  const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  chunks = outputs.flatMap((o) => (o.type === 'chunk' ? [{ fileName: o.fileName, code: o.code }] : []));
  css = outputs
    .flatMap((o) => (o.type === 'asset' && o.fileName.endsWith('.css') ? [String(o.source)] : []))
    .join('\n');
  inspected = chunks.map((c) => ({ fileName: c.fileName, ...inspectForChromium88(c.code) }));
}, 120_000);

/**
 * Post-88 APIs a library reaches only after checking that they exist, so Chromium 88 takes the other
 * branch; each entry says where. A use that is neither here nor polyfilled fails the test.
 */
const FEATURE_DETECTED: Record<string, string> = {
  'URL.canParse': 'zod: `typeof URL.canParse == "function" ? … : new URL(…)`',
  'navigator.userAgentData': 'floating-ui: falls back to navigator.platform / userAgent',
};

describe('the built panel runs in Chromium 88 (CEP 11)', () => {
  test('the build has a script chunk and a stylesheet', () => {
    expect(chunks.length).toBeGreaterThan(0);
    expect(css.length).toBeGreaterThan(1000);
  });

  test('every chunk parses as ES2022 and has none of the ES2022 syntax Chromium 88 lacks', () => {
    for (const chunk of inspected) expect(chunk.syntax, chunk.fileName).toEqual([]);
  });

  test('every post-88 API the bundle reads is polyfilled or feature-detected', () => {
    const used = new Set(inspected.flatMap((c) => c.apis));
    const covered = new Set<string>([...POLYFILLED_APIS, ...Object.keys(FEATURE_DETECTED)]);
    expect([...used].filter((api) => !covered.has(api))).toEqual([]);
    // A feature-detected entry no longer used is stale: drop it rather than keep an excuse around.
    expect(Object.keys(FEATURE_DETECTED).filter((api) => !used.has(api))).toEqual([]);
  });

  test('the polyfill list names only APIs Chromium 88 really lacks', () => {
    for (const api of POLYFILLED_APIS) expect(POST_CHROME88_APIS[api], api).toBeGreaterThan(88);
  });
});

/**
 * Post-88 CSS that Mantine's stylesheet carries and Chromium 88 skips, each with what is lost there.
 * Anything else (our CSS modules included) fails the test. `dvh` is not listed: vite.config.ts rewrites
 * it as `vh`. The radio dot's `translate` has a fallback in src/ui/chromium88.css.
 */
const MANTINE_CSS_SKIPPED: Record<string, string> = {
  ':has()':
    'rules for inputs with a clear button in the right section, and disabled styling of pills, ' +
    'checkbox cards and rating: the controls still work, padding and greying differ slightly',
  '@container': "Pagination's narrow layout (the panel uses no Pagination)",
  'individual transforms':
    'the radio dot (fallback in chromium88.css) and the centred Tour popover (unused); the remaining ' +
    'match is the radio rule itself, which the fallback overrides',
  'text-wrap': 'balanced wrapping of titles: ordinary wrapping instead',
  'scrollbar-width': 'ScrollArea hides native scrollbars with ::-webkit-scrollbar as well',
};

describe('the built panel stylesheet', () => {
  test('has no post-88 CSS beyond what Mantine ships and Chromium 88 can skip', () => {
    const found = cssChromium88Lacks(css);
    expect(found.filter((name) => !(name in MANTINE_CSS_SKIPPED))).toEqual([]);
    expect(Object.keys(MANTINE_CSS_SKIPPED).filter((name) => !found.includes(name))).toEqual([]);
  });

  test('carries dvh as vh, and the radio dot fallback', () => {
    expect(css).not.toMatch(/\ddvh\b/);
    expect(css).toMatch(/@supports not \(translate:\s?0\)\{\.mantine-Radio-icon\{transform:translate\(-50%/);
  });
});

describe('the checks themselves catch what they are for', () => {
  test.each([
    [':has()', '.a:has(.b){color:red}'],
    ['@container', '@container (width<=400px){.a{display:none}}'],
    ['CSS nesting', '.a{&:hover{color:red}}'],
    ['dynamic viewport units', '.a{height:100dvh}'],
    ['individual transforms', '.a{translate:-50% -50%}'],
  ])('finds %s in CSS', (what, code) => {
    expect(cssChromium88Lacks(code)).toEqual([what]);
  });

  test.each([
    ['class static block', 'class A { static { this.x = 1; } }'],
    ['#x in obj', 'class A { #x; static is(o) { return #x in o; } }'],
    ['top-level await', 'await Promise.resolve(1);'],
    ['RegExp /d', 'const r = /a/d;'],
  ])('finds %s', (what, code) => {
    expect(inspectForChromium88(code).syntax).toEqual([what]);
  });

  test('await inside an async function is not top-level', () => {
    expect(inspectForChromium88('async function f() { await 1; }').syntax).toEqual([]);
  });

  test('finds API reads on the syntax tree, not in strings', () => {
    const found = inspectForChromium88(
      'AbortSignal.timeout(5); xs.at(-1); structuredClone(o); x["findLast"](f);',
    );
    expect(found.apis).toEqual([
      'AbortSignal.timeout',
      'Array.prototype.at',
      'Array.prototype.findLast',
      'String.prototype.at',
      'structuredClone',
    ]);
    expect(
      inspectForChromium88('const s = "AbortSignal.timeout and .at(-1)"; other.timeout(1); e.at;').apis,
    ).toEqual([]);
  });
});
