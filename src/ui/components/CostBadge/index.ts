export { CostBadge } from './CostBadge.tsx';
export type { CostBadgeProps } from './CostBadge.tsx';
export { costLabel, shownTier, TIER_LOOK } from './cost-label.ts';
export type { EstimateView } from './cost-label.ts';
