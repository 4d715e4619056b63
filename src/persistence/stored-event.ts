/**
 * Reading stored events cheaply. Load deliberately does NOT run the zod schema on every event: for 100k
 * events that costs many times a JSON.parse, and the benchmark holds cold load to ≤ 2× JSON.parse of the
 * same bytes. Every event was zod-validated by append() before it was written, so on load we only guard
 * against damage (torn writes, hand edits) with a structural check of the envelope.
 */

import { isStoredEvent, type StoredEvent } from './event-shape.ts';
import { BASE_LINE_PREFIX, type JournalBase, parseBaseLine } from './journal-base.ts';

export type { StoredEvent };

/** The snapshot and backup document: `{ v, epoch, events }` (backups add `reason` and `takenAt`). */
export interface SnapshotDoc {
  v: number;
  epoch: number;
  events: StoredEvent[];
}

/**
 * Parses a snapshot or backup document; null when it is not one (corrupt, truncated, wrong shape).
 * `fields` is the whole object, for the fields ledger-doc.ts checks (`prev`, `checksum`).
 */
export function parseStoredDoc(
  bytes: Uint8Array,
): { doc: SnapshotDoc; fields: Record<string, unknown> } | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const fields = value as Record<string, unknown>;
  const { v, epoch, events } = fields;
  if (!Number.isInteger(v) || !Number.isInteger(epoch) || (epoch as number) < 0 || !Array.isArray(events)) {
    return null;
  }
  for (const event of events) if (!isStoredEvent(event)) return null;
  return { doc: { v: v as number, epoch: epoch as number, events: events as StoredEvent[] }, fields };
}

/** The journal file split into good events and the lines that must be set aside. */
export interface ParsedJournal {
  /** The snapshot the journal continues from (its first line), or null when it names none. */
  base: JournalBase | null;
  events: StoredEvent[];
  /** Raw text of torn or corrupt lines, in file order. */
  badLines: string[];
  /** True when no good line follows a bad one (the usual crash case): cutting the file fixes it. */
  badOnlyAtTail: boolean;
  /** How many of `badLines` come after the last good event (a torn tail); the others are mid-file. */
  badAtTail: number;
  /** Bytes up to the end of the last good line; the file length when there are no bad lines. */
  goodLength: number;
}

type EventLines = Omit<ParsedJournal, 'base'>;

/** Fast path for a clean journal: every line terminated and a valid event; null sends it to the slow path. */
function parseClean(text: string): StoredEvent[] | null {
  if (!text.endsWith('\n')) return null;
  const lines = text.split('\n');
  lines.pop();
  const events: StoredEvent[] = [];
  for (const line of lines) {
    const event = parseLine(line);
    if (!event) return null;
    events.push(event);
  }
  return events;
}

function parseLine(line: string): StoredEvent | null {
  try {
    const value: unknown = JSON.parse(line);
    return isStoredEvent(value) ? value : null;
  } catch {
    return null;
  }
}

/** Slow path, line by line on bytes (so offsets stay exact even around damaged UTF-8): finds every bad line. */
function parseLines(buf: Buffer): EventLines {
  const events: StoredEvent[] = [];
  const badLines: string[] = [];
  let goodLength = 0;
  let badOnlyAtTail = true;
  let badAtTail = 0;
  for (let start = 0; start < buf.length;) {
    const newline = buf.indexOf(0x0a, start);
    const end = newline === -1 ? buf.length : newline + 1;
    const line = buf.toString('utf8', start, newline === -1 ? end : newline);
    start = end;
    if (line.trim() === '') continue;
    // An unterminated last line is torn: its write never finished, so it was never acknowledged.
    const event = newline === -1 ? null : parseLine(line);
    if (!event) {
      badLines.push(line);
      badAtTail += 1;
      continue;
    }
    if (badLines.length > 0) badOnlyAtTail = false;
    badAtTail = 0;
    events.push(event);
    goodLength = end;
  }
  const end = badLines.length ? goodLength : buf.length;
  return { events, badLines, badOnlyAtTail, badAtTail, goodLength: end };
}

function parseEventLines(buf: Buffer): EventLines {
  const none = { badLines: [], badOnlyAtTail: true, badAtTail: 0 };
  if (buf.length === 0) return { events: [], ...none, goodLength: 0 };
  const clean = parseClean(buf.toString('utf8'));
  if (clean) return { events: clean, ...none, goodLength: buf.length };
  return parseLines(buf);
}

/**
 * Parses `ledger.jsonl`: an optional base line (journal-base.ts), then one event per line. Never throws:
 * damage is returned in `badLines`; a base line that does not parse is one of them.
 */
export function parseJournal(bytes: Uint8Array): ParsedJournal {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buf.indexOf(0x0a);
  const base =
    newline > 0 && buf.toString('utf8', 0, BASE_LINE_PREFIX.length) === BASE_LINE_PREFIX
      ? parseBaseLine(buf.toString('utf8', 0, newline))
      : null;
  if (!base) return { base: null, ...parseEventLines(buf) };
  const rest = parseEventLines(buf.subarray(newline + 1));
  return { base, ...rest, goodLength: newline + 1 + rest.goodLength };
}
