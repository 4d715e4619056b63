import type { PoolRule } from './ledger/events.ts';

/**
 * Pool costs: a shared cost (a monthly subscription, a seat) split across projects by a stated rule.
 * Shares are integer micro-units that always add up exactly to the pool amount.
 */

/** Weight of each project under a rule; all zero means "no signal", handled by the caller. */
function weightsFor(rule: PoolRule, usage: Readonly<Record<string, number>>, projects: string[]): bigint[] {
  return projects.map((project) => {
    if (rule.kind === 'even') return 1n;
    const raw = rule.kind === 'usage' ? (usage[project] ?? 0) : (rule.weights[project] ?? 0);
    if (!Number.isSafeInteger(raw)) {
      throw new RangeError(`Pool ${rule.kind} for project "${project}" is ${raw}: it must be a whole number`);
    }
    // A project whose usage is negative (refunds exceeded spend) carries no share rather than a credit.
    return BigInt(Math.max(0, raw));
  });
}

/** Largest-remainder split of a non-negative amount; ties go to the project that sorts first. */
function largestRemainder(amount: bigint, weights: bigint[], projects: string[]): bigint[] {
  const total = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (amount * w) / total);
  let left = amount - shares.reduce((a, b) => a + b, 0n);
  const order = projects
    .map((project, i) => ({ i, project, rest: (amount * (weights[i] ?? 0n)) % total }))
    .sort((a, b) => (a.rest === b.rest ? (a.project < b.project ? -1 : 1) : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = (shares[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares;
}

/**
 * Splits `amountMicros` across `projects` by `rule`: `even` (equal shares), `usage` (proportional to
 * `usage[project]`, e.g. micro-USD spent or a generation count) or `weights` (proportional to
 * `rule.weights[project]`; missing weights count as 0). Shares are integer micro-units that sum
 * exactly to the amount, also for negative amounts (a refund is split like a cost, then negated):
 * largest-remainder rounding, ties broken by project name (code-unit order). When every usage or
 * weight is zero the split falls back to even. Duplicate project names count once.
 * Throws a RangeError when there are no projects (the caller decides where an unshared pool goes)
 * or a usage/weight is not a whole number.
 */
export function allocatePool(
  amountMicros: number,
  rule: PoolRule,
  usage: Readonly<Record<string, number>>,
  projects: readonly string[],
): Record<string, number> {
  if (!Number.isSafeInteger(amountMicros)) {
    throw new RangeError(`Pool amount ${amountMicros} is not a whole number of micro-units`);
  }
  const names = [...new Set(projects)];
  if (names.length === 0) {
    throw new RangeError(
      'Pool has no projects to share it: add projects to its scope, or record usage first',
    );
  }
  let weights = weightsFor(rule, usage, names);
  if (weights.every((w) => w === 0n)) weights = names.map(() => 1n);
  const magnitude = BigInt(Math.abs(amountMicros));
  const shares = largestRemainder(magnitude, weights, names);
  const result: Record<string, number> = {};
  names.forEach((name, i) => {
    const share = Number(shares[i] ?? 0n);
    result[name] = amountMicros < 0 && share !== 0 ? -share : share;
  });
  return result;
}
