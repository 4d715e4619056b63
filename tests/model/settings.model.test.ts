import { describe, expect, it } from 'vitest';
import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { settingsMachine } from '../../src/machines/settings/settings.machine.ts';
import { selectKeyStatus, selectPhase } from '../../src/machines/settings/settings.selectors.ts';
import type { SaveSettingsInput, SettingsLoadOutput } from '../../src/machines/settings/settings-ports.ts';
import {
  GOOD_KEY,
  portFailure,
  SANDBOX_BACKEND,
  DEFAULT_PANEL_SETTINGS,
} from '../dom/settings/settings-fixtures.ts';
import { controlledPromise, flush } from '../fixtures/machines/controlled-actors.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';
import {
  expectSettingsRow,
  SETTINGS_ROWS,
  settingsOracle,
} from '../fixtures/machines/oracles/settings.oracle.ts';

type Snap = SnapshotFrom<typeof settingsMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const LOADED: SettingsLoadOutput = { settings: DEFAULT_PANEL_SETTINGS, backend: SANDBOX_BACKEND };
const SAVED: SettingsLoadOutput = { settings: { ...DEFAULT_PANEL_SETTINGS, currency: 'EUR' } };

// Payloads on both sides of every guard: valid and invalid form text, a key and an empty key,
// failures that are worth retrying and refusals.
const EVENTS: AnyEvent[] = [
  { type: 'xstate.done.actor.loadSettings', output: LOADED },
  { type: 'xstate.error.actor.loadSettings', error: portFailure('offline', true) },
  { type: 'SAVE', patch: { currency: 'EUR' } },
  { type: 'SAVE_RATES', form: { eur: '0.9', sek: '10', asOf: '2026-01-01' } },
  { type: 'SAVE_RATES', form: { eur: 'x', sek: '10', asOf: '2026-01-01' } },
  { type: 'SAVE_THRESHOLDS', form: { single: '6', dual: '9' } },
  { type: 'SAVE_WINDOWS', form: { image: '0', video: '90', audio: '30' } },
  { type: 'SET_KEY', key: GOOD_KEY },
  { type: 'SET_KEY', key: ' ' },
  { type: 'REMOVE_KEY' },
  { type: 'xstate.done.actor.saveSettings', output: SAVED },
  { type: 'xstate.error.actor.saveSettings', error: portFailure('offline', true) },
  { type: 'xstate.error.actor.saveSettings', error: portFailure('refused', false) },
  { type: 'RETRY' },
];

const USER_EVENTS = [...new Set(EVENTS.map((e) => e.type).filter((type) => !type.startsWith('xstate.')))];

// The oracle tries every listed event, and RETRY, in every state.
const oracle = settingsOracle(EVENTS);

const model = createTestModel(asTestModel(settingsMachine), {
  events: EVENTS as never,
  serializeState: (s) => {
    const c = (s as Snap).context;
    return JSON.stringify([s.value, c.queued !== null, c.failed !== null, c.keyChange, c.settings !== null]);
  },
});

describe('settings machine (model)', () => {
  it('every shortest path holds in the real machine', { timeout: 30_000 }, async () => {
    const paths = model.getShortestPaths({ input: {} } as never);
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      const load = controlledPromise<SettingsLoadOutput, void>('loadSettings');
      const save = controlledPromise<SettingsLoadOutput, SaveSettingsInput>('saveSettings');
      const actor = createActor(
        settingsMachine.provide({ actors: { loadSettings: load.logic, saveSettings: save.logic } }),
        { input: {} },
      ).start();
      const settle =
        (control: typeof load | typeof save) =>
        async ({ event }: { event: AnyEvent }) => {
          if (event.type.startsWith('xstate.done')) control.last().resolve(event.output as never);
          else control.last().reject(event.error);
          await flush();
        };
      const send = async ({ event }: { event: AnyEvent }) => {
        actor.send(event as never);
        await flush();
      };
      const userEvents = Object.fromEntries(USER_EVENTS.map((type) => [type, send]));
      const want = factsAlong(oracle, path.steps as never);
      let at = 0;
      await path.test({
        events: {
          ...userEvents,
          'xstate.done.actor.loadSettings': settle(load),
          'xstate.error.actor.loadSettings': settle(load),
          'xstate.done.actor.saveSettings': settle(save),
          'xstate.error.actor.saveSettings': settle(save),
        } as never,
        states: {
          '*': (expected: Snap) => {
            const actual = actor.getSnapshot();
            expect(actual.value).toEqual(expected.value);
            expect(selectPhase(actual)).toBe(expected.value);
            expect(selectKeyStatus(actual)).toBe(selectKeyStatus(expected));
            // Only what the model tells apart (its serialised state) is compared.
            expect(actual.context.queued !== null).toBe(expected.context.queued !== null);
            expect(actual.context.failed !== null).toBe(expected.context.failed !== null);
            expect(actual.context.settings !== null).toBe(expected.context.settings !== null);
            // Write-only key: no snapshot ever holds it.
            expect(JSON.stringify(actual.context)).not.toContain(GOOD_KEY);
            // The independent statement: the state the event must lead to, what the tab shows there,
            // and what reached the backend so far (loads, and each save's patch, the key as sent).
            const f = want[at]!;
            at += 1;
            expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
            expectSettingsRow(actual, f);
            expect(load.calls.length, `loads in ${f.value}`).toBe(f.calls.filter((c) => c === 'load').length);
            expect(
              save.calls.map((call) => call.input.patch),
              `saves in ${f.value}`,
            ).toEqual(f.calls.filter((c) => c !== 'load'));
          },
        },
      });
      expect(at).toBe(path.steps.length);
      // A saving step sends the key only in the actor's input, and only for SET_KEY.
      for (const call of save.calls) {
        if (call.input.patch.falKey !== undefined)
          expect([GOOD_KEY, null]).toContain(call.input.patch.falKey);
      }
      actor.stop();
    }
  });

  it('reaches every state node', () => {
    const reached = reachedStateIds(model.getShortestPaths({ input: {} } as never));
    expect(reached).toEqual(allStateIds(asTestModel(settingsMachine)));
  });

  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(SETTINGS_ROWS, settingsMachine);
  });

  it(
    'every edge leads where the oracle says, and what the tab shows holds there',
    { timeout: 60_000 },
    () => {
      // Explored by what decides and shows (not by which fields a waiting patch holds).
      const reached = checkEveryEdge(
        asTestModel(settingsMachine),
        {},
        oracle,
        (s, f) => expectSettingsRow(s as Snap, f),
        (_, f) =>
          JSON.stringify([
            f.value,
            f.keyChange,
            f.saving !== null,
            f.queued !== null,
            f.failed !== null,
            f.currency,
            f.saveError,
            f.keyError,
            f.formErrors,
          ]),
      );
      expect(reached).toEqual(Object.keys(SETTINGS_ROWS).sort());
    },
  );
});
