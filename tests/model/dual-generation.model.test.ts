import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { configKey, DEFAULT_THRESHOLDS, defaultParams } from '../../src/domain/index.ts';
import {
  type DualGenerationInput,
  dualGenerationMachine,
} from '../../src/machines/generation/dual-generation.machine.ts';
import { controlledCallback } from '../fixtures/machines/controlled-actors.ts';
import { FLUX_DEV, generationInput, settings, TAGS, VEO_FAST } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { generationSnapshot } from '../fixtures/machines/snapshots.ts';
import {
  DUAL_A,
  DUAL_B,
  DUAL_LIVE_LICENCES,
  DUAL_ROWS,
  dualOracle,
  expectDualRow,
  expectedCombined,
  expectedSlotLicence,
  VEO_LEARNED_USD_MICROS,
} from '../fixtures/machines/oracles/dual-generation.oracle.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

type Snap = SnapshotFrom<typeof dualGenerationMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const A = DUAL_A;
const B = DUAL_B;
// $4 + $4 = $8.00 exactly: no dialog; 4.01 makes $8.01: dialog.
const INPUT: DualGenerationInput = {
  groupId: 'pair-1',
  primary: { genId: 'gen-a', model: A, params: { duration: 4 } },
  secondary: { genId: 'gen-b', model: B, params: { duration: 4 } },
  prompt: 'a lighthouse',
  tags: TAGS,
  settings: settings(),
};

const slotSnapshot = (genId: string, value: 'done' | 'failed' | { active: 'running' }) => ({
  type: `xstate.snapshot.${genId}`,
  snapshot: generationSnapshot(generationInput({ genId, model: A }), value),
});
// Veo 3.1 Fast is "up to $2.80" ($6.80 with A: no dialog); 3 metered runs at $4.50 make it $8.50: dialog.
const LEARNED = {
  type: 'SET_LEARNED',
  samples: ['2025-11-01', '2025-11-02', '2025-11-03'].map((day, i) => ({
    usdMicros: VEO_LEARNED_USD_MICROS[i] as number,
    at: `${day}T09:00:00.000Z`,
    configKey: configKey(VEO_FAST, defaultParams(VEO_FAST)),
  })),
  now: '2025-11-04T09:00:00.000Z',
};
// Settings saved while the pair is a draft: a $1.00 dual threshold makes $8.00 ask; back to $8.00 it does not.
const LOWERED = settings({ thresholds: { ...DEFAULT_THRESHOLDS, dualUsdMicros: 1_000_000 } });
const EVENTS: AnyEvent[] = [
  LEARNED,
  { type: 'SET_SETTINGS', settings: LOWERED },
  { type: 'SET_SETTINGS', settings: settings() },
  // The backend's licences arrive after the pair chose its models: both slots are sent with fal's.
  { type: 'MODELS_LICENSED', licences: DUAL_LIVE_LICENCES },
  { type: 'SET_MODEL', slot: 'secondary', model: VEO_FAST },
  { type: 'SET_MODEL', slot: 'secondary', model: A },
  { type: 'SET_MODEL', slot: 'secondary', model: FLUX_DEV },
  { type: 'SET_MODEL', slot: 'secondary', model: B, params: { duration: 4 } },
  { type: 'SET_PARAMS', slot: 'secondary', params: { duration: 4.01 } },
  { type: 'SET_PARAMS', slot: 'secondary', params: { duration: 4 } },
  // A blank shared prompt takes the send guard the other way: the pair is not sent until there is text.
  { type: 'SET_PROMPT', prompt: ' ' },
  { type: 'SET_PROMPT', prompt: 'a lighthouse' },
  slotSnapshot('gen-a', { active: 'running' }),
  slotSnapshot('gen-a', 'done'),
  slotSnapshot('gen-b', 'failed'),
  { type: 'RETRY_SLOT', slot: 'primary' },
  { type: 'RETRY_SLOT', slot: 'secondary' },
  { type: 'CANCEL_SLOT', slot: 'secondary' },
  { type: 'BACKGROUND' },
];

