import { z } from 'zod';

/**
 * The snapshot a compacted ledger.jsonl continues from, written as the journal's first line:
 * `{"base":{"count":5000,"lastId":"…","epoch":0,"checksum":"…"}}`. Without it a deleted or replaced
 * snapshot.json would look like a short ledger; with it, load knows which snapshot must come first.
 * A journal without this line (new, just reset, or from an earlier build) needs no particular snapshot.
 */
export const journalBaseSchema = z.strictObject({
  /** Events in that snapshot. */
  count: z.number().int().nonnegative(),
  /** Id of its last event; null when it was empty. */
  lastId: z.string().min(1).nullable(),
  epoch: z.number().int().nonnegative(),
  /** Its checksum (ledger-doc.ts). */
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type JournalBase = z.infer<typeof journalBaseSchema>;

const baseLineSchema = z.strictObject({ base: journalBaseSchema });

/** How a base line starts, so ordinary event lines are never parsed twice. */
export const BASE_LINE_PREFIX = '{"base":';

/** The journal's first line for `base`, newline included. */
export function baseLine(base: JournalBase): string {
  return `${JSON.stringify({ base })}\n`;
}

/** The base a line declares, or null when it is not a valid base line. */
export function parseBaseLine(line: string): JournalBase | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = baseLineSchema.safeParse(value);
  return parsed.success ? parsed.data.base : null;
}
