import { type ActorRefFrom, assertEvent, assign, type EventObject, enqueueActions, setup } from 'xstate';
import type { LedgerEvent } from '../../domain/index.ts';
import { toRunFailure } from './generation-failure.ts';
import { cancelledDraft, completedDraft, unsettledDraft } from './generation-ledger.ts';
import { placeholderCallback, placeholderPromise } from './generation-placeholders.ts';
import type { LedgerFailedEvent, RecordEvent, RequestRef } from './generation-run.contract.ts';
import type { LedgerEventDraft } from '../ports.ts';
import {
  DEFAULT_SETTLEMENT_POLICY,
  finishEntry,
  nextDue,
  rebuildQueue,
  replaceEntry,
  rescheduled,
  type SettlementEntry,
  type SettlementPolicy,
  type SettlementQueue,
  trackEvent,
} from './settlement-queue.ts';
import { meteredDraft, notBilledDraft } from './settlement-drafts.ts';

/** Input: the ledger as loaded at boot (its unsettled generations become the queue) and the time. */
export interface SettlementInput {
  events: readonly LedgerEvent[];
  now: string;
  policy?: SettlementPolicy;
}

/** Context: the queue, the clock's last time, and the entry being re-read. */
export interface SettlementContext {
  queue: SettlementQueue;
  policy: SettlementPolicy;
  now: string;
  current: SettlementEntry | null;
  /** Why the ledger writer or the clock failed; null when all is well. */
  problem: string | null;
}

/** Output of `rereadResult`: fal's billable units (null when still not reported) and the read time. */
export interface RereadResultOutput {
  billableUnits: number | null;
  billAs: string | null;
  at: string;
  /** True when fal refused the result because the run was cancelled before it produced anything (unbilled). */
  notBilled?: boolean;
}

/** Events: TICK from the clock actor, LEDGER_APPENDED from the composition root when facts are recorded. */
export type SettlementEvent =
  | { type: 'TICK'; at: string }
  | { type: 'LEDGER_APPENDED'; events: readonly LedgerEvent[] }
  | LedgerFailedEvent;

/** Tags: `busy` while a result is being re-read. */
export type SettlementTag = 'busy';

const record = (drafts: LedgerEventDraft[]): RecordEvent => ({ type: 'RECORD', events: drafts });

/**
 * Re-reads results for billable units until every generation is settled (`generation.settled`: metered,
 * or $0 when fal refuses the result of a cancelled run as never run) or 6 days have passed
 * (`generation.unsettled`); its queue is rebuilt from the ledger at every start.
 */
