import type { RunContent } from './run-limits.ts';

/**
 * fal inputs as the ledger keeps them: scalars as they are, anything else as compact JSON text. The panel
 * summarises what it records and the backend's proxy summarises what it is asked to send, so the two
 * can be compared.
 */
export function summariseParams(params: Record<string, unknown>): RunContent['params'] {
  const summary: RunContent['params'] = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
    summary[name] = scalar ? (value as string | number | boolean | null) : JSON.stringify(value);
  }
  return summary;
}

/** A fal input split into the prompt and the other parameters, as the ledger records a run. */
export function runContentOf(falInput: Record<string, unknown>): RunContent {
  const { prompt, ...params } = falInput;
  return { prompt: typeof prompt === 'string' ? prompt : '', params: summariseParams(params) };
}
