import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The layering rules (biome.json `overrides`, `style/noRestrictedImports`) catch what they should and
 * nothing else. Each planted file is linted by the project's own biome with the project's own biome.json,
 * in a scratch copy under the OS temp dir, so nothing is ever written into the source tree. Biome 2.6
 * matches an import's text, not the file it resolves to, so the rules are written once per folder depth
 * (`../X` from `src/ui/a.ts`, `../../X` from `src/ui/views/a.ts`, …); the last tests check that every
 * source folder is covered by them.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

/** Start of each rule's message in biome.json, by the folder whose imports it limits. */
const MESSAGE = {
  domain: 'Layering: src/domain ',
  contract: 'Layering: src/contract ',
  machines: 'Layering: src/machines ',
  ui: 'Layering: src/ui ',
  wiring: 'Layering: the composition root src/ui/wiring.ts ',
  persistence: 'Layering: src/persistence ',
  fal: 'Layering: src/fal ',
  cep: 'Layering: src/cep ',
  'ledger-view': 'Layering: src/ledger-view ',
  reports: 'Layering: src/reports ',
  server: 'Layering: src/server ',
} as const;
type Rule = keyof typeof MESSAGE;

/** The folders under src/ the rules cover (any other folder must get rules before it gets code). */
const LAYERS = [
  'cep',
  'contract',
  'domain',
  'fal',
  'ledger-view',
  'machines',
  'persistence',
  'reports',
  'server',
  'ui',
];
/** Deepest file the per-depth overrides cover: src/<layer>/a/b/c/file.ts is depth 4. */
const MAX_DEPTH = 4;

interface Plant {
  rule: Rule;
  file: string;
  source: string;
}

/** A planted file that imports `specifier` in one of the forms biome must see. */
function plant(
  rule: Rule,
  file: string,
  specifier: string,
  form: 'named' | 'type' | 're-export' | 'dynamic' | 'bare' = 'named',
): Plant {
  const source = {
    named: `import { planted } from '${specifier}';\nexport const used = planted;\n`,
    type: `import type { Planted } from '${specifier}';\nexport type Used = Planted;\n`,
    're-export': `export * from '${specifier}';\n`,
    dynamic: `export const load = () => import('${specifier}');\n`,
    bare: `import '${specifier}';\n`,
  }[form];
  return { rule, file, source };
}

/** Imports each rule must refuse, at several depths and in every import form. */
const FORBIDDEN: Plant[] = [
  plant('domain', 'src/domain/planted.ts', '../machines/ports.ts'),
  plant('domain', 'src/domain/ledger/planted.ts', '../../contract/index.ts', 'type'),
  plant('domain', 'src/domain/pricing/planted.ts', '../../ui/wiring.ts', 're-export'),
  plant('domain', 'src/domain/pricing/planted-2.ts', '../../cli.ts', 'dynamic'),
  plant('domain', 'src/domain/ledger/planted-2.ts', '../../../tests/fixtures/ledger-builders.ts'),
  plant('contract', 'src/contract/planted.ts', '../server/index.ts', 'type'),
  plant('contract', 'src/contract/planted-2.ts', '../persistence/backend-api.ts'),
  plant('machines', 'src/machines/planted.ts', '../persistence/backend-api.ts'),
  plant('machines', 'src/machines/generation/planted.ts', '../../ui/wiring.ts', 'type'),
  plant('machines', 'src/machines/settings/planted.ts', '../../server/index.ts'),
  plant('machines', 'src/machines/persistence/planted.ts', '../../persistence/cache.ts', 'dynamic'),
  plant('machines', 'src/machines/generation/planted-2.ts', '../../fal/index.ts', 're-export'),
  plant('machines', 'src/machines/panel/planted.ts', '../../cep/bridge.ts', 'bare'),
  plant('ui', 'src/ui/planted.ts', '../cep/bridge.ts'),
  plant('ui', 'src/ui/actors/planted.ts', '../../fal/index.ts'),
  plant('ui', 'src/ui/views/shell/planted.tsx', '../../../persistence/backend-api.ts', 'type'),
  plant('ui', 'src/ui/components/CostBadge/planted.tsx', '../../../server/index.ts'),
  plant('ui', 'src/ui/views/planted.ts', '../../server/settings-schema.ts', 'dynamic'),
  plant('wiring', 'src/ui/wiring.ts', '../server/index.ts'),
  plant('persistence', 'src/persistence/planted.ts', '../server/settings-schema.ts', 'type'),
  plant('persistence', 'src/persistence/planted-2.ts', '../machines/ports.ts'),
  plant('persistence', 'src/persistence/planted-3.ts', '../ui/wiring.ts'),
  plant('fal', 'src/fal/planted.ts', '../persistence/index.ts'),
  plant('fal', 'src/fal/planted-2.ts', '../server/index.ts'),
  plant('fal', 'src/fal/planted-3.ts', '../machines/ports.ts', 'type'),
  plant('fal', 'src/fal/planted-4.ts', '../ui/wiring.ts'),
  plant('cep', 'src/cep/planted.ts', '../ui/wiring.ts'),
  plant('ledger-view', 'src/ledger-view/planted.ts', '../persistence/index.ts'),
  plant('ledger-view', 'src/ledger-view/planted-2.ts', '../server/index.ts', 'type'),
  plant('ledger-view', 'src/ledger-view/planted-3.ts', '../machines/ports.ts'),
  plant('reports', 'src/reports/planted.ts', '../server/index.ts'),
  plant('reports', 'src/reports/csv/planted.ts', '../../persistence/index.ts'),
  plant('reports', 'src/reports/csv/planted-2.ts', '../../machines/ports.ts', 'type'),
  plant('reports', 'src/reports/html/planted.tsx', '../../server/routes/reports.ts'),
  plant('reports', 'src/reports/html/planted-2.ts', '../../ui/hooks/use-money.ts'),
  plant('server', 'src/server/planted.ts', '../machines/ports.ts', 'type'),
  plant('server', 'src/server/routes/planted.ts', '../../ui/wiring.ts'),
  plant('server', 'src/server/sandbox/planted.ts', '../../cep/bridge.ts'),
];

