import { z } from 'zod';
import { currencySchema, fxSnapshotSchema, microsSchema } from '../domain/ledger/events.ts';

/**
 * The settings part of the HTTP contract (`GET`/`PUT /api/settings`): what the panel may read and send.
 * How the backend stores them (settings.json, with the fal key) is its own business: src/server/settings-schema.ts.
 */

/** Result of the last check of a fal key against fal.ai; `unchecked` when fal could not be reached. */
export const falKeyStatusSchema = z.enum(['valid', 'invalid', 'unchecked']);
export type FalKeyStatus = z.infer<typeof falKeyStatusSchema>;

/** Confirmation thresholds in integer micro-USD (seed: single > $5.00, dual combined > $8.00). */
export const thresholdsSchema = z.object({
  singleUsdMicros: microsSchema.nonnegative(),
  dualUsdMicros: microsSchema.nonnegative(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Seconds a generation stays in the foreground before it is handed to the background, per category. */
export const foregroundWindowsSchema = z.object({
  image: z.number().int().min(1).max(3600),
  video: z.number().int().min(1).max(3600),
  audio: z.number().int().min(1).max(3600),
});
export type ForegroundWindows = z.infer<typeof foregroundWindowsSchema>;

/** The settings the panel reads and edits (everything but the fal key). */
export const publicSettingsSchema = z.object({
  currency: currencySchema,
  fx: fxSnapshotSchema,
  thresholds: thresholdsSchema,
  confirmUnpriced: z.boolean(),
  foregroundWindowsSec: foregroundWindowsSchema,
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;

/** A fal key as typed into Settings: `key_id:key_secret`, no whitespace inside. */
export const falKeyInputSchema = z
  .string()
  .trim()
  .min(8, 'The fal key is too short: copy the whole key (key id, a colon, and the secret) from fal.ai.')
  .max(500, 'The fal key is too long: paste only the key.')
  .regex(/^\S+$/, 'The fal key must not contain spaces or line breaks.');

/** Body of `PUT /api/settings`: any subset of fields; FX rates edited here are recorded as `manual`. */
export const settingsPatchSchema = z
  .object({
    currency: currencySchema,
    fx: z
      .object({
        rates: z
          .object({ EUR: z.number().positive().finite(), SEK: z.number().positive().finite() })
          .partial(),
        asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf must be a date like 2026-05-01.'),
      })
      .partial()
      .strict(),
    thresholds: thresholdsSchema.partial().strict(),
    confirmUnpriced: z.boolean(),
    foregroundWindowsSec: foregroundWindowsSchema.partial().strict(),
    falKey: falKeyInputSchema.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What `GET /api/settings` and `PUT /api/settings` return: public settings plus the key's status, never the key. */
export interface SettingsView extends PublicSettings {
  /** `none` when no key is set (Sandbox); otherwise the last check's result. */
  falKey: 'none' | FalKeyStatus;
  /** Where the key in use comes from; the `FAL_KEY` environment variable wins over a saved key. */
  falKeySource: 'env' | 'saved' | 'none';
}
