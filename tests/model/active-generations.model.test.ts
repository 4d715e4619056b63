import { createActor, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { activeGenerationsMachine } from '../../src/machines/generation/active-generations.machine.ts';
import type { DualGenerationInput } from '../../src/machines/generation/dual-generation.machine.ts';
import { controlledCallback } from '../fixtures/machines/controlled-actors.ts';
import { dollarPerSecond, generationInput, settings } from '../fixtures/machines/generation.ts';
import { allStateIds, asTestModel, reachedStateIds } from '../fixtures/machines/model.ts';
import { dualSnapshot, generationSnapshot } from '../fixtures/machines/snapshots.ts';
import {
  ACTIVE_ROWS,
  activeOracle,
  expectActiveRow,
} from '../fixtures/machines/oracles/active-generations.oracle.ts';
import {
  checkEveryEdge,
  expectRowPerState,
  factsAlong,
  stateKeyOf,
} from '../fixtures/machines/oracles/oracle.ts';

type Snap = SnapshotFrom<typeof activeGenerationsMachine>;
type AnyEvent = { type: string; [key: string]: unknown };

const SINGLE = generationInput({ genId: 'g1' });
const PAIR: DualGenerationInput = {
  groupId: 'p1',
  primary: { genId: 'p1-a', model: dollarPerSecond('text-to-video', 'test/a'), params: { duration: 1 } },
  secondary: { genId: 'p1-b', model: dollarPerSecond('text-to-video', 'test/b'), params: { duration: 1 } },
  settings: settings(),
};
const single = (value: 'editing' | 'done' | 'failed' | { active: 'running' }) => ({
  type: 'xstate.snapshot.g1',
  snapshot: generationSnapshot(SINGLE, value),
});

const EVENTS: AnyEvent[] = [
  { type: 'ADD', input: SINGLE },
  { type: 'ADD_DUAL', input: PAIR },
  single('editing'),
  single({ active: 'running' }),
  single('done'),
  single('failed'),
  {
    type: 'xstate.snapshot.p1',
    snapshot: dualSnapshot(PAIR, 'running', { primary: 'generating', secondary: 'queued' }),
  },
  {
    type: 'xstate.snapshot.p1',
    snapshot: dualSnapshot(PAIR, 'finished', { primary: 'done', secondary: 'failed' }),
  },
  { type: 'DISMISS', id: 'g1' },
  { type: 'DISMISS', id: 'p1' },
  { type: 'DISMISS_NOTICE', noticeId: 'g1:failed' },
  { type: 'NOTICE_EXPIRED', noticeId: 'g1:done' },
  { type: 'DISMISS_NOTICE', noticeId: 'p1-b:failed' },
];

const key = (s: Snap) =>
  JSON.stringify([
    s.value,
    s.context.entries.map((e) => e.id),
    s.context.rows.map((r) => [r.genId, r.phase]),
    s.context.notices.map((n) => n.id),
  ]);
const CHILDREN = { 'xstate.snapshot.*': ['xstate.snapshot.g1', 'xstate.snapshot.p1'] };
// Only the listed events: the graph would add a bare one for every type the machine accepts, and the
// Generate form's events (FORM_*) need the form the panel attaches, which these paths leave out.
const LISTED = new Set(EVENTS.map((e) => e.type));
const model = createTestModel(asTestModel(activeGenerationsMachine, CHILDREN), {
  events: EVENTS as never,
  filterEvents: ((_: Snap, event: AnyEvent) => LISTED.has(event.type)) as never,
  serializeState: key,
});
// The oracle also tries the form's events: without an attached form they change nothing.
const oracle = activeOracle([
  ...EVENTS,
  { type: 'FORM_CHECK' },
  { type: 'FORM_BACKGROUND' },
  { type: 'FORM_DUAL', dual: true },
  { type: 'FORM_SETTINGS', settings: settings() },
  { type: 'FORM_LEARNED', samples: [], now: '2025-11-03T09:00:00.000Z' },
  { type: 'FORM_LICENCES', licences: [] },
]);

describe('Active generations machine (model)', () => {
  it(
    'every shortest path holds in the real machine (dismiss guards and notices both ways)',
    { timeout: 30_000 },
    async () => {
      const paths = model.getShortestPaths();
      expect(paths.length).toBeGreaterThan(20);
      for (const path of paths) {
        // Children are stand-ins; the test delivers their snapshots as XState would.
        const generation = controlledCallback<unknown>('generation');
        const dual = controlledCallback<unknown>('dualGeneration');
        const machine = activeGenerationsMachine.provide({
          actors: { generation: generation.logic as never, dualGeneration: dual.logic as never },
        });
        const actor = createActor(machine).start();
        let persists = 0;
        const emitted: string[] = [];
        actor.on('persist', () => {
          persists += 1;
          emitted.push('persist');
        });
        actor.on('notice', ({ notice }) => emitted.push(`notice ${notice.id}`));
        const send = ({ event }: { event: AnyEvent }) => actor.send(event as never);
        const want = factsAlong(oracle, path.steps as never);
        let at = 0;
        await path.test({
          events: Object.fromEntries(EVENTS.map((e) => [e.type, send])) as never,
          states: {
            '*': (expected: Snap) => {
              const actual = actor.getSnapshot();
              expect(key(actual)).toBe(key(expected));
              // The independent statement: the state the event must lead to, what the panel shows, and
              // what it emitted so far (persist requests and notices, in order).
              const f = want[at]!;
              at += 1;
              expect(stateKeyOf(actual.value), 'state the oracle expects').toBe(f.value);
              expectActiveRow(actual, f);
              expect(emitted, `emitted in ${f.value}`).toEqual(f.emitted);
            },
          },
        });
        expect(at).toBe(path.steps.length);
        // Every spawned child is running under its own id; a dismissed one is stopped.
        expect(Object.keys(actor.getSnapshot().children).sort()).toEqual(
          actor
            .getSnapshot()
            .context.entries.map((e) => e.id)
            .sort(),
        );
        if (path.steps.some((s) => s.event.type === 'ADD' || s.event.type === 'ADD_DUAL'))
          expect(persists).toBeGreaterThan(0);
        actor.stop();
      }
    },
  );

  it('reaches every state node', () => {
    const reached = reachedStateIds(model.getShortestPaths());
    expect(reached).toEqual(allStateIds(asTestModel(activeGenerationsMachine, CHILDREN)));
  });

  it('the oracle has a row for every state of the machine', () => {
    expectRowPerState(ACTIVE_ROWS, activeGenerationsMachine);
  });

  it(
    'every edge leads where the oracle says, and what the panel shows holds there',
    { timeout: 60_000 },
    () => {
      const reached = checkEveryEdge(
        asTestModel(activeGenerationsMachine, CHILDREN),
        undefined,
        oracle,
        (s, f) => expectActiveRow(s as Snap, f),
      );
      expect(reached).toEqual(Object.keys(ACTIVE_ROWS).sort());
    },
  );
});
