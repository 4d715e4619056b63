import { type Actor, createActor, fromCallback, waitFor } from 'xstate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogModel, findModel } from '../../../src/domain/pricing/index.ts';
import { createFalGateway } from '../../../src/fal/index.ts';
import { defineGenerationLogic } from '../../../src/machines/generation/generation-logic.ts';
import { defineSettlementLogic } from '../../../src/machines/generation/settlement-logic.ts';
import { selectPhase } from '../../../src/machines/generation/generation.selectors.ts';
import type { LedgerEventDraft } from '../../../src/machines/ports.ts';
import { stampEpoch } from '../../../src/machines/persistence/synced-ledger.ts';
import type { settlementMachine } from '../../../src/machines/generation/settlement.machine.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';
import { generationInput } from '../../fixtures/machines/generation.ts';
import { memoryLedger } from '../../fixtures/machines/ports.ts';

/**
 * A cancelled run as the panel lives it: the generation machines and settlement run side by side over the
 * real gateway → real fal proxy → Sandbox fal on 127.0.0.1, settlement hears every recorded fact at once
 * (as SettlementRunner forwards them) and re-reads on its own schedule, which the test's TICKs drive.
 */

const clock = { now: () => new Date().toISOString() };
const host = { importMedia: async ({ fileName }: { fileName: string }) => ({ path: fileName }) };
const KLING_25 = findModel('fal-ai/kling-video/v2.5-turbo/pro/text-to-video') as CatalogModel;
const HOUR = 3_600_000;
let stack: FalStack;
const stops: Array<() => void> = [];

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});
afterAll(() => stack.close());

function panel() {
  const fal = createFalGateway({ proxyUrl: stack.proxyUrl, retry: { baseDelayMs: 5 } });
  const ledger = memoryLedger();
  const generation = defineGenerationLogic({ fal, ledger, host, clock, pollIntervalMs: 20 });
  const settlementLogic = defineSettlementLogic({ fal, ledger, clock }).provide({
    actors: { tickClock: fromCallback(() => () => {}) },
  });
  const settlement = createActor(settlementLogic, { input: { events: [], now: clock.now() } }).start();
  let forwarded = 0;
  // What SettlementRunner does with the persistence actor's events.
  const forward = () => {
    const fresh = ledger.events.slice(forwarded);
    forwarded = ledger.events.length;
    if (fresh.length > 0) settlement.send({ type: 'LEDGER_APPENDED', events: stampEpoch(fresh, 0) });
  };
  stops.push(() => settlement.stop());
  return { ledger, generation, settlement: settlement as Actor<typeof settlementMachine>, forward };
}

/** Ticks settlement's clock an hour further every 50 ms until `done` holds (the backoff grows past 6 days). */
async function tickUntil<T>(p: ReturnType<typeof panel>, done: () => T | undefined): Promise<T> {
  let at = Date.now();
  return pollUntil(
    async () => {
      p.forward();
      const value = done();
      if (value !== undefined) return value;
      at += HOUR;
      p.settlement.send({ type: 'TICK', at: new Date(at).toISOString() });
      return undefined;
    },
    15_000,
    50,
  );
}

const of = (events: LedgerEventDraft[], type: LedgerEventDraft['type']) =>
  events.filter((e) => e.type === type);

describe('a cancelled run settles', { timeout: 20_000 }, () => {
  it('[cancel-billed] while generating: ends cancelled, and settles to an Actual from the billed units', async () => {
    const p = panel();
    const input = generationInput({
      genId: 'gen-billed',
      model: KLING_25,
      prompt: 'keeps going [cancel-billed]',
    });
    const run = createActor(p.generation, { input }).start() as Actor<typeof p.generation>;
    stops.push(() => run.stop());
    run.send({ type: 'GENERATE' });
    await waitFor(run, (s) => selectPhase(s) === 'generating', { timeout: 10_000 });
    run.send({ type: 'CANCEL' });
    await waitFor(run, (s) => s.hasTag('finished'), { timeout: 10_000 });
    expect(run.getSnapshot().value).toBe('cancelled');

    // Re-reads start at once, while fal still runs the cancelled-but-billed request; they are retried.
    const settled = await tickUntil(p, () => of(p.ledger.events, 'generation.settled')[0]);
    // fal billed the whole 5 s clip: Kling 2.5 Turbo Pro's $0.35 base covers it.
    expect(settled).toMatchObject({ basis: 'metered', billableUnits: 5, actualUsdMicros: 350_000 });
    expect(of(p.ledger.events, 'generation.cancelled')).toHaveLength(1);
    expect(of(p.ledger.events, 'generation.completed')).toHaveLength(0);
    expect(of(p.ledger.events, 'generation.unsettled')).toHaveLength(0);
    expect(p.settlement.getSnapshot().context.queue.entries).toEqual({});
  });

  it('a cancel while still queued is removed by fal: settled at $0, not re-read for 6 days', async () => {
    const p = panel();
    const prompt = 'stopped in the queue [cancel-billed] [slow]';
    const run = createActor(p.generation, {
      input: generationInput({ genId: 'gen-queued', model: KLING_25, prompt }),
    });
    (run as Actor<typeof p.generation>).start();
    stops.push(() => run.stop());
    run.send({ type: 'GENERATE' });
    await waitFor(run, (s) => selectPhase(s) === 'queued', { timeout: 10_000 });
    run.send({ type: 'CANCEL' });
    await waitFor(run, (s) => s.hasTag('finished'), { timeout: 10_000 });
    expect(run.getSnapshot().value).toBe('cancelled');

    const settled = await tickUntil(p, () => of(p.ledger.events, 'generation.settled')[0]);
    expect(settled).toMatchObject({ basis: 'calculated', billableUnits: 0, actualUsdMicros: 0 });
    expect(of(p.ledger.events, 'generation.unsettled')).toHaveLength(0);
    expect(p.settlement.getSnapshot().context.queue.entries).toEqual({});
  });
});
