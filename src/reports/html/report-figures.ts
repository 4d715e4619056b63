import { byWeek, type BreakdownRow, type CostItem, type Currency, type Licence } from '../../domain/index.ts';
import type { Compliance, GenerationLine, OverTime, RateUsed } from './report-data-types.ts';

/** Beyond a quarter of days the line shows weeks (as Billing does): a year is 52 points, not 365. */
export const MAX_DAY_POINTS = 92;

/** Cost over time from the summary's day breakdown: days, or weeks once there are too many days. */
export function overTimeOf(days: readonly BreakdownRow[]): OverTime {
  return days.length <= MAX_DAY_POINTS
    ? { unit: 'day', points: days.map((row) => ({ ...row })) }
    : { unit: 'week', points: byWeek(days) };
}

/** Counts the stored rate sets of the items, keyed by what a reader needs to check a conversion. */
export class RatesTally {
  private readonly seen = new Map<string, RateUsed>();
  // Items of one batch or settlement share their rates object: the last one is counted without a key.
  private last: { fx: CostItem['fx']; used: RateUsed } | null = null;

  constructor(private readonly currency: Currency) {}

  add(item: CostItem): void {
    const { fx } = item;
    if (this.last?.fx === fx) {
      this.last.used.costs += 1;
      return;
    }
    const rate = fx.rates[this.currency];
    const key = `${rate}|${fx.asOf}|${fx.source}`;
    let used = this.seen.get(key);
    if (used) used.costs += 1;
    else {
      used = { rate, asOf: fx.asOf, source: fx.source, costs: 1 };
      this.seen.set(key, used);
    }
    this.last = { fx, used };
  }

  /** Oldest rates first, then by rate. */
  read(): RateUsed[] {
    return [...this.seen.values()].sort((a, b) =>
      a.asOf !== b.asOf ? (a.asOf < b.asOf ? -1 : 1) : a.rate - b.rate || (a.source < b.source ? -1 : 1),
    );
  }
}

/** Which licence each generation was made under: counts per licence and per model. */
export function complianceOf(generations: readonly GenerationLine[]): Compliance {
  const byLicence: Record<Licence, number> = { commercial: 0, research: 0, private: 0, unknown: 0 };
  const byModel = new Map<string, { model: string; licence: Licence; generations: number }>();
  for (const { model, licence } of generations) {
    byLicence[licence] += 1;
    const key = `${licence}|${model}`;
    const known = byModel.get(key);
    if (known) known.generations += 1;
    else byModel.set(key, { model, licence, generations: 1 });
  }
  const models = [...byModel.values()].sort(
    (a, b) =>
      b.generations - a.generations ||
      (a.model < b.model ? -1 : a.model > b.model ? 1 : a.licence < b.licence ? -1 : 1),
  );
  return { generations: generations.length, byLicence, models };
}
