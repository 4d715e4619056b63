import { useEffect } from 'react';
import type { GenerationSettings } from '../../../machines/generation/generation-settings.ts';
import { useGenerateFormDeps } from '../../actors/generation-context.ts';

/** A draft (single generation or Dual pair) that takes the user's settings while it can still use them. */
interface SettingsTarget<S> {
  getSnapshot(): S;
  send(event: { type: 'SET_SETTINGS'; settings: GenerationSettings }): void;
}

/**
 * Forwards the form's settings (thresholds, confirm-unpriced, FX, windows) to a draft whenever they
 * change, while `accepts` says it still decides with them: a request already sent keeps the settings
 * it was sent with. The effect only forwards an outside change as an event.
 */
export function useForwardSettings<S>(
  target: SettingsTarget<S>,
  accepts: (snapshot: S, settings: GenerationSettings) => boolean,
): void {
  const { settings } = useGenerateFormDeps();
  useEffect(() => {
    if (accepts(target.getSnapshot(), settings)) target.send({ type: 'SET_SETTINGS', settings });
  }, [target, settings, accepts]);
}
