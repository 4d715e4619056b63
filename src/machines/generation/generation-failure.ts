import { type Charged, chargedSchema, type ErrorKind, errorKindSchema } from '../../domain/index.ts';

/**
 * Failures as the generation machines carry them: plain JSON (so snapshots persist), classified by
 * kind and by whether fal charged (modelbridge-docs.md §9). Actors reject with these; anything else that
 * reaches a machine (a bug, a missing .provide()) is normalised to UNKNOWN with charged 'maybe'.
 */

/** A classified failure of one step; `at` is the ISO time it was seen, null when no clock was involved. */
export interface RunFailure {
  kind: ErrorKind;
  charged: Charged;
  /** For people: what happened, why, and what to do (never raw JSON or a status code). */
  message: string;
  /** True when trying the same step again can help (rate limit, server, timeout, network). */
  retryable: boolean;
  at: string | null;
  /** The raw error text of an unclassified failure, for logs and developers only; never shown. */
  detail: string | null;
}

const UNKNOWN_MESSAGE =
  'Something unexpected went wrong while running the generation. Check the Active generations row, then retry.';

function fieldOf(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/**
 * Turns anything thrown or rejected into a RunFailure. Keeps kind, charged, retryable and message of a
 * classified error (src/fal FalError or a RunFailure); `at` falls back to `fallbackAt`.
 */
export function toRunFailure(
  error: unknown,
  fallbackAt: string | null,
  fallbackCharged: Charged = 'maybe',
): RunFailure {
  const kind = errorKindSchema.safeParse(fieldOf(error, 'kind'));
  const charged = chargedSchema.safeParse(fieldOf(error, 'charged'));
  const message = fieldOf(error, 'message');
  const at = fieldOf(error, 'at');
  return {
    kind: kind.success ? kind.data : 'UNKNOWN',
    charged: charged.success ? charged.data : fallbackCharged,
    message: typeof message === 'string' && message.length > 0 && kind.success ? message : UNKNOWN_MESSAGE,
    retryable: fieldOf(error, 'retryable') === true,
    at: typeof at === 'string' ? at : fallbackAt,
    detail: kind.success ? null : typeof message === 'string' ? message : String(error),
  };
}

/**
 * The failure of a step after fal finished the run (download or import): fal has charged (§9), and
 * retrying the step reuses the request id, so it costs nothing more.
 */
export function afterRunFailure(kind: 'DOWNLOAD' | 'IMPORT', cause: RunFailure): RunFailure {
  const what =
    kind === 'DOWNLOAD' ? 'The result could not be downloaded' : 'The result could not be imported';
  const reason = cause.kind === 'UNKNOWN' ? '' : ` (${cause.message})`;
  return {
    kind,
    charged: 'yes',
    message: `${what}${reason}. fal has already charged for this run; Retry fetches the same result again at no extra cost.`,
    retryable: true,
    at: cause.at,
    detail: cause.detail,
  };
}

/**
 * Polling gave up (after its own retries): fal may still finish the run and charge for it, so charged is
 * `maybe`, and Retry checks the status of the same request again at no cost.
 */
export function pollFailure(cause: RunFailure): RunFailure {
  return {
    ...cause,
    charged: 'maybe',
    retryable: true,
    message:
      'modelBridge lost contact with fal while the run was in progress. It may still finish and be charged; ' +
      'Retry checks its status again at no extra cost.',
  };
}
