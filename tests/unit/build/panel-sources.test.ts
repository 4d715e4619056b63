import { readFileSync } from 'node:fs';
import { build, transform } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { cssChromium88Lacks, inspectForChromium88 } from '../../fixtures/chromium88.ts';

/**
 * Our own panel code stays within Chromium 88 (CEP 11) without leaning on the polyfills, which cover
 * the libraries. "Panel code" is exactly the src files the panel entry reaches (esbuild's metafile), so
 * Node-only modules (the server, the journal, reports) may use what Node 20 has.
 */
const ENTRY = 'src/ui/main.tsx';

/** Files that name post-88 APIs on purpose: the polyfills, and a helper that checks before it calls. */
const EXEMPT: Record<string, string> = {
  'src/ui/polyfills.ts': 'installs the APIs where they are missing',
  'src/contract/timeout-signal.ts': 'calls AbortSignal.timeout only when it exists',
  'src/ui/actors/generation-context.ts': 'calls crypto.randomUUID only when it exists',
};

let panelFiles: string[] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'unused',
    logLevel: 'silent',
    jsx: 'automatic',
  });
  panelFiles = Object.keys(result.metafile.inputs).filter((path) => path.startsWith('src/'));
}, 60_000);

describe("the panel's own sources", () => {
  test('the panel graph is the panel: UI and machines in, server and journal out', () => {
    expect(panelFiles).toContain(ENTRY);
    expect(panelFiles).toContain('src/persistence/backend-api.ts');
    expect(panelFiles.filter((f) => /^src\/(server|cli)|journal\.ts$/.test(f))).toEqual([]);
  });

  test('read no runtime API newer than Chromium 88', async () => {
    const offenders: string[] = [];
    for (const file of panelFiles.filter((f) => /\.tsx?$/.test(f) && !(f in EXEMPT))) {
      const { code } = await transform(readFileSync(file, 'utf8'), {
        loader: file.endsWith('x') ? 'tsx' : 'ts',
        jsx: 'automatic',
      });
      // Syntax is the build's job (panel-target.test.ts); sources may use any syntax the build lowers.
      for (const api of inspectForChromium88(code, 'latest').apis) offenders.push(`${file}: ${api}`);
    }
    expect(offenders).toEqual([]);
  });

  test('style nothing with CSS newer than Chromium 88', () => {
    const offenders = panelFiles
      .filter((f) => f.endsWith('.css'))
      .flatMap((file) => cssChromium88Lacks(readFileSync(file, 'utf8')).map((what) => `${file}: ${what}`));
    expect(offenders).toEqual([]);
  });
});
