import { Text } from '@mantine/core';
import {
  selectCanRetry,
  selectIsFromCache,
  selectPhase,
  selectReason,
  selectSaveError,
} from '../../../machines/settings/settings.selectors.ts';
import { ErrorBanner } from '../../components/ErrorBanner/ErrorBanner.tsx';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/**
 * What the Settings tab says about the backend: loading, the backend unreachable (amber, Retry), or a
 * change it refused (red, nothing changed). Nothing while all is well.
 */
export function SettingsStatus() {
  const settings = usePanelActor('settings');
  const phase = usePanelSelector('settings', selectPhase);
  const fromCache = usePanelSelector('settings', selectIsFromCache);
  const reason = usePanelSelector('settings', selectReason);
  const canRetry = usePanelSelector('settings', selectCanRetry);
  const saveError = usePanelSelector('settings', selectSaveError);
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
