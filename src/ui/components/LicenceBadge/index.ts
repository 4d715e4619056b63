export { LicenceBadge } from './LicenceBadge.tsx';
export type { LicenceBadgeProps } from './LicenceBadge.tsx';
