/**
 * Failures and quirks the Sandbox fal reproduces on demand: put the keyword anywhere in a text input
 * of the request (usually the prompt). One table, so tests, docs and the panel's help agree.
 */

/** Where in fal's pipeline a scenario acts. */
export type ScenarioStage = 'submit' | 'worker' | 'cancel' | 'result' | 'timing';

/** One reproducible behaviour of the sandbox. */
export interface SandboxScenario {
  keyword: string;
  stage: ScenarioStage;
  /** What the sandbox does, in fal's own terms. */
  effect: string;
}

/** Every keyword the sandbox understands (see also `[bill-as:<endpoint id>]`, which takes an argument). */
export const SANDBOX_SCENARIOS = [
  {
    keyword: '[fail:422]',
    stage: 'worker',
    effect:
      'accepted (IN_QUEUE), then COMPLETED with an error; the result answers 422 with a pydantic `detail` list',
  },
  {
    keyword: '[fail:500]',
    stage: 'worker',
    effect:
      'accepted, then COMPLETED with an error; the result answers 500 `{detail, error_type: "internal_error"}` every time',
  },
  {
    keyword: '[fail:503]',
    stage: 'submit',
    effect: 'the queue answers 503 `runner_scheduling_failure` to every submit (nothing is queued)',
  },
  {
    keyword: '[fail:429]',
    stage: 'submit',
    effect: 'the queue answers 429 (too many concurrent requests) to every submit',
  },
  {
    keyword: '[fail:timeout]',
    stage: 'worker',
    effect: 'accepted, then COMPLETED with an error; the result answers 504 `request_timeout`',
  },
  {
    keyword: '[fail:policy]',
    stage: 'worker',
    effect: 'accepted, then COMPLETED with an error; the result answers 422 `content_policy_violation`',
  },
  {
    keyword: '[fail:balance]',
    stage: 'submit',
    effect: 'submit answers 403 "User is locked. Reason: Exhausted balance…"',
  },
  { keyword: '[fail:auth]', stage: 'submit', effect: 'submit answers 401 (the key is not accepted)' },
  {
    keyword: '[cancel-billed]',
    stage: 'cancel',
    effect:
      'a cancel during IN_PROGRESS answers CANCELLATION_REQUESTED, but the run still completes and is billed (a cancel while still IN_QUEUE removes it, unbilled, as fal does)',
  },
  {
    keyword: '[no-units]',
    stage: 'result',
    effect: 'the result never carries x-fal-billable-units (billing event still recorded)',
  },
  {
    keyword: '[units-late]',
    stage: 'result',
    effect:
      'the first two result reads carry no x-fal-billable-units; later reads do (fal metering late: settlement)',
  },
  {
    keyword: '[slow]',
    stage: 'timing',
    effect: 'queue three times and processing ten times longer than usual',
  },
] as const satisfies readonly SandboxScenario[];

/** The scenario flags read from one request's input. */
export interface Scenario {
  failAt: 'submit' | 'worker' | null;
  failure:
    'validation' | 'server' | 'unavailable' | 'rate-limit' | 'timeout' | 'policy' | 'balance' | 'auth' | null;
  cancelBilled: boolean;
  noUnits: boolean;
  /** Result reads that come back without units before the meter shows up (`[units-late]`: 2). */
  unitsAfterReads: number;
  slow: boolean;
  /** `[bill-as:<endpoint id>]`: report this endpoint in x-fal-bill-as. */
  billAs: string | null;
}

const FAILURES: ReadonlyArray<readonly [string, NonNullable<Scenario['failure']>]> = [
  ['[fail:422]', 'validation'],
  ['[fail:500]', 'server'],
  ['[fail:503]', 'unavailable'],
  ['[fail:429]', 'rate-limit'],
  ['[fail:timeout]', 'timeout'],
  ['[fail:policy]', 'policy'],
  ['[fail:balance]', 'balance'],
  ['[fail:auth]', 'auth'],
];
/** `[units-late]`: the run's own result read and the first settlement re-read see no units. */
const UNITS_LATE_READS = 2;
const SUBMIT_FAILURES = new Set(['unavailable', 'rate-limit', 'balance', 'auth']);

/** Reads the keywords from every string value of the input (top level and one level down). */
export function readScenario(input: Record<string, unknown>): Scenario {
  const text = textOf(input);
  const failure = FAILURES.find(([keyword]) => text.includes(keyword))?.[1] ?? null;
  const billAs = /\[bill-as:([\w.-]+(?:\/[\w.-]+)+)\]/.exec(text)?.[1] ?? null;
  return {
    failAt: failure === null ? null : SUBMIT_FAILURES.has(failure) ? 'submit' : 'worker',
    failure,
    cancelBilled: text.includes('[cancel-billed]'),
    noUnits: text.includes('[no-units]'),
    unitsAfterReads: text.includes('[units-late]') ? UNITS_LATE_READS : 0,
    slow: text.includes('[slow]'),
    billAs,
  };
}

function textOf(input: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const value of Object.values(input)) {
    if (typeof value === 'string') parts.push(value);
    else if (value && typeof value === 'object') {
      for (const inner of Object.values(value)) if (typeof inner === 'string') parts.push(inner);
    }
  }
  return parts.join('\n');
}
