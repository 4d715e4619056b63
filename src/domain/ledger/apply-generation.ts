import { normaliseTag } from '../tags.ts';
import type { LedgerEvent, LedgerEventOf, Tags } from './events.ts';
import type { GenerationRow, LedgerState } from './state.ts';

/** Tags as shown and compared: each one trimmed with inner spaces collapsed. */
function normaliseTags(tags: Tags): Tags {
  return {
    client: normaliseTag(tags.client),
    project: normaliseTag(tags.project),
    deliverable: normaliseTag(tags.deliverable),
  };
}

type RunFact = LedgerEventOf<'generation.requested'> | LedgerEventOf<'generation.submitted'>;

/** A new row from the run's intent or its acceptance: the first fact of a genId creates it. */
function newRow(e: RunFact): GenerationRow {
  return {
    genId: e.genId,
    requestId: e.type === 'generation.submitted' ? e.requestId : null,
    endpointId: e.endpointId,
    modelName: e.modelName,
    category: e.category,
    submittedAt: e.at,
    finishedAt: null,
    durationMs: null,
    status: e.type === 'generation.submitted' ? 'running' : 'requested',
    estimate: { ...e.estimate },
    actual: null,
    unsettled: false,
    unsettledReason: null,
    tags: normaliseTags(e.tags),
    dual: e.dual ? { ...e.dual } : null,
    licence: e.licence,
    fx: { ...e.fx, rates: { ...e.fx.rates } },
    params: { ...e.params },
    prompt: e.prompt,
    failure: null,
  };
}

/** Adds a run recorded before its fal submit; a second intent for the same genId is ignored. */
export function applyRequested(state: LedgerState, e: LedgerEventOf<'generation.requested'>): void {
  state.generations[e.genId] ??= newRow(e);
}

/**
 * fal accepted a run: adds the row, or completes the one its intent created (request id, acceptance time,
 * running). A second submit of the same genId is ignored (the first is the fact).
 */
export function applySubmitted(state: LedgerState, e: LedgerEventOf<'generation.submitted'>): void {
  const row = state.generations[e.genId];
  if (!row) {
    state.generations[e.genId] = newRow(e);
    return;
  }
  if (row.requestId !== null) return;
  row.requestId = e.requestId;
  row.submittedAt = e.at;
  // The outcome may have been folded first (merge order is by time, clocks can differ): keep it.
  if (row.status === 'requested') row.status = 'running';
}

/** Any event about an already recorded generation. */
export type GenerationFollowUp = Exclude<Extract<LedgerEvent, { type: `generation.${string}` }>, RunFact>;

/** Applies a follow-up to its row; a row that does not exist (unknown genId) is left alone. */
export function applyFollowUp(state: LedgerState, e: GenerationFollowUp): void {
  const row = state.generations[e.genId];
  if (!row) return;
  switch (e.type) {
    case 'generation.completed':
    case 'generation.cancelled':
      finish(row, e.type === 'generation.completed' ? 'completed' : 'cancelled', e.at, e.durationMs);
      return;
    case 'generation.failed':
      finish(row, 'failed', e.at, e.durationMs);
      row.failure = { errorKind: e.errorKind, charged: e.charged, message: e.message };
      return;
    case 'generation.settled':
      row.actual = {
        usdMicros: e.actualUsdMicros,
        unitPriceUsdMicros: e.unitPriceUsdMicros,
        billableUnits: e.billableUnits,
        billAs: e.billAs,
        basis: e.basis,
        settledAt: e.at,
      };
      row.unsettled = false;
      row.unsettledReason = null;
      return;
    case 'generation.unsettled':
      row.unsettled = row.actual === null;
      row.unsettledReason = row.actual === null ? e.reason : null;
      return;
    case 'generation.retagged':
      row.tags = normaliseTags(e.tags);
      return;
  }
}

// The last terminal event wins: a cancelled run can still complete (modelbridge-docs.md §9, point 3).
function finish(row: GenerationRow, status: GenerationRow['status'], at: string, durationMs: number): void {
  row.status = status;
  row.finishedAt = at;
  row.durationMs = durationMs;
  if (status !== 'failed') row.failure = null;
}
