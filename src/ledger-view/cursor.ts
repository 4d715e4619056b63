import type { RowSortKey } from '../domain/index.ts';

/** A cursor the view cannot read (garbled, or not one of its own): the client starts from page one. */
export class LedgerCursorError extends Error {
  constructor(message = 'The page cursor is not one this ledger gave out.') {
    super(message);
    this.name = 'LedgerCursorError';
  }
}

/** True for a LedgerCursorError (also across module copies, by name). */
export function isLedgerCursorError(error: unknown): error is LedgerCursorError {
  return error instanceof Error && error.name === 'LedgerCursorError';
}

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

function fromBase64Url(text: string): string {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/**
 * The cursor after a row: its sort key, not a position, so newer rows arriving between two pages do not
 * shift the next page (it continues strictly after the last row the client saw).
 */
export function encodeCursor(key: RowSortKey): string {
  return toBase64Url(JSON.stringify([key.day, key.ms, key.id]));
}

/** The sort key a cursor names; LedgerCursorError for anything else. */
export function decodeCursor(cursor: string): RowSortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new LedgerCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'number' ||
    !Number.isFinite(parsed[1]) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new LedgerCursorError();
  }
  return { day: parsed[0], ms: parsed[1], id: parsed[2] };
}
