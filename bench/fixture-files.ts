import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LedgerEvent } from '../src/domain/ledger/events.ts';

/** Writers that lay ledger events out as data-dir files, for benchmarks and tests. */

/** Writes `events` as a ledger.jsonl (one JSON per line) into `dir`; returns the file's bytes. */
export async function writeJournalFile(dir: string, events: readonly LedgerEvent[]): Promise<number> {
  const text = events.map((event) => `${JSON.stringify(event)}\n`).join('');
  await writeFile(join(dir, 'ledger.jsonl'), text);
  return Buffer.byteLength(text);
}

/** Writes `events` as a snapshot.json `{ v: 1, epoch, events }` into `dir`; returns the file's bytes. */
export async function writeSnapshotFile(
  dir: string,
  events: readonly LedgerEvent[],
  epoch = 0,
): Promise<number> {
  const text = JSON.stringify({ v: 1, epoch, events });
  await writeFile(join(dir, 'snapshot.json'), text);
  return Buffer.byteLength(text);
}
