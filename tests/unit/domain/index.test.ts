import { expect, test } from 'vitest';
import * as domain from '../../../src/domain/index.ts';

test('the domain index exposes the core functions by name', () => {
  const names = [
    'formatMoney',
    'usdToMicros',
    'parseDecimalToMicros',
    'DEFAULT_FX',
    'convertMicros',
    'toUsdMicros',
    'manualFx',
    'foldLedger',
    'mergeEvents',
    'costItems',
    'totals',
    'breakdown',
    'listRows',
    'knownTags',
    'allocatePool',
    'needsConfirmation',
    'combineEstimates',
    'DEFAULT_THRESHOLDS',
    'normaliseTag',
    'suggestTags',
    'dedupeTags',
    'ledgerEventSchema',
  ];
  for (const name of names) expect(domain, name).toHaveProperty(name);
});