/** Imports the same rules must let through, so the refusals above cannot pass by refusing everything. */
const ALLOWED: Plant[] = [
  plant('domain', 'src/domain/planted.ts', './ledger/events.ts'),
  plant('domain', 'src/domain/pricing/planted.ts', '../ledger/events.ts'),
  plant('domain', 'src/domain/ledger/planted.ts', '../../domain/fx.ts', 'type'),
  plant('contract', 'src/contract/planted.ts', '../domain/ledger/events.ts'),
  plant('contract', 'src/contract/planted-2.ts', './http.ts'),
  plant('machines', 'src/machines/planted.ts', '../domain/index.ts'),
  plant('machines', 'src/machines/generation/planted.ts', '../../domain/pricing/index.ts'),
  // src/machines/persistence is the machines' own family, not src/persistence.
  plant('machines', 'src/machines/generation/planted-2.ts', '../persistence/persistence-ports.ts', 'type'),
  plant('machines', 'src/machines/settings/planted.ts', '../../contract/index.ts', 'type'),
  plant('ui', 'src/ui/planted.ts', '../machines/ports.ts', 'type'),
  plant('ui', 'src/ui/views/shell/planted.tsx', '../../../machines/persistence/ledger-port.ts'),
  plant('ui', 'src/ui/components/CostBadge/planted.tsx', '../../../domain/index.ts'),
  plant('ui', 'src/ui/views/planted.ts', '../../contract/index.ts', 'type'),
  plant('ui', 'src/ui/views/planted-2.ts', '../actors/generation-context.ts'),
  plant('wiring', 'src/ui/wiring.ts', '../persistence/backend-api.ts'),
  plant('persistence', 'src/persistence/planted.ts', '../contract/index.ts'),
  plant('persistence', 'src/persistence/planted-2.ts', '../domain/ledger/events.ts'),
  plant('persistence', 'src/persistence/planted-3.ts', './cache.ts'),
  plant('fal', 'src/fal/planted.ts', '../domain/ledger/events.ts'),
  plant('cep', 'src/cep/planted.ts', './bridge.ts'),
  plant('ledger-view', 'src/ledger-view/planted.ts', '../domain/index.ts'),
  plant('ledger-view', 'src/ledger-view/planted-2.ts', '../contract/index.ts', 'type'),
  plant('reports', 'src/reports/csv/planted.ts', '../../domain/index.ts'),
  plant('reports', 'src/reports/csv/planted-2.ts', '../../ledger-view/index.ts', 'type'),
  plant('reports', 'src/reports/html/planted.tsx', '../../ledger-view/index.ts'),
  plant('reports', 'src/reports/html/planted-2.ts', '../../contract/index.ts', 'type'),
  plant('server', 'src/server/planted.ts', '../persistence/index.ts'),
  plant('server', 'src/server/routes/planted-3.ts', '../../ledger-view/index.ts'),
  plant('server', 'src/server/routes/planted-4.ts', '../../reports/csv/index.ts'),
  plant('server', 'src/server/routes/planted-5.ts', '../../reports/html/index.ts'),
  plant('server', 'src/server/routes/planted.ts', '../../fal/index.ts'),
  plant('server', 'src/server/routes/planted-2.ts', '../../contract/index.ts', 'type'),
  plant('server', 'src/server/sandbox/planted.ts', '../../domain/pricing/index.ts'),
];
// The composition root may use every adapter (each planted wiring.ts goes to its own scratch tree).
for (const adapter of [
  '../fal/index.ts',
  '../cep/bridge.ts',
  '../machines/ports.ts',
  './views/shell/index.ts',
]) {
  ALLOWED.push(plant('wiring', 'src/ui/wiring.ts', adapter));
}

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}
interface LintRun {
  exitCode: number;
  checked: number;
  byFile: Map<string, Diagnostic[]>;
}

