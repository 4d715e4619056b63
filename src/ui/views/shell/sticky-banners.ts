import type { ErrorKind } from '../../../domain/index.ts';
import {
  type ActiveGenerationsSnapshot,
  refOfRow,
  selectRows,
} from '../../../machines/generation/active-generations.selectors.ts';
import { selectFailure } from '../../../machines/generation/generation.selectors.ts';

/**
 * The sticky AUTH and BALANCE banners (modelbridge-docs.md §13): they stay until dismissed with the X.
 * Each banner has a `cause` (the key check, or the generation that hit it), so dismissing it hides that
 * cause only and a new failure shows it again.
 */

/** The two kinds of sticky banner. */
export type StickyKind = 'AUTH_INVALID' | 'BALANCE_EMPTY';

/** One sticky banner to show: its kind and what caused it (`key` or a genId). */
export interface StickyCause {
  kind: StickyKind;
  cause: string;
}

const STICKY: readonly ErrorKind[] = ['AUTH_INVALID', 'BALANCE_EMPTY'];

/** The newest failed generation of each sticky kind, e.g. `[{ kind: 'BALANCE_EMPTY', cause: 'gen-7' }]`. */
export function selectStickyFailures(snapshot: ActiveGenerationsSnapshot): StickyCause[] {
  const found = new Map<StickyKind, string>();
  for (const row of selectRows(snapshot)) {
    if (row.phase !== 'failed') continue;
    const ref = refOfRow(snapshot, row);
    const kind = ref ? selectFailure(ref.getSnapshot())?.kind : undefined;
    if (kind && STICKY.includes(kind)) found.set(kind as StickyKind, row.genId);
  }
  return [...found].map(([kind, cause]) => ({ kind, cause }));
}

/** Same banners (for `useSelector`'s compare, so a new array with the same causes does not re-render). */
export function sameCauses(a: readonly StickyCause[], b: readonly StickyCause[]): boolean {
  return a.length === b.length && a.every((x, i) => x.kind === b[i]?.kind && x.cause === b[i]?.cause);
}

/** What each banner says: what happened, why, what to do (no codes, no raw text). */
export const STICKY_COPY: Record<StickyKind, { title: string; body: string }> = {
  AUTH_INVALID: {
    title: 'Your fal.ai key was rejected',
    body:
      'fal.ai did not accept the key (missing, expired or mistyped), so nothing can be generated. Open ' +
      'Settings, remove the key and paste a fresh one with no spaces; create a new key on fal.ai if it was revoked.',
  },
  BALANCE_EMPTY: {
    title: 'Your fal.ai balance is empty',
    body:
      'fal.ai blocks new generations while the balance is at zero or the account is locked. Add funds in ' +
      'fal.ai billing and check the payment method; contact fal.ai support if it stays locked after topping up.',
  },
};

/** How to get out of a refused key without real charges: by where the key comes from. */
export const AUTH_SANDBOX_HINT = {
  saved: 'Or use Sandbox: it removes the refused key and runs on a simulated fal.ai, with no real charges.',
  env: 'The key comes from the FAL_KEY environment variable: unset it and restart modelBridge (or start it with --sandbox) to use Sandbox.',
} as const;
