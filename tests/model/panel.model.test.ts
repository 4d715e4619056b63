import { describe, expect, test } from 'vitest';
import {
  type AnyActorRef,
  createActor,
  createMachine,
  type EventObject,
  fromCallback,
  type InspectionEvent,
} from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { LedgerEvent } from '../../src/domain/index.ts';
import { activeGenerationsMachine } from '../../src/machines/generation/active-generations.machine.ts';
import type { settlementMachine } from '../../src/machines/generation/settlement.machine.ts';
import { panelMachine } from '../../src/machines/panel/panel.machine.ts';
import { resumable } from '../../src/machines/panel/resumable.ts';
import type { SaveActiveInput } from '../../src/machines/panel/save-active.actor.ts';
import { persistenceLogic, resetLogic } from '../../stories/fixtures/billing-fakes.ts';
import { settingsLogic, settingsState } from '../dom/settings/settings-fixtures.ts';

/**
 * The panel's routing, walked as a model. The model below is written from the design, not from the
 * panel machine: the ledger is first booting, then settling (settlement runs) and Active generations
 * can be cleared in either. Each path's expectation is what each child must have been sent, computed
 * from the path's events alone; the panel's sensors are replaced by the test, which sends their
 * reports itself, and what the children received is read from the inspection stream.
 */

const SAVED_CURRENCY = 'USD';
const appended = (id: string): LedgerEvent[] => [
  { id, type: 'ledger.reset', at: '2026-01-01T00:00:00.000Z', epoch: 0, v: 1, newEpoch: 0 },
];

type ModelEvent =
  | { type: 'LEDGER_READY' }
  | { type: 'LEDGER_APPENDED'; id: string }
  | { type: 'CURRENCY_CHOSEN'; currency: 'USD' | 'EUR' }
  | { type: 'SETTINGS_LOADED'; currency: 'USD' | 'SEK' }
  | { type: 'ACTIVE_CLEAR' };

const anywhere = {
  CURRENCY_CHOSEN: {},
  SETTINGS_LOADED: {},
  ACTIVE_CLEAR: {},
} as const;

/** What the panel must do, written as the design says it (independent of panel.machine.ts). */
const model = createMachine({
  types: {} as { events: ModelEvent },
  id: 'panelModel',
  initial: 'booting',
  states: {
    booting: { on: { ...anywhere, LEDGER_READY: 'settling' } },
    settling: { on: { ...anywhere, LEDGER_APPENDED: {} } },
  },
});

/** Oracle per model state: whether settlement runs there. */
const ORACLE: Record<'booting' | 'settling', { settlementRuns: boolean; panelLedger: string }> = {
  booting: { settlementRuns: false, panelLedger: 'booting' },
  settling: { settlementRuns: true, panelLedger: 'settling' },
};

/** What each child must have received after `events`, computed from the events alone. */
function expectedDeliveries(events: readonly ModelEvent[]) {
  const settlement: string[] = [];
  const settings: string[] = [];
  const billing: string[] = [];
  let ready = false;
  let billingCurrency = 'USD';
  let held = SAVED_CURRENCY;
  let clears = 0;
  for (const event of events) {
    if (event.type === 'LEDGER_READY') ready = true;
    if (event.type === 'LEDGER_APPENDED' && ready) settlement.push(event.id);
    // Saved unless the settings already hold it (a save shows at once in the settings actor).
    if (event.type === 'CURRENCY_CHOSEN' && event.currency !== held) {
      settings.push(`SAVE ${event.currency}`);
      held = event.currency;
    }
    if (event.type === 'SETTINGS_LOADED' && event.currency !== billingCurrency) {
      billing.push(`SET_CURRENCY ${event.currency}`);
      billingCurrency = event.currency;
    }
    if (event.type === 'ACTIVE_CLEAR') clears += 1;
  }
  return { settlement, settings, billing, clears };
}

const inert = fromCallback<EventObject, Record<string, never>>(() => () => {});
const inertSaver = fromCallback<EventObject, SaveActiveInput>(() => () => {});

/** A real panel over fakes, with its sensors replaced (the test sends their reports). */
function sut() {
  const received: { to: string; event: { type: string; [key: string]: unknown } }[] = [];
  let forgotten = 0;
  const settlementFake = fromCallback(() => () => {}) as unknown as typeof settlementMachine;
  const logic = panelMachine.provide({
    actors: {
      persistence: resumable(persistenceLogic([])),
      settings: resumable(settingsLogic()),
      reset: resumable(resetLogic()),
      activeGenerations: resumable(activeGenerationsMachine),
      settlement: settlementFake,
      followLedger: inert,
      watchSettings: inert,
      saveActiveGenerations: inertSaver,
    },
    actions: {
      forgetSavedActive: () => {
        forgotten += 1;
      },
    },
  });
  const settingsReady = settingsLogic().resolveState(settingsState('ready'));
  const inspect = (inspection: InspectionEvent) => {
    if (inspection.type !== '@xstate.event') return;
    const target = inspection.actorRef as AnyActorRef;
    if (target.id === 'panel' || target === actor) return;
    received.push({ to: target.id, event: inspection.event as { type: string } });
  };
  const actor = createActor(logic, {
    input: { resume: { settings: settingsLogic().getPersistedSnapshot(settingsReady) } },
    inspect,
  });
  actor.start();
  return { actor, received, forgotten: () => forgotten };
}

