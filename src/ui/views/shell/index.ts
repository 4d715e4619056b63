/** The panel's frame (header, banners, providers) and the glue between app-level actors. */
export { ActiveErrorBoundary, type ActiveErrorBoundaryProps } from './ActiveErrorBoundary.tsx';
export {
  ACTIVE_RESTORE_NOTICE,
  ActiveRestoreProblemContext,
  useActiveRestoreProblem,
} from './active-restore.ts';
export { AppProviders } from './AppProviders.tsx';
export { BootError, type BootErrorProps } from './BootError.tsx';
export { GenerateFormProvider } from './GenerateFormProvider.tsx';
export { LinkedActiveProvider } from './LinkedActiveProvider.tsx';
export type { PanelWiring } from './panel-wiring.ts';
export { PersistenceLine } from './PersistenceLine.tsx';
export { persistenceLedgerPort } from '../../../machines/persistence/ledger-port.ts';
export { LIVE_LABEL, ModeBadge, SANDBOX_LABEL } from './ModeBadge.tsx';
export { SettingsFxProvider } from './SettingsFxProvider.tsx';
export { SettingsSync } from './SettingsSync.tsx';
export { SettlementRunner } from './SettlementRunner.tsx';
export { StatusBar } from './StatusBar.tsx';
export { StickyBanners } from './StickyBanners.tsx';
export type { StickyBannersProps } from './StickyBanners.tsx';
export {
  sameCauses,
  selectStickyFailures,
  STICKY_COPY,
  type StickyCause,
  type StickyKind,
} from './sticky-banners.ts';
