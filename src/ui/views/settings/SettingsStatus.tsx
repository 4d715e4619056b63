import { Text } from '@mantine/core';
import {
  selectCanRetry,
  selectIsFromCache,
  selectPhase,
  selectReason,
  selectSaveError,
} from '../../../machines/settings/settings.selectors.ts';
import { SettingsActorContext } from '../../actors/settings-context.ts';
import { ErrorBanner } from '../../components/index.ts';

/**
 * What the Settings tab says about the backend: loading, the backend unreachable (amber, Retry), or a
 * change it refused (red, nothing changed). Nothing while all is well.
 */
export function SettingsStatus() {
  const settings = SettingsActorContext.useActorRef();
  const phase = SettingsActorContext.useSelector(selectPhase);
  const fromCache = SettingsActorContext.useSelector(selectIsFromCache);
  const reason = SettingsActorContext.useSelector(selectReason);
  const canRetry = SettingsActorContext.useSelector(selectCanRetry);
  const saveError = SettingsActorContext.useSelector(selectSaveError);
  return (
    <>
      {phase === 'loading' && (
        <Text size="xs" c="dimmed" role="status">
          {fromCache ? 'Showing the last known settings while the backend answers…' : 'Loading settings…'}
        </Text>
      )}
      {reason !== null && (
        <ErrorBanner
          tone="action"
          title="Settings could not be reached"
          actionLabel={canRetry ? 'Retry' : undefined}
          onAction={() => settings.send({ type: 'RETRY' })}
        >
          {reason}
        </ErrorBanner>
      )}
      {saveError !== null && phase !== 'error' && (
        <ErrorBanner tone="input" title="That change was not saved">
          {saveError}
        </ErrorBanner>
      )}
    </>
  );
}
