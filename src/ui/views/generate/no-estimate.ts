import type { EstimateView } from '../../components/CostBadge/cost-label.ts';

/** What a badge or the dialog's total shows while there is no estimate: "No price", never $0. */
export const NO_ESTIMATE: EstimateView = { usdMicros: null, tier: 'none', upTo: false, explanation: '' };