export const settlementMachine = setup({
  types: {
    context: {} as SettlementContext,
    events: {} as SettlementEvent,
    input: {} as SettlementInput,
    tags: {} as SettlementTag,
  },
  actors: {
    rereadResult: placeholderPromise<RereadResultOutput, RequestRef>('rereadResult'),
    tickClock: placeholderCallback<EventObject, Record<string, never>>('tickClock'),
    recordLedger: placeholderCallback<RecordEvent, Record<string, never>>('recordLedger'),
  },
  guards: {
    hasDueEntry: ({ context }) => nextDue(context.queue, context.now) !== null,
    hasUnits: (_, params: RereadResultOutput) => params.billableUnits !== null,
    isNotBilled: (_, params: RereadResultOutput) => params.notBilled === true,
  },
  actions: {
    assignNow: assign(({ event }) => {
      assertEvent(event, 'TICK');
      return { now: event.at };
    }),
    trackEvents: assign(({ context, event }) => {
      assertEvent(event, 'LEDGER_APPENDED');
      return { queue: event.events.reduce((q, e) => trackEvent(q, e, context.policy), context.queue) };
    }),
    pickDue: assign(({ context }) => ({ current: nextDue(context.queue, context.now) })),
    settle: enqueueActions(({ context, enqueue }, params: RereadResultOutput) => {
      const entry = context.current;
      if (entry === null || params.billableUnits === null) return;
      const { genId, endpointId } = entry;
      const { billableUnits, billAs, at } = params;
      const drafts: LedgerEventDraft[] = [
        meteredDraft({ genId, endpointId, billAs, params: entry.params, billableUnits, at }),
      ];
      // A run that outlived its polling window finished after all: close its row too.
      if (!entry.closed) drafts.unshift(completedDraft(genId, entry.submittedAt, at));
      enqueue.assign({ queue: finishEntry(context.queue, genId), current: null });
      enqueue.sendTo('ledger', record(drafts));
    }),
    settleNotBilled: enqueueActions(({ context, enqueue }, params: { at: string }) => {
      const entry = context.current;
      if (entry === null) return;
      const drafts: LedgerEventDraft[] = [notBilledDraft(entry.genId, params.at)];
      // fal reports the run cancelled although this panel never recorded the cancel (another panel did).
      if (!entry.closed) drafts.unshift(cancelledDraft(entry.genId, entry.submittedAt, params.at));
      enqueue.assign({ queue: finishEntry(context.queue, entry.genId), current: null });
      enqueue.sendTo('ledger', record(drafts));
    }),
    reschedule: enqueueActions(
      ({ context, enqueue }, params: { at: string; error: string; finished: boolean }) => {
        const entry = context.current;
        if (entry === null || context.queue.finished[entry.genId]) return;
        const drafts: LedgerEventDraft[] = [];
        // The result was readable, so the run is over even though fal reported no units yet.
        if (params.finished && !entry.closed)
          drafts.push(completedDraft(entry.genId, entry.submittedAt, params.at));
        const next = rescheduled(
          { ...entry, closed: entry.closed || params.finished },
          params.at,
          params.error,
          context.policy,
        );
        // Six days without units: the estimate stays and the row is flagged in billing and reports.
        if (next === null)
          drafts.push(
            unsettledDraft(
              entry.genId,
              `No billable units from fal after 6 days (${params.error})`,
              params.at,
            ),
          );
        const queue =
          next === null ? finishEntry(context.queue, entry.genId) : replaceEntry(context.queue, next);
        enqueue.assign({ queue, current: null });
        if (drafts.length > 0) enqueue.sendTo('ledger', record(drafts));
      },
    ),
    assignProblem: assign((_, params: { problem: string }) => ({ problem: params.problem })),
  },
}).createMachine({
  id: 'settlement',
  context: ({ input }) => {
    const policy = input.policy ?? DEFAULT_SETTLEMENT_POLICY;
    return {
      queue: rebuildQueue(input.events, policy),
      policy,
      now: input.now,
      current: null,
      problem: null,
    };
  },
  invoke: [
    {
      id: 'ledger',
      src: 'recordLedger',
      input: {},
      onError: {
        actions: { type: 'assignProblem', params: ({ event }) => ({ problem: String(event.error) }) },
      },
    },
    {
      id: 'clock',
      src: 'tickClock',
      input: {},
      onError: {
        actions: { type: 'assignProblem', params: ({ event }) => ({ problem: String(event.error) }) },
      },
    },
  ],
  on: {
    TICK: { actions: 'assignNow' },
    LEDGER_APPENDED: { actions: 'trackEvents' },
    LEDGER_FAILED: {
      actions: { type: 'assignProblem', params: ({ event }) => ({ problem: event.message }) },
    },
  },
  initial: 'watching',
  states: {
    watching: { always: { guard: 'hasDueEntry', target: 'rereading' } },
    rereading: {
      tags: ['busy'],
      entry: 'pickDue',
      invoke: {
        id: 'rereadResult',
        src: 'rereadResult',
        input: ({ context }) => ({
          endpointId: context.current?.endpointId ?? '',
          requestId: context.current?.requestId ?? '',
        }),
        onDone: [
          {
            guard: { type: 'hasUnits', params: ({ event }) => event.output },
            target: 'watching',
            actions: { type: 'settle', params: ({ event }) => event.output },
          },
          {
            guard: { type: 'isNotBilled', params: ({ event }) => event.output },
            target: 'watching',
            actions: { type: 'settleNotBilled', params: ({ event }) => event.output },
          },
          {
            target: 'watching',
            actions: {
              type: 'reschedule',
              params: ({ event }) => ({
                at: event.output.at,
                error: 'fal reported no billable units',
                finished: true,
              }),
            },
          },
        ],
        onError: {
          target: 'watching',
          actions: {
            type: 'reschedule',
            params: ({ context, event }) => {
              const failure = toRunFailure(event.error, context.now);
              return { at: failure.at ?? context.now, error: failure.message, finished: false };
            },
          },
        },
      },
    },
  },
});

/** The settlement actor (a singleton registered as SYSTEM_IDS.settlement). */
export type SettlementActorRef = ActorRefFrom<typeof settlementMachine>;
