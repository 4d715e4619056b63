import type { GenerationRow, LedgerState } from '../ledger/state.ts';
import { findModel } from './catalog.ts';
import { configKey, type LearnedSample } from './learned.ts';

/**
 * The user's metered runs as learned samples (modelbridge-docs.md §2, "Learned estimates"): pure, read
 * from the folded ledger, so the data never leaves the machine.
 */

/** Learned samples with the moment the 60-day window ends at (ISO), as machines receive them. Plain JSON. */
export interface LearnedRuns {
  samples: LearnedSample[];
  /** The end of the LEARNED_WINDOW_DAYS window, ISO; from the caller, never read from a clock here. */
  now: string;
}

/**
 * fal inputs as the form had them: the ledger keeps objects and arrays as compact JSON text
 * (summariseParams), so they are parsed back, else a custom `image_size` would key differently.
 */
function restoredParams(params: GenerationRow['params']): Record<string, unknown> {
  const restored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    restored[name] = typeof value === 'string' && /^[[{]/.test(value) ? parseOr(value) : value;
  }
  return restored;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** When a generation's metered run is dated (settle time, else submit time); null when it is no sample. */
export function learnedSampleAt(row: GenerationRow): string | null {
  const actual = row.actual;
  if (actual === null || actual.basis !== 'metered' || actual.usdMicros === null) return null;
  return actual.settledAt === '' ? row.submittedAt : actual.settledAt;
}

/** The learned sample of one generation (see learnedSamples), or null when it has none. */
export function learnedSampleOf(row: GenerationRow): LearnedSample | null {
  const at = learnedSampleAt(row);
  const usdMicros = row.actual?.usdMicros;
  if (at === null || usdMicros === undefined || usdMicros === null) return null;
  const model = findModel(row.endpointId) ?? row.endpointId;
  return { usdMicros, at, configKey: configKey(model, restoredParams(row.params)) };
}

/**
 * One sample per generation settled with basis `metered` and a known actual (integer micro-USD), keyed
 * with configKey of its catalog model (found by endpoint id or alias; an unknown model keys on the
 * endpoint id string) and its inputs, dated by the settle time (else the submit time). Ledger order.
 */
export function learnedSamples(state: LedgerState): LearnedSample[] {
  const samples: LearnedSample[] = [];
  for (const row of Object.values(state.generations)) {
    const sample = learnedSampleOf(row);
    if (sample) samples.push(sample);
  }
  return samples;
}
