import { Stack } from '@mantine/core';
import { useState } from 'react';
import {
  selectIsSandbox,
  selectKeySource,
  selectKeyStatus,
} from '../../../machines/settings/settings.selectors.ts';
import { ErrorBanner } from '../../components/ErrorBanner/ErrorBanner.tsx';
import { ACTIVE_RESTORE_NOTICE, useActiveRestoreProblem } from './active-restore.ts';
import {
  AUTH_SANDBOX_HINT,
  sameCauses,
  selectStickyFailures,
  STICKY_COPY,
  type StickyCause,
} from './sticky-banners.ts';
import { usePanelActor, usePanelSelector } from '../../actors/panel-context.ts';

/** Props of {@link StickyBanners}. */
export interface StickyBannersProps {
  /** Switches to the Settings tab (the AUTH banner's action). */
  onOpenSettings: () => void;
}

const idOf = (banner: StickyCause) => `${banner.kind}:${banner.cause}`;

/**
 * The sticky AUTH and BALANCE banners under the header, on every tab: AUTH when fal rejected the saved
 * key or a generation, BALANCE when a generation found the balance empty. They stay until dismissed
 * (amber: action needed); the set of dismissed causes is UI-local. Also, once, the notice that saved
 * Active generations were damaged and cleared at start.
 */
export function StickyBanners({ onOpenSettings }: StickyBannersProps) {
  const failures = usePanelSelector('activeGenerations', selectStickyFailures, sameCauses);
  const keyInvalid = usePanelSelector('settings', (s) => selectKeyStatus(s) === 'invalid');
  const keySource = usePanelSelector('settings', selectKeySource);
  const sandbox = usePanelSelector('settings', selectIsSandbox);
  const settings = usePanelActor('settings');
  // A refused key cannot run anything: removing it switches the backend to Sandbox (no real charges).
  const useSandbox =
    !sandbox && keySource === 'saved'
      ? { label: 'Use Sandbox', onAction: () => settings.send({ type: 'REMOVE_KEY' }) }
      : undefined;
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const restoreProblem = useActiveRestoreProblem();
  const dismiss = (id: string) => setDismissed((set) => new Set([...set, id]));
  const banners: StickyCause[] = [...failures];
  if (keyInvalid && !banners.some((b) => b.kind === 'AUTH_INVALID'))
    banners.unshift({ kind: 'AUTH_INVALID', cause: 'key' });
  const shown = banners.filter((banner) => !dismissed.has(idOf(banner)));
  const restoreShown = restoreProblem !== null && !dismissed.has('restore');
  if (shown.length === 0 && !restoreShown) return null;
  return (
    <Stack gap={4} px="xs" pt={4} aria-label="Alerts" component="section">
      {restoreShown && (
        <ErrorBanner tone="action" title={ACTIVE_RESTORE_NOTICE.title} onDismiss={() => dismiss('restore')}>
          {ACTIVE_RESTORE_NOTICE.body}
        </ErrorBanner>
      )}
      {shown.map((banner) => (
        <ErrorBanner
          key={idOf(banner)}
          tone="action"
          sticky
          title={STICKY_COPY[banner.kind].title}
          onDismiss={() => dismiss(idOf(banner))}
          {...(banner.kind === 'AUTH_INVALID'
            ? {
                actionLabel: 'Open Settings',
                onAction: onOpenSettings,
                ...(useSandbox ? { secondAction: useSandbox } : {}),
              }
            : {})}
        >
          {STICKY_COPY[banner.kind].body}
          {banner.kind === 'AUTH_INVALID' && useSandbox && ` ${AUTH_SANDBOX_HINT.saved}`}
          {banner.kind === 'AUTH_INVALID' && !sandbox && keySource === 'env' && ` ${AUTH_SANDBOX_HINT.env}`}
        </ErrorBanner>
      ))}
    </Stack>
  );
}
