export { ActualBadge } from './ActualBadge.tsx';
export type { ActualBadgeProps } from './ActualBadge.tsx';
