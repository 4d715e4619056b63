import { runContentOf } from '../domain/ledger/params-summary.ts';
import { runContentProblems } from '../domain/ledger/run-limits.ts';
import type { LedgerJournal } from './context.ts';

/**
 * The proxy's gate for money (ARCHITECTURE.md § Persistence, write-ahead): a request that starts a fal
 * run goes out only when its `generation.requested` is on disk with the same endpoint and content, and
 * only once. So fal can never hold a charge the ledger refused or never heard of.
 */

/** A submit the proxy must not forward: HTTP status, code and a message for people. */
export interface RunRefusal {
  status: 400 | 409;
  code: 'RUN_INVALID' | 'RUN_NOT_RECORDED' | 'RUN_ALREADY_SENT';
  message: string;
}

/** A submit let through; call `settle(true)` when fal accepted it, `settle(false)` when it did not. */
export interface RunPass {
  settle(accepted: boolean): void;
}

/** The gate: `admit` answers a refusal, or a pass to settle once fal answered. */
export interface RunAdmission {
  admit(request: { intentId: string | null; endpointId: string; body: ArrayBuffer }): RunRefusal | RunPass;
}

/** Hosts whose POSTs start a billable run: the queue (submit) and the synchronous runner. */
const RUN_HOSTS = new Set(['queue.fal.run', 'fal.run']);

/** The endpoint id a POST to `target` would start a run of, or null when it starts none (status, cancel, storage). */
export function runEndpointOf(method: string, target: URL): string | null {
  if (method !== 'POST' || !RUN_HOSTS.has(target.hostname)) return null;
  // Status, result and cancel live under /requests/; everything else on these hosts is a submit.
  if (target.pathname.includes('/requests/')) return null;
  return target.pathname.replace(/^\/+|\/+$/g, '');
}

const refuse = (status: RunRefusal['status'], code: RunRefusal['code'], message: string): RunRefusal => ({
  status,
  code,
  message,
});

/** Creates the gate over the journal (reads only: `get` and `has`, constant time per submit). */
export function createRunAdmission(journal: Pick<LedgerJournal, 'get' | 'has'>): RunAdmission {
  // Sent or being sent in this process; the ledger's `generation.submitted` covers earlier processes.
  const inFlight = new Set<string>();
  const sent = new Set<string>();
  return {
    admit({ intentId, endpointId, body }) {
      const input = parseInput(body);
      if (input === null) {
        return refuse(400, 'RUN_INVALID', 'The run was not sent to fal: its input is not a JSON object.');
      }
      const content = runContentOf(input);
      const problems = runContentProblems(content);
      if (problems.length > 0) {
        return refuse(
          400,
          'RUN_INVALID',
          `The run was not sent to fal, so nothing was charged: ${problems.join(' ')}`,
        );
      }
      if (!intentId) {
        return refuse(
          409,
          'RUN_NOT_RECORDED',
          'The run was not sent to fal: it was not recorded in the cost ledger first. Start runs from the modelBridge panel, which records each one before it is sent.',
        );
      }
      const intent = journal.get(`${intentId}:requested`);
      const same =
        intent?.type === 'generation.requested' &&
        intent.endpointId === endpointId &&
        intent.prompt === content.prompt &&
        sameParams(intent.params, content.params);
      if (!same) {
        return refuse(
          409,
          'RUN_NOT_RECORDED',
          `The run was not sent to fal: the cost ledger holds no matching record of generation ${JSON.stringify(intentId)} ` +
            `for ${endpointId} (it must be recorded with the same model, prompt and parameters before it is sent).`,
        );
      }
      if (inFlight.has(intentId) || sent.has(intentId) || journal.has(`${intentId}:submitted`)) {
        return refuse(
          409,
          'RUN_ALREADY_SENT',
          `Generation ${JSON.stringify(intentId)} was already sent to fal, so it was not sent again (that would be charged twice). Retry starts a new generation.`,
        );
      }
      inFlight.add(intentId);
      return {
        settle(accepted) {
          inFlight.delete(intentId);
          if (accepted) sent.add(intentId);
        },
      };
    },
  };
}

function parseInput(body: ArrayBuffer): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
