import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { ledgerEventSchema } from '../../../src/domain/ledger/events.ts';
import { localIsoTimestamp } from '../../../src/domain/local-time.ts';
import { completed } from '../../fixtures/ledger-builders.ts';

test('a timestamp keeps the recorder’s offset, so its day is the local day, and the ledger accepts it', () => {
  // Run in a Stockholm process: 23:30 UTC on the 26th is 00:30 on the 27th there.
  const code =
    "import('./src/domain/local-time.ts').then((m) => process.stdout.write(m.localIsoTimestamp(new Date('2026-11-26T23:30:00Z'))))";
  const stamped = execFileSync(process.execPath, ['--import', 'tsx', '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Europe/Stockholm' },
  });
  expect(stamped).toBe('2026-11-27T00:30:00.000+01:00');
  expect(Date.parse(stamped)).toBe(Date.parse('2026-11-26T23:30:00Z'));
  expect(ledgerEventSchema.safeParse({ ...completed('g1'), at: stamped }).success).toBe(true);
  expect(localIsoTimestamp(new Date(0))).toMatch(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/,
  );
});
