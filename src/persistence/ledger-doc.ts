import { createHash } from 'node:crypto';
import { parseStoredDoc, type SnapshotDoc } from './stored-event.ts';

/**
 * snapshot.json and every backup hold one ledger document: `{ v, epoch, prev, events }` followed by a
 * `checksum` field, the SHA-256 of the document's bytes up to it. A hand edit that leaves valid JSON
 * (an event removed, an amount changed) no longer matches, so the file is not trusted.
 */
export interface LedgerDoc extends SnapshotDoc {
  /** Checksum of the snapshot ledger.jsonl continued when this one was written, or null (see journal-base.ts). */
  prev: string | null;
}

/** How a stored document read: checked, from before checksums, unreadable, or changed since written. */
export type DecodedDoc =
  | { state: 'ok'; doc: LedgerDoc; checksum: string }
  | { state: 'legacy'; doc: LedgerDoc }
  | { state: 'unreadable' }
  | { state: 'checksum-mismatch' };

// The tail the encoder writes; anything after the final `}` besides whitespace means the bytes changed.
const CHECKSUM_TAIL = /,"checksum":"([0-9a-f]{64})"\}\s*$/;
const TAIL_MAX = 96;

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The bytes to store for `doc` and their checksum. */
export function encodeLedgerDoc(doc: LedgerDoc): { text: string; checksum: string } {
  const body = JSON.stringify({ v: doc.v, epoch: doc.epoch, prev: doc.prev, events: doc.events });
  const checksum = sha256(body);
  return { text: `${body.slice(0, -1)},"checksum":"${checksum}"}`, checksum };
}

/** Reads a stored document and checks its checksum against its own bytes. Never throws. */
export function decodeLedgerDoc(bytes: Uint8Array): DecodedDoc {
  const parsed = parseStoredDoc(bytes);
  if (!parsed) return { state: 'unreadable' };
  const { fields } = parsed;
  const doc: LedgerDoc = { ...parsed.doc, prev: typeof fields.prev === 'string' ? fields.prev : null };
  if (!('checksum' in fields)) return { state: 'legacy', doc };
  const start = Math.max(0, bytes.byteLength - TAIL_MAX);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start).toString(
    'latin1',
  );
  const match = CHECKSUM_TAIL.exec(tail);
  if (!match || match[1] !== fields.checksum) return { state: 'checksum-mismatch' };
  const bodyEnd = start + match.index;
  const actual = sha256(Buffer.from(bytes.buffer, bytes.byteOffset, bodyEnd), '}');
  return actual === fields.checksum ? { state: 'ok', doc, checksum: actual } : { state: 'checksum-mismatch' };
}
