import { describeFailure } from '../persistence/persistence-ports.ts';
import type { SettingsContext, SettingsInput } from './settings.machine.ts';
import { mergePatches, nonEmpty } from './settings-forms.ts';
import type { SettingsLoadOutput } from './settings-ports.ts';

/** Pure context updates of the settings machine, kept beside it so the machine reads like its diagram. */

/** The first context: the boot cache's settings (if any) and Sandbox mode as the served page says. */
export function initialSettingsContext(input: SettingsInput): SettingsContext {
  return {
    settings: input.cached ?? null,
    fromCache: Boolean(input.cached),
    backend: { sandbox: input.sandbox ?? false, dataDir: null, version: null, readOnly: false },
    saving: null,
    keyChange: null,
    queued: null,
    failed: null,
    reason: null,
    saveError: null,
    keyError: null,
    formErrors: {},
  };
}

/** The backend answered: its settings (and what it said about itself, when re-read) replace ours. */
export function afterLoad(context: SettingsContext, output: SettingsLoadOutput): Partial<SettingsContext> {
  return {
    settings: output.settings,
    backend: output.backend ?? context.backend,
    fromCache: false,
    saving: null,
    keyChange: null,
    reason: null,
  };
}

/**
 * The backend could not be reached: changes in flight and queued are kept for RETRY, except a new key,
 * which is never kept (the reason asks to paste it again).
 */
export function afterUnreachable(context: SettingsContext, error: unknown): Partial<SettingsContext> {
  const why = describeFailure(error);
  return {
    reason:
      context.keyChange === 'set'
        ? `${why} The key was not saved: paste it again once the backend answers.`
        : why,
    failed: nonEmpty(mergePatches(context.saving, context.queued)),
    saving: null,
    queued: null,
    keyChange: null,
  };
}

/** The backend refused the change (nothing changed): its reason goes beside the key or the form. */
export function afterRefusal(context: SettingsContext, error: unknown): Partial<SettingsContext> {
  const why = describeFailure(error);
  return {
    ...(context.keyChange === 'set' ? { keyError: why } : { saveError: why }),
    saving: null,
    keyChange: null,
  };
}