const key = (s: Snap) =>
  JSON.stringify([
    s.value,
    s.context.phases,
    s.context.combined?.usdMicros ?? null,
    s.context.combined?.tier ?? null,
    s.context.error !== null,
    s.context.slots.secondary.model?.endpoint_id,
    s.context.settings.thresholds.dualUsdMicros,
    s.context.prompt.trim() === '',
    s.context.slots.primary.model?.license_origin,
    s.context.slots.secondary.model?.license_origin,
  ]);
const SLOTS = { 'xstate.snapshot.*': ['xstate.snapshot.gen-a', 'xstate.snapshot.gen-b'] };
const model = createTestModel(asTestModel(dualGenerationMachine, SLOTS), {
  events: EVENTS as never,
  serializeState: key,
});
// The oracle tries every listed event, and every bare one, in every state.
const ORACLE_EVENTS: AnyEvent[] = [
  ...EVENTS,
  ...['GENERATE', 'CONTINUE', 'CANCEL'].map((type) => ({ type })),
  { type: 'CANCEL_SLOT', slot: 'primary' },
  { type: 'SET_TAGS', tags: { client: 'Acme', project: 'Teaser', deliverable: '' } },
];
const oracle = dualOracle(ORACLE_EVENTS);

describe('Dual Mode machine (model)', () => {
  it(
    'every shortest path holds in the real machine (pair rules and the $8 threshold both ways)',
    { timeout: 30_000 },
    async () => {
      const paths = model.getShortestPaths({ input: INPUT });
      expect(paths.length).toBeGreaterThan(10);
      for (const path of paths) {
        // Slots are children whose snapshots the test delivers; they record what the pair sends them.
        const slot = controlledCallback<unknown>('generation');
        const machine = dualGenerationMachine.provide({ actors: { generation: slot.logic as never } });
        const actor = createActor(machine, { input: INPUT }).start();
        const send = ({ event }: { event: AnyEvent }) => actor.send(event as never);
        const types = [
          ...new Set([
            ...EVENTS.map((e) => e.type),
            'GENERATE',
            'CONTINUE',
            'CANCEL',
            'SET_PROMPT',
            'SET_TAGS',
          ]),
        ];
        const want = factsAlong(oracle, path.steps as never);
        let at = 0;
        await path.test({
          events: Object.fromEntries(types.map((t) => [t, send])) as never,
          states: {
            '*': (expected: Snap) => {
              const actual = actor.getSnapshot();
              expect(key(actual)).toBe(key(expected));
              // The independent statement: the state the event must lead to, and what the user sees there.
              const f = want[at]!;
              at += 1;
              expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
              expectDualRow(actual, f);
            },
          },
        });
        expect(at).toBe(path.steps.length);
        // Both slots were sent once, together, as the pair's two halves, with the threshold then in force;
        // then told exactly what the oracle says (a retry of a failed slot, a cancel).
        const end = want.at(-1)!;
        expect(
          slot.inputs.map((input) => {
            const {
              genId,
              dual,
              autoStart,
              prompt,
              settings: sentWith,
            } = input as {
              genId: string;
              dual: { groupId: string; slot: string };
              autoStart: boolean;
              prompt: string;
              settings: { thresholds: { dualUsdMicros: number } };
            };
            return [genId, dual, autoStart, prompt, sentWith.thresholds.dualUsdMicros];
          }),
        ).toEqual(
          end.sentWith === null
            ? []
            : (['primary', 'secondary'] as const).map((half) => [
                half === 'primary' ? 'gen-a' : 'gen-b',
                { groupId: 'pair-1', slot: half },
                true,
                'a lighthouse',
                end.sentWith,
              ]),
        );
        expect(slot.received.map((e) => e.type)).toEqual(end.toSlots.map((line) => line.split(': ')[1]));
        // Slots are spawned only once the pair is sent, and both are sent together.
        expect(slot.inputs.length).toBe(
          actor.getSnapshot().matches('editing') || actor.getSnapshot().matches('confirming') ? 0 : 2,
        );
        expect(slot.received.every((e) => ['RETRY', 'CANCEL', 'BACKGROUND'].includes(e.type))).toBe(true);
        // Each slot starts with the pair's learned samples, so it records the estimate the pair showed.
        const learned = actor.getSnapshot().context.learned;
        expect(slot.inputs.every((input) => (input as { learned: unknown }).learned === learned)).toBe(true);
        // …and the settings in force when it was sent (a sent pair ignores later SET_SETTINGS).
        const { settings: sent } = actor.getSnapshot().context;
        expect(slot.inputs.every((input) => (input as { settings: unknown }).settings === sent)).toBe(true);
        // …and its model under the licence the pair showed: what its generation.submitted records.
        expect(
          slot.inputs.map((input) => {
            const { model: m } = input as { model: { license: string; license_origin?: string } };
            return { licence: m.license, origin: m.license_origin ?? 'catalog' };
          }),
        ).toEqual(
          end.sentWith === null
            ? []
            : [expectedSlotLicence(end, 'primary'), expectedSlotLicence(end, 'secondary')],
        );
        actor.stop();
      }
    },
  );

  it('reaches the learned layer: it sharpens the "up to" slot and can move the pair over $8.00', () => {
    const paths = model.getShortestPaths({ input: INPUT });
    const learned = paths.filter((p) => p.state.context.combined?.tier === 'learned');
    expect(learned.some((p) => p.state.matches('confirming'))).toBe(true);
    expect(learned.every((p) => p.state.context.combined?.usdMicros === 8_500_000)).toBe(true);
  });

  it('reaches SET_SETTINGS: a threshold lowered on the draft makes $8.00 ask; a sent pair keeps its settings', () => {
    const paths = model.getShortestPaths({ input: INPUT });
    const dual = (s: Snap) => s.context.settings.thresholds.dualUsdMicros;
    // Paths are deduplicated (a prefix of a longer path is dropped), so look at every state along them.
    const states = paths.flatMap((p) => p.steps.map((step) => step.state));
    const atEight = states.filter((s) => s.context.combined?.usdMicros === 8_000_000);
    expect(atEight.some((s) => s.matches('confirming') && dual(s) === 1_000_000)).toBe(true);
    expect(atEight.some((s) => s.matches('running') && dual(s) === 8_000_000)).toBe(true);
    // Only a draft (editing, confirming) takes new settings; a sent pair keeps those it was sent with.
    const event = { type: 'SET_SETTINGS', settings: LOWERED } as const;
    for (const s of states) {
      expect(s.can(event)).toBe(s.matches('editing') || s.matches('confirming'));
    }
    const sent = states.filter((s) => s.context.refs.primary !== null);
    expect(sent.length).toBeGreaterThan(0);
  });

  it('reaches every state node', () => {
    const reached = reachedStateIds(model.getShortestPaths({ input: INPUT }));
    expect(reached).toEqual(allStateIds(asTestModel(dualGenerationMachine, SLOTS)));
  });

  it('the oracle has a row for every state of the machine, and prices from the catalog', () => {
    expectRowPerState(DUAL_ROWS, dualGenerationMachine);
    const start = oracle.initial;
    // $4.00 + $4.00 is exactly $8.00; 4.01 s makes $8.01; Veo 3.1 Fast is "up to" 8 s × $0.35 = $2.80.
    expect(expectedCombined(start)).toEqual({ usdMicros: 8_000_000, tier: 'estimated' });
    expect(expectedCombined({ ...start, seconds: 4.01 }).usdMicros).toBe(8_010_000);
    expect(expectedCombined({ ...start, secondary: 'VEO', seconds: null }).usdMicros).toBe(6_800_000);
    expect(expectedCombined({ ...start, secondary: 'VEO', seconds: null, learned: true })).toEqual({
      usdMicros: 8_500_000,
      tier: 'learned',
    });
  });

  it(
    'every edge leads where the oracle says, and what the user sees holds there',
    { timeout: 60_000 },
    () => {
      // Explored by the model's key (what the next decision depends on), every event tried in each state.
      const reached = checkEveryEdge(
        asTestModel(dualGenerationMachine, SLOTS),
        INPUT,
        oracle,
        (s, f) => expectDualRow(s as Snap, f),
        (s, f) => JSON.stringify([key(s as Snap), f.toSlots.length > 0]),
      );
      expect(reached).toEqual(Object.keys(DUAL_ROWS).sort());
    },
  );
});
