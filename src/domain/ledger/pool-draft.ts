import { isIsoDay } from '../fx.ts';
import { microsToDecimal, parseDecimalToMicros } from '../money.ts';
import { dedupeTags, tagKey } from '../tags.ts';
import { type Currency, MAX_AMOUNT_MICROS, type PoolRule } from './events.ts';
import type { Pool } from './state.ts';

/** How a pool is split: the three rules of issue 13, as the pool form names them. */
export type PoolRuleKind = PoolRule['kind'];

/**
 * A pool as typed in the pool form: text as entered (amounts with a decimal comma, weights as
 * typed), so the form never loses what someone wrote while it is not valid yet.
 */
export interface PoolDraft {
  name: string;
  amount: string;
  currency: Currency;
  /** YYYY-MM-DD, or '' for an open end. */
  from: string;
  to: string;
  rule: PoolRuleKind;
  /** Projects that share the pool; none means every project with generations in the period. */
  projects: string[];
  /** Weight per project (by its name as listed in `projects`), used by the `weights` rule. */
  weights: Record<string, string>;
}

/** What a pool event records besides its envelope, id and rates. */
export interface PoolBody {
  name: string;
  amountMicros: number;
  currency: Currency;
  period: { from: string; to: string };
  rule: PoolRule;
  scope: { projects: string[] };
}

/** Per field, why the draft cannot be recorded; `weights` names the first project whose weight is wrong. */
export type PoolDraftProblems = Partial<
  Record<'name' | 'amount' | 'from' | 'to' | 'rule' | 'projects', string>
>;

export type PoolDraftResult = { ok: true; body: PoolBody } | { ok: false; problems: PoolDraftProblems };

/** An empty form: an even split in the display currency over every project with usage. */
export function emptyPoolDraft(currency: Currency): PoolDraft {
  return { name: '', amount: '', currency, from: '', to: '', rule: 'even', projects: [], weights: {} };
}

/** The form of an existing pool, to change it. */
export function draftOfPool(pool: Pool): PoolDraft {
  const weights = pool.rule.kind === 'weights' ? pool.rule.weights : {};
  return {
    name: pool.name,
    amount: microsToDecimal(pool.amountMicros).replace(/\.?0+$/, ''),
    currency: pool.currency,
    from: pool.period.from.slice(0, 10),
    to: pool.period.to.slice(0, 10),
    rule: pool.rule.kind,
    projects: [...pool.scope.projects],
    weights: Object.fromEntries(Object.entries(weights).map(([name, w]) => [name, String(w)])),
  };
}

function weightOf(text: string | undefined): number | null {
  const value = (text ?? '').trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

function readRule(draft: PoolDraft, projects: string[], problems: PoolDraftProblems): PoolRule {
  if (draft.rule !== 'weights') return { kind: draft.rule };
  if (projects.length === 0) {
    problems.projects =
      'Choose the projects that share the pool: a split by weights needs a weight for each.';
    return { kind: 'weights', weights: {} };
  }
  const typed = new Map(Object.entries(draft.weights).map(([name, w]) => [tagKey(name), w]));
  const weights: Record<string, number> = {};
  for (const project of projects) {
    const weight = weightOf(typed.get(tagKey(project)));
    if (weight === null) {
      problems.rule ??= `The weight of ${project} must be a whole number of 0 or more, e.g. 2.`;
    } else weights[project] = weight;
  }
  if (!problems.rule && Object.values(weights).every((w) => w === 0)) {
    problems.rule = 'At least one project needs a weight above 0.';
  }
  return { kind: 'weights', weights };
}

/**
 * Reads the pool form into what a `pool.defined` or `pool.changed` event records, or says per field
 * what is wrong: a name, a non-zero amount (a negative one is a refund, split like a cost), real days
 * with the start not after the end, and a whole weight per project for the weights rule.
 */
export function readPoolDraft(draft: PoolDraft): PoolDraftResult {
  const problems: PoolDraftProblems = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name === '') problems.name = 'Name the pool, e.g. "Midjourney seats, March".';
  else if (name.length > 200) problems.name = 'A pool name has at most 200 characters.';
  const amountMicros = parseDecimalToMicros(draft.amount);
  if (amountMicros === null) {
    problems.amount = `"${draft.amount.trim()}" is not an amount: write it like 120 or 49,90.`;
  } else if (amountMicros === 0) problems.amount = 'A pool of 0 shares nothing: enter its cost.';
  else if (Math.abs(amountMicros) > MAX_AMOUNT_MICROS)
    problems.amount = 'That amount is too large to record.';
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (from !== '' && !isIsoDay(from)) problems.from = `"${from}" is not a day: write it as YYYY-MM-DD.`;
  if (to !== '' && !isIsoDay(to)) problems.to = `"${to}" is not a day: write it as YYYY-MM-DD.`;
  if (!problems.from && !problems.to && from !== '' && to !== '' && from > to) {
    problems.to = 'The period ends before it starts.';
  }
  const projects = dedupeTags(draft.projects);
  const rule = readRule(draft, projects, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      amountMicros: amountMicros as number,
      currency: draft.currency,
      period: { from, to },
      rule,
      scope: { projects },
    },
  };
}
