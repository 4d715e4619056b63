import { type Estimate, estimateWithLearned, type LearnedRuns, type Tags } from '../../domain/index.ts';
import { defaultParams, licenceOf, unitPriceUsdMicros } from '../../domain/pricing/index.ts';
import type { GenerationFetchInput, GenerationFetchOutput } from './generation-fetch.machine.ts';
import { type SubmittedFacts, summariseParams } from './generation-ledger.ts';
import type { GenerationContext, GenerationInput } from './generation.machine.ts';
import type { GenerationRunInput, GenerationRunOutput } from './generation-run.machine.ts';
import { initialProgress } from './generation-run.progress.ts';

/**
 * Pure context helpers of the generation machine: initial context, the estimate, the facts and inputs
 * handed to the run and fetch children, and how their outputs land in the parent's context.
 */

const NO_TAGS: Tags = { client: '', project: '', deliverable: '' };

/** What an estimate is computed from: a generation's context, or a Dual Mode slot's form. */
type EstimateBasis = Pick<GenerationContext, 'model' | 'params' | 'estimateOptions'> & {
  learned?: LearnedRuns | null;
};

/**
 * The estimate for a model and inputs, micro-USD with its tier: the exact catalog formula, else the
 * learned median of the user's metered runs of this configuration, else fal's unit price, else none
 * (chooseEstimate in src/domain documents the cascade).
 */
export function estimateOf({ model, params, estimateOptions, learned }: EstimateBasis): Estimate {
  // A snapshot persisted before learned estimates existed has no `learned` field.
  return estimateWithLearned(model, params, estimateOptions, learned ?? null);
}

/** Fields to assign: `changes` plus the estimate recomputed over the context with them applied. */
export function reestimate(
  context: GenerationContext,
  changes: Partial<Pick<GenerationContext, 'model' | 'params' | 'learned'>>,
): Partial<GenerationContext> {
  return { ...changes, estimate: estimateOf({ ...context, ...changes }) };
}

/** Context of a fresh generation: defaults for anything the input leaves out, nothing sent yet. */
export function initialGenerationContext(input: GenerationInput): GenerationContext {
  const params = { ...defaultParams(input.model), ...input.params };
  const estimateOptions = input.estimateOptions ?? {};
  const learned = input.learned ?? null;
  return {
    runId: input.genId,
    genId: input.genId,
    attempt: 1,
    model: input.model,
    params,
    prompt: input.prompt ?? '',
    tags: input.tags ?? NO_TAGS,
    dual: input.dual ?? null,
    settings: input.settings,
    estimateOptions,
    learned,
    estimate: estimateOf({ model: input.model, params, estimateOptions, learned }),
    autoStart: input.autoStart ?? false,
    background: false,
    cancelling: false,
    ...freshRun(),
  };
}

/** The run fields of a context before anything was sent (used again for a new request). */
function freshRun() {
  return {
    requestId: null,
    submittedAt: null,
    progress: initialProgress(),
    falFailed: false,
    media: [],
    paths: [],
    failure: null,
    retry: null,
    resumeFrom: null,
    actual: null,
    finishedAt: null,
    ledgerError: null,
  } satisfies Partial<GenerationContext>;
}

/** The next attempt after a failure: a new ledger id (`<runId>~<n>`), since it is a new, billable request. */
export function nextAttempt(context: GenerationContext): Partial<GenerationContext> {
  const attempt = context.attempt + 1;
  return {
    attempt,
    genId: `${context.runId}~${attempt}`,
    background: false,
    cancelling: false,
    ...freshRun(),
  };
}

/** The fal input: the model's inputs plus the prompt when there is one. */
function falInputOf(context: GenerationContext): Record<string, unknown> {
  return context.prompt === '' ? { ...context.params } : { ...context.params, prompt: context.prompt };
}

/** The `generation.submitted` facts known before fal answers. */
function factsOf(context: GenerationContext): SubmittedFacts {
  const { model, estimate } = context;
  return {
    genId: context.genId,
    endpointId: model.endpoint_id,
    modelName: model.display_name,
    category: model.category,
    params: summariseParams(context.params),
    prompt: context.prompt,
    estimate: { usdMicros: estimate.usdMicros, tier: estimate.tier, priceRef: estimate.priceRef },
    tags: context.tags,
    ...(context.dual ? { dual: context.dual } : {}),
    licence: licenceOf(model),
    fx: context.settings.fx,
  };
}

/** Input of the run child: a new request, or the accepted one polled again ("Check status"). */
export function runInputOf(context: GenerationContext): GenerationRunInput {
  const { requestId, submittedAt } = context;
  const resume =
    context.resumeFrom === 'polling' && requestId !== null && submittedAt !== null
      ? { requestId, submittedAt, progress: context.progress }
      : null;
  return {
    facts: factsOf(context),
    falInput: falInputOf(context),
    pollCapMs: context.settings.pollCapMs,
    resume,
  };
}

/** Input of the fetch child: the finished request, downloaded again or imported again. */
export function fetchInputOf(context: GenerationContext): GenerationFetchInput {
  return {
    genId: context.genId,
    endpointId: context.model.endpoint_id,
    category: context.model.category,
    requestId: context.requestId ?? '',
    submittedAt: context.submittedAt ?? '',
    falInput: falInputOf(context),
    unitPriceUsdMicros: unitPriceUsdMicros(
      context.model,
      context.params,
      context.estimateOptions.falUnitPrice,
    ),
    falFailed: context.falFailed,
    from: context.resumeFrom === 'importing' ? 'importing' : 'downloading',
    media: context.media,
    progress: context.progress,
  };
}

/** What the parent keeps from a finished run; a failure after acceptance is retried by polling again. */
export function fromRunOutput(output: GenerationRunOutput): Partial<GenerationContext> {
  const accepted = output.requestId !== null;
  return {
    requestId: output.requestId,
    submittedAt: output.submittedAt,
    progress: output.progress,
    falFailed: output.falFailed,
    failure: output.failure,
    finishedAt: output.finishedAt,
    ledgerError: output.ledgerError,
    cancelling: false,
    retry: output.outcome === 'failed' ? (accepted ? 'reuse' : 'resubmit') : null,
    resumeFrom: output.outcome === 'failed' && accepted ? 'polling' : null,
  };
}

/** What the parent keeps from a finished fetch; a failed import is retried from the media it has. */
export function fromFetchOutput(output: GenerationFetchOutput): Partial<GenerationContext> {
  const failedStep = output.failure?.kind === 'IMPORT' ? 'importing' : 'downloading';
  return {
    progress: output.progress,
    media: output.media,
    paths: output.paths,
    failure: output.failure,
    retry: output.retry,
    actual: output.actual,
    finishedAt: output.finishedAt,
    ledgerError: output.ledgerError,
    resumeFrom: output.outcome === 'failed' && output.retry === 'reuse' ? failedStep : null,
  };
}
