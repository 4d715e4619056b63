import { type AnyActorLogic, createActor, createMachine, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { generationFetchMachine } from '../../../../src/machines/generation/generation-fetch.machine.ts';
import { generationMachine } from '../../../../src/machines/generation/generation.machine.ts';
import { generationRunMachine } from '../../../../src/machines/generation/generation-run.machine.ts';
import { settlementMachine } from '../../../../src/machines/generation/settlement.machine.ts';
import { generationInput } from '../../../fixtures/machines/generation.ts';

/** Every I/O actor declared in `setup` is a placeholder that fails loudly until supplied with .provide(). */

async function errorOf(logic: AnyActorLogic): Promise<unknown> {
  let caught: unknown = null;
  const parent = createMachine({
    initial: 'running',
    states: {
      running: {
        invoke: {
          src: logic,
          input: {},
          onError: { target: 'failed', actions: ({ event }) => (caught = event.error) },
        },
      },
      failed: {},
    },
  });
  const actor = createActor(parent).start();
  await waitFor(actor, (s) => s.matches('failed'), { timeout: 1_000 });
  actor.stop();
  return caught;
}

const placeholders = [generationRunMachine, generationFetchMachine, settlementMachine].flatMap((machine) =>
  Object.entries(machine.implementations.actors).map(
    ([name, logic]) => [`${machine.id}.${name}`, name, logic] as const,
  ),
);

describe('placeholder actors', () => {
  it('cover every I/O actor of the run, fetch and settlement machines', () => {
    expect(placeholders.map(([id]) => id)).toEqual([
      'generationRun.recordIntent',
      'generationRun.submitRequest',
      'generationRun.watchStatus',
      'generationRun.cancelRequest',
      'generationRun.recordLedger',
      'generationFetch.fetchResult',
      'generationFetch.importMedia',
      'generationFetch.recordLedger',
      'settlement.rereadResult',
      'settlement.tickClock',
      'settlement.recordLedger',
    ]);
  });

  it.each(placeholders)('%s fails loudly when not provided', async (_, name, logic) => {
    const error = await errorOf(logic as AnyActorLogic);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `Actor "${name}" not provided: supply with .provide() (see src/machines/actors).`,
    );
  });

  it('an unwired generation fails with the reason kept for developers, not shown as a fal error', async () => {
    const actor = createActor(generationMachine, { input: generationInput() }).start();
    actor.send({ type: 'GENERATE' });
    await waitFor(actor, (s) => s.matches('failed'), { timeout: 1_000 });
    const { failure } = actor.getSnapshot().context;
    expect(failure).toMatchObject({ kind: 'UNKNOWN', retryable: false });
    // The first step of a run is its write-ahead record, so that is the first missing wire met.
    expect(failure?.detail).toContain('"recordIntent" not provided');
    expect(failure?.message).not.toContain('provide');
    actor.stop();
  });
});
