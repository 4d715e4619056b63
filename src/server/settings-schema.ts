import { z } from 'zod';
import { falKeyStatusSchema, publicSettingsSchema } from '../contract/index.ts';

/**
 * How the backend stores settings. What the panel reads and sends (public settings, the patch, the view)
 * is part of the HTTP contract: src/contract/settings-bodies.ts.
 */

/** Version of the settings.json layout this build writes. */
export const SETTINGS_VERSION = 1;

/** settings.json as stored (mode 0600): the public settings plus the saved fal key and its last check. */
export const storedSettingsSchema = publicSettingsSchema.extend({
  v: z.literal(SETTINGS_VERSION),
  falKey: z.string().min(1).optional(),
  falKeyStatus: falKeyStatusSchema.optional(),
});
export type StoredSettings = z.infer<typeof storedSettingsSchema>;
