import {
  type GenerationRow,
  LEARNED_WINDOW_DAYS,
  type LearnedSample,
  learnedSampleAt,
  learnedSampleOf,
} from '../domain/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A generation's learned sample as kept: its date, and the sample once read. */
interface Kept {
  row: GenerationRow;
  ord: number;
  ms: number;
  sample: LearnedSample | null;
}

/**
 * The metered runs learned estimates read (the domain's learnedSamples), one per generation by genId.
 * Only the date is read up front; the sample itself (its configKey is the costly part) only for the
 * runs a window asks for, and again only after its generation changed. Domain order, as learnedSamples.
 */
export class LearnedWindow {
  private kept: Map<string, Kept> | null = null;

  /** Reads a generation again after it changed (only once the window was first asked for). */
  update(row: GenerationRow, ord: number): void {
    if (this.kept) this.keep(this.kept, row, ord);
  }

  /**
   * The samples dated within LEARNED_WINDOW_DAYS + 1 days before `now` (or later): a day more than
   * learnedEstimate's window, so a day made longer by a clock change still fits.
   */
  within(now: Date, rows: () => Iterable<{ row: GenerationRow; ord: number }>): LearnedSample[] {
    if (!this.kept) {
      const kept = new Map<string, Kept>();
      for (const { row, ord } of rows()) this.keep(kept, row, ord);
      this.kept = kept;
    }
    const since = now.getTime() - (LEARNED_WINDOW_DAYS + 1) * DAY_MS;
    const recent = [...this.kept.values()].filter((kept) => kept.ms >= since).sort((a, b) => a.ord - b.ord);
    return recent.flatMap((kept) => {
      kept.sample ??= learnedSampleOf(kept.row);
      return kept.sample ? [kept.sample] : [];
    });
  }

  private keep(kept: Map<string, Kept>, row: GenerationRow, ord: number): void {
    const at = learnedSampleAt(row);
    if (at === null) kept.delete(row.genId);
    else kept.set(row.genId, { row, ord, ms: Date.parse(at), sample: null });
  }
}
