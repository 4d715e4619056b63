import {
  type AmountOf,
  amountIn,
  type BreakdownDimension,
  type BreakdownRow,
  type CostItem,
  type Currency,
  emptyTotals,
  orderBreakdown,
  tallyGroup,
  tallyTotals,
  type Totals,
} from '../domain/index.ts';
import { type Entry, groupOf, type Snapshot, type TagDimension } from './entry.ts';
import { firstInOrder } from './sorted-entries.ts';
import { passes, type ViewFilter } from './view-filter.ts';

/** The dimensions every summary breaks down by. */
export const DIMENSIONS: readonly BreakdownDimension[] = ['client', 'project', 'deliverable', 'model', 'day'];

/** A breakdown group; `firstOrd` is the domain position its spelling comes from, null once unknown. */
interface Group {
  row: BreakdownRow;
  firstOrd: number | null;
}

/** What a summary holds: totals and breakdowns (copies, safe to hand out). */
export interface SummaryFigures {
  totals: Totals;
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

/** Every entry of a tag group (generations, externals and pool shares), for finding its first spelling. */
export type GroupMembers = (dimension: TagDimension, key: string) => Iterable<Entry>;

const isTag = (d: BreakdownDimension): d is TagDimension => d !== 'model' && d !== 'day';

// Converting to EUR or SEK is exact big-integer arithmetic, costly per item; items never change (a
// changed record makes a new item), so each item's amount is worked out once per currency.
const converted = new Map<Currency, WeakMap<CostItem, number>>();

/** amountIn(currency), remembered per item. */
function rememberedAmountIn(currency: Currency): AmountOf {
  const amountOf = amountIn(currency);
  if (currency === 'USD') return amountOf;
  let memo = converted.get(currency);
  if (!memo) {
    memo = new WeakMap();
    converted.set(currency, memo);
  }
  const known = memo;
  return (item) => {
    let amount = known.get(item);
    if (amount === undefined) {
      amount = amountOf(item);
      known.set(item, amount);
    }
    return amount;
  };
}

/**
 * Totals and breakdowns of one filter in one currency, kept up to date item by item with the domain's
 * own tallies (tallyTotals, tallyGroup), so a summary costs one pass when first asked and almost
 * nothing after an append. Tag groups keep the spelling of their first item in domain order, as
 * breakdown() does; when that item leaves, the group looks its members up again when next read.
 */
export class LiveSummary {
  private readonly totals = emptyTotals();
  private readonly groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map()])) as Record<
    BreakdownDimension,
    Map<string, Group>
  >;
  private readonly amountOf: AmountOf;
  private figures: SummaryFigures | null = null;

  constructor(
    readonly filter: ViewFilter,
    currency: Currency,
    private readonly members: GroupMembers,
  ) {
    this.amountOf = rememberedAmountIn(currency);
  }

  /** Follows one item: `before` leaves (null: it is new), `after` joins (null: it is gone). */
  change(before: Snapshot | null, after: Snapshot | null): void {
    const left = before && passes(this.filter, before.entry, before.item) ? before : null;
    const joined = after && passes(this.filter, after.entry, after.item) ? after : null;
    if (!left && !joined) return;
    this.figures = null;
    const leftAmount = left ? this.amountOf(left.item) : 0;
    const joinedAmount = joined ? this.amountOf(joined.item) : 0;
    if (left) tallyTotals(this.totals, left.item, leftAmount, -1);
    if (joined) tallyTotals(this.totals, joined.item, joinedAmount, 1);
    for (const dimension of DIMENSIONS) {
      const groups = this.groups[dimension];
      const from = left ? groupOf(left.entry, left.item, dimension) : null;
      const to = joined ? groupOf(joined.entry, joined.item, dimension) : null;
      if (left && joined && from === to && samePlace(left, joined, dimension)) {
        // The same item, staying in its group with its spelling: only the amounts move.
        const row = (groups.get(from as string) as Group).row;
        tallyGroup(row, left.item, leftAmount, -1);
        tallyGroup(row, joined.item, joinedAmount, 1);
        continue;
      }
      if (left) this.leave(dimension, from as string, left, leftAmount);
      if (joined) this.join(dimension, to as string, joined, joinedAmount);
    }
  }

  /** The figures now (fresh copies; the summary goes on changing). */
  read(): SummaryFigures {
    if (this.figures) return this.figures;
    const breakdowns = {} as Record<BreakdownDimension, BreakdownRow[]>;
    for (const dimension of DIMENSIONS) {
      const rows: BreakdownRow[] = [];
      for (const [key, group] of this.groups[dimension]) {
        if (group.firstOrd === null && isTag(dimension)) this.respell(dimension, key, group);
        rows.push({ ...group.row });
      }
      breakdowns[dimension] = orderBreakdown(rows, dimension);
    }
    this.figures = { totals: { ...this.totals }, breakdowns };
    return this.figures;
  }

  private join(dimension: BreakdownDimension, key: string, joined: Snapshot, amount: number): void {
    const groups = this.groups[dimension];
    let group = groups.get(key);
    if (!group) {
      const row = { key: joined.item[dimension], usdMicros: 0, estimatedUsdMicros: 0, count: 0 };
      group = { row, firstOrd: joined.entry.ord };
      groups.set(key, group);
    } else if (group.firstOrd !== null && joined.entry.ord < group.firstOrd) {
      group.row.key = joined.item[dimension];
      group.firstOrd = joined.entry.ord;
    }
    tallyGroup(group.row, joined.item, amount, 1);
  }

  private leave(dimension: BreakdownDimension, key: string, left: Snapshot, amount: number): void {
    const groups = this.groups[dimension];
    const group = groups.get(key) as Group;
    tallyGroup(group.row, left.item, amount, -1);
    if (group.row.count === 0) groups.delete(key);
    else if (group.firstOrd === left.entry.ord) group.firstOrd = null;
  }

  private respell(dimension: TagDimension, key: string, group: Group): void {
    const first = firstInOrder(this.members(dimension, key), (entry) => passes(this.filter, entry));
    if (!first) return;
    group.row.key = first.item[dimension];
    group.firstOrd = first.ord;
  }
}

function samePlace(left: Snapshot, joined: Snapshot, dimension: BreakdownDimension): boolean {
  return left.entry.ord === joined.entry.ord && left.item[dimension] === joined.item[dimension];
}
