import { z } from 'zod';
import { CURRENCIES, type Currency, type ExternalRow, type FxSnapshot } from '../domain/index.ts';

/**
 * External-cost import over HTTP (issue 13): the panel sends the file's text, the backend answers what
 * an import would record (it knows the rows earlier imports recorded). Nothing is recorded by a
 * preview; the panel records the one `external.imported` event itself, through its outbox.
 */

/** Largest import body: a 10 MB file (MAX_IMPORT_BYTES) as JSON text, with room for escaping. */
export const IMPORT_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

/** Body of `POST /api/imports/external/preview`. */
export const externalPreviewRequestSchema = z
  .object({
    fileName: z.string().min(1).max(500),
    text: z.string(),
    currency: z.enum(CURRENCIES as [Currency, ...Currency[]]),
  })
  .strict();
export type ExternalPreviewRequest = z.infer<typeof externalPreviewRequestSchema>;

/** A row of the file that will be recorded, with its line (1 = the header). */
export interface PreviewRow {
  line: number;
  row: ExternalRow;
}

/** What an import would record, shown before anything is. */
export interface ImportPreview {
  /** Why the whole file was refused (too large, no header, required columns missing); null when read. */
  refused: string | null;
  rows: PreviewRow[];
  errors: { line: number; reason: string }[];
  /** Rows already recorded by an earlier import, or repeated in this file (`of`: the first line). */
  duplicates: { line: number; of: 'earlier import' | number }[];
  /** The valid rows' sum in the display currency, at the rates of the import (`fx`). */
  totalMicros: number;
  currency: Currency;
}

/** Answer of the preview: the preview, and the rates the import is to be recorded with. */
export interface ExternalPreviewResponse extends ImportPreview {
  fileName: string;
  fx: FxSnapshot;
}