const scratch: string[] = [];

/** Lints `plants` (several sources for one path go to separate scratch trees) with the real biome.json. */
async function lint(plants: readonly Plant[]): Promise<LintRun[]> {
  const trees: Plant[][] = [];
  for (const p of plants) {
    const tree = trees.find((t) => !t.some((q) => q.file === p.file));
    if (tree) tree.push(p);
    else trees.push([p]);
  }
  return Promise.all(trees.map(lintTree));
}

async function lintTree(plants: readonly Plant[]): Promise<LintRun> {
  const dir = await mkdtemp(join(tmpdir(), 'modelbridge-layering-'));
  scratch.push(dir);
  await copyFile(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  for (const p of plants) {
    await mkdir(dirname(join(dir, p.file)), { recursive: true });
    await writeFile(join(dir, p.file), p.source);
  }
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve, reject) => {
    execFile(
      BIOME,
      ['lint', '--error-on-warnings', '--reporter=json', '--max-diagnostics=none', 'src'],
      { cwd: dir, timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } },
      (error, out) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout: String(out) });
      },
    );
  });
  const report = JSON.parse(stdout) as {
    summary: { unchanged: number; changed: number };
    diagnostics: Diagnostic[];
  };
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics)
    byFile.set(d.location.path, [...(byFile.get(d.location.path) ?? []), d]);
  return { exitCode: code, checked: report.summary.unchanged + report.summary.changed, byFile };
}

let forbidden: LintRun[];
let allowed: LintRun[];

beforeAll(async () => {
  [forbidden, allowed] = await Promise.all([lint(FORBIDDEN), lint(ALLOWED)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

const diagnosticsOf = (runs: readonly LintRun[], file: string) =>
  runs.flatMap((r) => r.byFile.get(file) ?? []);
const rules = [...new Set(FORBIDDEN.map((p) => p.rule))];

describe('layering rules in biome.json', () => {
  test('every rule has planted violations and planted allowed imports', () => {
    expect(new Set(ALLOWED.map((p) => p.rule))).toEqual(new Set(rules));
    expect(new Set(rules)).toEqual(new Set(Object.keys(MESSAGE)));
  });

  test('biome fails on the violations and checks every planted file', () => {
    for (const run of forbidden) expect(run.exitCode).not.toBe(0);
    expect(forbidden.reduce((n, r) => n + r.checked, 0)).toBe(FORBIDDEN.length);
  });

  test.each(rules)('%s: each planted violation is refused with the rule message', (rule) => {
    for (const p of FORBIDDEN.filter((q) => q.rule === rule)) {
      const found = diagnosticsOf(forbidden, p.file).filter(
        (d) => d.category === 'lint/style/noRestrictedImports',
      );
      expect(
        found.map((d) => d.message),
        `${p.file}: ${p.source}`,
      ).toEqual([expect.stringContaining(MESSAGE[rule])]);
    }
  });

  test('the allowed imports pass: exit 0, no diagnostics, every planted file checked', () => {
    for (const run of allowed) {
      expect([...run.byFile.values()].flat()).toEqual([]);
      expect(run.exitCode).toBe(0);
    }
    expect(allowed.reduce((n, r) => n + r.checked, 0)).toBe(ALLOWED.length);
  });
});

/** Code files under `dir`, relative to the repo root with `/` separators. */
async function codeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.[cm]?[jt]sx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split(sep).join('/'));
}

describe('the layering overrides cover the source tree', () => {
  test('every folder under src/ is a layer with rules', async () => {
    const folders = (await readdir(join(ROOT, 'src'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort(), 'add rules for a new src/ folder to biome.json and this test').toEqual(LAYERS);
  });

  test(`every source file is at most ${MAX_DEPTH} folders deep, and biome.json has a rule for each depth`, async () => {
    const config = JSON.parse(await readFile(join(ROOT, 'biome.json'), 'utf8')) as {
      overrides: { includes: string[] }[];
    };
    const includes = new Set(config.overrides.flatMap((o) => o.includes));
    for (const layer of LAYERS) {
      for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
        expect(includes).toContain(`src/${layer}/${Array(depth).fill('*').join('/')}`);
      }
    }
    // ExtendScript in src/cep/host is outside biome (biome.json `files.includes`).
    const files = (await Promise.all(LAYERS.map((l) => codeFiles(`src/${l}`)))).flat();
    const tooDeep = files.filter(
      (f) => !f.startsWith('src/cep/host/') && f.split('/').length - 2 > MAX_DEPTH,
    );
    expect(tooDeep, 'deeper folders need overrides in biome.json for their depth').toEqual([]);
  });
});
