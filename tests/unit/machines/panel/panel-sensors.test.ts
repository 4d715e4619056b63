import { describe, expect, test } from 'vitest';
import {
  createActor,
  type EventObject,
  fromCallback,
  fromPromise,
  type InspectionEvent,
  waitFor,
} from 'xstate';
import type { LedgerEvent } from '../../../../src/domain/index.ts';
import type { settlementMachine } from '../../../../src/machines/generation/settlement.machine.ts';
import { defineFollowLedgerActor } from '../../../../src/machines/panel/follow-ledger.actor.ts';
import { panelMachine } from '../../../../src/machines/panel/panel.machine.ts';
import { resumable } from '../../../../src/machines/panel/resumable.ts';
import type { SaveActiveInput } from '../../../../src/machines/panel/save-active.actor.ts';
import type { persistenceMachine } from '../../../../src/machines/persistence/persistence.machine.ts';
import type { DiskLoadResult } from '../../../../src/machines/persistence/persistence-ports.ts';
import { persistenceLogic } from '../../../../stories/fixtures/billing-fakes.ts';
import { deferred } from '../../../fixtures/machines-persistence/deferred.ts';
import { memorySettingsBackend, settingsLogic } from '../../../dom/settings/settings-fixtures.ts';

const AT = '2026-02-01T10:00:00.000+01:00';
const reset = (id: string): LedgerEvent => ({
  id,
  type: 'ledger.reset',
  at: AT,
  epoch: 0,
  v: 1,
  newEpoch: 0,
});

/** A panel over fakes whose sensors are real; records what reaches the panel and its settlement. */
function panelWith(options: {
  persistence: typeof persistenceMachine;
  settings?: ReturnType<typeof settingsLogic>;
}) {
  const toPanel: EventObject[] = [];
  const toSettlement: EventObject[] = [];
  const kept: unknown[] = [];
  const settlement = fromCallback(({ receive }) => {
    receive((event) => toSettlement.push(event));
    return () => {};
  }) as unknown as typeof settlementMachine;
  const logic = panelMachine.provide({
    actors: {
      persistence: resumable(options.persistence),
      ...(options.settings ? { settings: resumable(options.settings) } : {}),
      settlement,
      followLedger: defineFollowLedgerActor({ now: () => AT }),
      saveActiveGenerations: fromCallback<EventObject, SaveActiveInput>(() => () => {}),
    },
    actions: { keepSettingsForBoot: (_, { settings }) => void kept.push(settings) },
  });
  const inspect = (inspection: InspectionEvent) => {
    if (inspection.type === '@xstate.event' && inspection.actorRef === actor) toPanel.push(inspection.event);
  };
  const actor = createActor(logic, { input: {}, inspect });
  return { actor, toPanel, toSettlement, kept };
}

describe('panel: the ledger reaches settlement', () => {
  test('settlement starts only once the ledger is read, with every event, then gets only new ones', async () => {
    const load = deferred<DiskLoadResult>();
    const base = persistenceLogic([]);
    const persistence = base.provide({ actors: { loadLedger: fromPromise(() => load.promise) } });
    const { actor, toPanel, toSettlement } = panelWith({ persistence });
    actor.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(toPanel.filter((e) => e.type === 'LEDGER_READY')).toEqual([]);
    expect(actor.getSnapshot().context.settlement).toBeNull();

    load.resolve({ events: [reset('r-1')] });
    await waitFor(actor, (s) => s.context.settlement !== null);
    expect(toPanel.find((e) => e.type === 'LEDGER_READY')).toMatchObject({
      events: [{ id: 'r-1' }],
      now: AT,
    });
    expect(actor.system.get('settlement')).toBe(actor.getSnapshot().context.settlement);

    actor.getSnapshot().context.persistence.send({ type: 'RECORD', events: [reset('r-1'), reset('r-2')] });
    await waitFor(actor, () => toSettlement.some((e) => e.type === 'LEDGER_APPENDED'));
    const appended = toSettlement.filter((e) => e.type === 'LEDGER_APPENDED') as unknown as {
      events: LedgerEvent[];
    }[];
    expect(appended.flatMap((e) => e.events.map((event) => event.id))).toEqual(['r-2']);
    actor.stop();
  });
});

describe('panel: display currency between Billing and Settings', () => {
  test('a currency chosen in Billing is saved once; the loaded one is shown; confirmed settings are kept', async () => {
    const backend = memorySettingsBackend();
    const { actor, toPanel, kept } = panelWith({
      persistence: persistenceLogic([]),
      settings: settingsLogic(backend),
    });
    actor.start();
    const { settings, billing } = actor.getSnapshot().context;
    await waitFor(settings, (s) => s.matches('ready'));
    expect(toPanel.filter((e) => e.type === 'SETTINGS_LOADED')).toHaveLength(1);
    expect(kept).toHaveLength(1);

    billing.send({ type: 'SET_CURRENCY', currency: 'SEK' });
    await waitFor(settings, (s) => s.context.settings?.currency === 'SEK' && s.matches('ready'));
    expect(toPanel.filter((e) => e.type === 'CURRENCY_CHOSEN')).toEqual([
      { type: 'CURRENCY_CHOSEN', currency: 'SEK' },
    ]);
    expect((kept.at(-1) as { currency: string }).currency).toBe('SEK');
    // Choosing what is already saved saves nothing.
    expect(backend.patches).toEqual([{ currency: 'SEK' }]);
    billing.send({ type: 'SET_CURRENCY', currency: 'SEK' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(backend.patches).toEqual([{ currency: 'SEK' }]);
    actor.stop();
  });
});
