import {
  emptyLedgerState,
  type GenerationRow,
  LEARNED_WINDOW_DAYS,
  type LearnedSample,
  learnedSamples,
} from '../domain/index.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The learned sample of one generation (the domain's learnedSamples of it alone), if it has one. */
function sampleOf(row: GenerationRow): LearnedSample | undefined {
  return learnedSamples({ ...emptyLedgerState(), generations: { [row.genId]: row } })[0];
}

/**
 * The metered runs learned estimates read, one sample per generation, kept per genId once first asked
 * for (then each changed generation is read again alone), in domain order as learnedSamples gives them.
 */
export class LearnedWindow {
  private samples: Map<string, { ord: number; sample: LearnedSample }> | null = null;
  private ordered: LearnedSample[] | null = null;

  /** Reads a generation again after it changed (only once the samples were first asked for). */
  update(row: GenerationRow, ord: number): void {
    if (!this.samples) return;
    const sample = sampleOf(row);
    const had = this.samples.has(row.genId);
    if (sample) this.samples.set(row.genId, { ord, sample });
    else this.samples.delete(row.genId);
    if (sample || had) this.ordered = null;
  }

  /**
   * The samples dated within LEARNED_WINDOW_DAYS + 1 days before `now` (or later): a day more than
   * learnedEstimate's window, so a calendar day that is longer at a clock change still fits.
   */
  within(now: Date, rows: () => Iterable<{ row: GenerationRow; ord: number }>): LearnedSample[] {
    if (!this.samples) {
      this.samples = new Map();
      for (const { row, ord } of rows()) {
        const sample = sampleOf(row);
        if (sample) this.samples.set(row.genId, { ord, sample });
      }
    }
    this.ordered ??= [...this.samples.values()].sort((a, b) => a.ord - b.ord).map((s) => s.sample);
    const since = now.getTime() - (LEARNED_WINDOW_DAYS + 1) * DAY_MS;
    return this.ordered.filter((sample) => Date.parse(sample.at) >= since);
  }
}