const send = (actor: ReturnType<typeof sut>['actor'], event: ModelEvent) => {
  switch (event.type) {
    case 'LEDGER_READY':
      return actor.send({ type: 'LEDGER_READY', events: [], now: '2026-01-01T00:00:00.000Z' });
    case 'LEDGER_APPENDED':
      return actor.send({ type: 'LEDGER_APPENDED', events: appended(event.id) });
    case 'CURRENCY_CHOSEN':
      return actor.send({ type: 'CURRENCY_CHOSEN', currency: event.currency });
    case 'SETTINGS_LOADED': {
      const settings = settingsState('ready').context.settings;
      return actor.send({ type: 'SETTINGS_LOADED', settings: { ...settings!, currency: event.currency } });
    }
    case 'ACTIVE_CLEAR':
      return actor.send({ type: 'ACTIVE_CLEAR' });
  }
};

const testModel = createTestModel(model, {
  events: [
    { type: 'LEDGER_READY' },
    { type: 'LEDGER_APPENDED', id: 'e-1' },
    { type: 'CURRENCY_CHOSEN', currency: 'EUR' },
    { type: 'CURRENCY_CHOSEN', currency: 'USD' },
    { type: 'SETTINGS_LOADED', currency: 'SEK' },
    { type: 'SETTINGS_LOADED', currency: 'USD' },
    { type: 'ACTIVE_CLEAR' },
  ],
});

describe('panel machine (model-based, oracle from the design)', () => {
  // Simple paths reach each state; the scripted ones take every event in each state (self-loops too).
  const everyEvent: ModelEvent[] = [
    { type: 'CURRENCY_CHOSEN', currency: 'EUR' },
    { type: 'CURRENCY_CHOSEN', currency: 'USD' },
    { type: 'SETTINGS_LOADED', currency: 'SEK' },
    { type: 'SETTINGS_LOADED', currency: 'USD' },
    { type: 'ACTIVE_CLEAR' },
  ];
  const paths = [
    ...testModel.getSimplePaths(),
    ...testModel.getPathsFromEvents(everyEvent, {}),
    ...testModel.getPathsFromEvents(
      [
        { type: 'LEDGER_READY' },
        { type: 'LEDGER_APPENDED', id: 'e-1' },
        ...everyEvent,
        { type: 'LEDGER_APPENDED', id: 'e-2' },
      ],
      {},
    ),
  ];

  test('the paths reach both ledger states and take every event in each', () => {
    const reached = new Set(paths.flatMap((path) => path.steps.map((step) => String(step.state.value))));
    expect([...reached].sort()).toEqual(Object.keys(ORACLE).sort());
  });

  for (const path of paths) {
    test(path.description, async () => {
      const { actor, received, forgotten } = sut();
      const sent: ModelEvent[] = [];
      let active = actor.getSnapshot().context.activeGenerations;
      const actives = [active.sessionId];
      await path.test({
        states: {
          '*': (state) => {
            const row = ORACLE[state.value as keyof typeof ORACLE];
            const panel = actor.getSnapshot();
            expect(panel.value).toMatchObject({ ledger: row.panelLedger });
            expect(panel.context.settlement !== null).toBe(row.settlementRuns);
            expect(actor.system.get('settlement') !== undefined).toBe(row.settlementRuns);
            const want = expectedDeliveries(sent);
            const to = (id: string, type: string) =>
              received.filter((r) => r.to === id && r.event.type === type);
            expect(
              to('settlement', 'LEDGER_APPENDED').map((r) => (r.event.events as LedgerEvent[])[0]?.id),
            ).toEqual(want.settlement);
            expect(
              to('settings', 'SAVE').map((r) => `SAVE ${(r.event.patch as { currency: string }).currency}`),
            ).toEqual(want.settings);
            expect(
              to('billing', 'SET_CURRENCY').map((r) => `SET_CURRENCY ${r.event.currency as string}`),
            ).toEqual(want.billing);
            // Each clear forgets the save and starts a new Active generations actor under the same systemId.
            expect(forgotten()).toBe(want.clears);
            expect(new Set(actives).size).toBe(want.clears + 1);
            expect(actor.system.get('activeGenerations')).toBe(panel.context.activeGenerations);
          },
        },
        events: Object.fromEntries(
          ['LEDGER_READY', 'LEDGER_APPENDED', 'CURRENCY_CHOSEN', 'SETTINGS_LOADED', 'ACTIVE_CLEAR'].map(
            (type) => [
              type,
              (step: { event: ModelEvent }) => {
                sent.push(step.event);
                send(actor, step.event);
                active = actor.getSnapshot().context.activeGenerations;
                if (!actives.includes(active.sessionId)) actives.push(active.sessionId);
              },
            ],
          ),
        ),
      });
      actor.stop();
    });
  }
});
