import { readFileSync, writeFileSync } from 'node:fs';
// Writes biome.json's layering overrides: run `node scripts/layering-rules.mjs` after adding a folder under src/.
const path = new URL('../biome.json', import.meta.url);
const config = JSON.parse(readFileSync(path, 'utf8'));
const MAX_DEPTH = 4;
// layer -> [folders of src/ it may import (besides itself), message]
const layers = [
  ['domain', [], 'Layering: src/domain is the pure core and imports nothing of ours outside src/domain.'],
  [
    'contract',
    ['domain'],
    'Layering: src/contract (the panel/backend HTTP contract) may import only src/contract and src/domain.',
  ],
  [
    'machines',
    ['domain', 'contract'],
    'Layering: src/machines may import only src/machines, src/domain and src/contract; adapters reach machines through their ports (src/machines/ports.ts).',
  ],
  [
    'ui',
    ['machines', 'domain', 'contract'],
    'Layering: src/ui may import only src/ui, src/machines, src/domain and src/contract; only the composition root src/ui/wiring.ts may import src/fal, src/persistence and src/cep.',
  ],
  [
    'persistence',
    ['domain', 'contract'],
    'Layering: src/persistence may import only src/persistence, src/domain and src/contract (never src/server, src/ui or src/machines).',
  ],
  ['fal', ['domain', 'contract'], 'Layering: src/fal may import only src/fal, src/domain and src/contract.'],
  ['cep', ['domain', 'contract'], 'Layering: src/cep may import only src/cep, src/domain and src/contract.'],
  [
    'ledger-view',
    ['domain', 'contract'],
    'Layering: src/ledger-view (the folded read model the backend, CLI and reports query) may import only src/ledger-view, src/domain and src/contract.',
  ],
  [
    'reports',
    ['domain', 'contract', 'ledger-view'],
    'Layering: src/reports (CSV and HTML reports, pure over the read model) may import only src/reports, src/domain, src/contract and src/ledger-view.',
  ],
  [
    'server',
    ['domain', 'contract', 'persistence', 'fal', 'ledger-view', 'reports'],
    'Layering: src/server may import only src/server, src/domain, src/contract, src/persistence, src/fal, src/ledger-view and src/reports (never src/ui, src/machines or src/cep).',
  ],
];
const WIRING = 'src/ui/wiring.ts';
const WIRING_ALLOWED = ['ui', 'machines', 'domain', 'contract', 'fal', 'persistence', 'cep'];
const WIRING_MESSAGE =
  'Layering: the composition root src/ui/wiring.ts may import src/ui, src/machines, src/domain, src/contract and the adapters src/fal, src/persistence, src/cep, never src/server.';

const rule = (up, allowed, message) => ({
  linter: {
    rules: {
      style: {
        noRestrictedImports: {
          level: 'error',
          options: {
            patterns: [{ group: [`${up}**`, ...allowed.map((dir) => `!${up}${dir}/**`)], message }],
          },
        },
      },
    },
  },
});
const brace = (dirs) => (dirs.length === 1 ? dirs[0] : `{${dirs.join(',')}}`);
const overrides = [];
for (const [layer, others, message] of layers) {
  for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
    const up = '../'.repeat(depth);
    const includes = [`src/${layer}/${Array(depth).fill('*').join('/')}`];
    if (layer === 'ui' && depth === 1) includes.push(`!${WIRING}`);
    overrides.push({ includes, ...rule(up, [brace([layer, ...others])], message) });
  }
}
overrides.push({ includes: [WIRING], ...rule('../', [brace(WIRING_ALLOWED)], WIRING_MESSAGE) });
// Every other setting stays as it is; the overrides are only these rules (run prettier on the file after).
config.overrides = overrides;
writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
