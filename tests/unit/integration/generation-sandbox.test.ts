import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, createActor, fromCallback, waitFor } from 'xstate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFalGateway, type FalGateway } from '../../../src/fal/index.ts';
import {
  persistActiveGenerations,
  restoreActiveGenerations,
} from '../../../src/machines/generation/active-generations.snapshot.ts';
import { defineActiveGenerationsLogic } from '../../../src/machines/generation/active-generations-logic.ts';
import { defineGenerationLogic } from '../../../src/machines/generation/generation-logic.ts';
import { defineSettlementLogic } from '../../../src/machines/generation/settlement-logic.ts';
import type { GenerationActorRef } from '../../../src/machines/generation/generation.machine.ts';
import { selectPhase } from '../../../src/machines/generation/generation.selectors.ts';
import type { FalPort, HostImportPort } from '../../../src/machines/ports.ts';
import { stampEpoch } from '../../../src/machines/persistence/synced-ledger.ts';
import type { settlementMachine } from '../../../src/machines/generation/settlement.machine.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';
import { FLUX_DEV, generationInput, VEO_FAST } from '../../fixtures/machines/generation.ts';
import { type MemoryLedger, memoryLedger, memoryStore } from '../../fixtures/machines/ports.ts';

/**
 * The real generation machines and actors over the real gateway → real fal proxy → Sandbox fal on
 * 127.0.0.1. Only Premiere is faked: the host saves each file to a temp dir, as the browser build does.
 */

const clock = { now: () => new Date().toISOString() };
const MINUTE = 60_000;
let stack: FalStack;
let dir: string;
const running: Array<Actor<never>> = [];

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
  dir = await mkdtemp(join(tmpdir(), 'mb-generation-'));
});
afterEach(() => {
  for (const actor of running.splice(0)) actor.stop();
});
afterAll(async () => {
  await stack.close();
  await rm(dir, { recursive: true, force: true });
});

function savingHost(): HostImportPort & { saved: string[] } {
  const saved: string[] = [];
  return {
    saved,
    importMedia: async ({ url, fileName }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`download failed with status ${response.status}`);
      const path = join(dir, `${saved.length}-${fileName}`);
      await writeFile(path, Buffer.from(await response.arrayBuffer()));
      saved.push(path);
      return { path };
    },
  };
}

function gateway(): FalGateway {
  return createFalGateway({ proxyUrl: stack.proxyUrl, retry: { baseDelayMs: 5 } });
}

function wire(fal: FalPort = gateway(), ledger = memoryLedger()) {
  const host = savingHost();
  const logic = defineGenerationLogic({ fal, ledger, host, clock, pollIntervalMs: 20 });
  return { fal, ledger, host, logic };
}

function track<T extends Actor<never>>(actor: T): T {
  running.push(actor);
  return actor;
}

/** Settlement with the real re-read actor; the test drives its clock with TICK events. */
function settlementFor(fal: Pick<FalPort, 'result'>, ledger: MemoryLedger) {
  const logic = defineSettlementLogic({ fal, ledger, clock }).provide({
    actors: { tickClock: fromCallback(() => () => {}) },
  });
  const events = stampEpoch(ledger.events, 0);
  return track(createActor(logic, { input: { events, now: clock.now() } }).start() as never) as Actor<
    typeof settlementMachine
  >;
}

const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const settledOf = (ledger: MemoryLedger, genId: string) =>
  ledger.events.find((e) => e.type === 'generation.settled' && e.genId === genId);

describe('generation against the Sandbox fal', { timeout: 20_000 }, () => {
  it('queued → generating → downloading → importing → done, with the actual cost settled', async () => {
    const { logic, ledger, host } = wire();
    const input = generationInput({
      genId: 'gen-happy',
      model: VEO_FAST,
      params: { duration: '4s', resolution: '1080p' },
      prompt: 'a lighthouse',
    });
    const actor = track(createActor(logic, { input }).start() as never) as Actor<typeof logic>;
    const phases = new Set<string>();
    actor.subscribe((s) => phases.add(selectPhase(s)));
    actor.send({ type: 'GENERATE' });
    await waitFor(actor, (s) => s.hasTag('finished'), { timeout: 15_000 });

    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('done');
    expect([...phases]).toEqual(
      expect.arrayContaining(['sending', 'queued', 'generating', 'downloading', 'importing', 'done']),
    );
    expect(Object.keys(snapshot.context.progress.startedAt).sort()).toEqual([
      'downloading',
      'generating',
      'importing',
      'queued',
      'sent',
    ]);
    const settled = settledOf(ledger, 'gen-happy');
    // 4 s with audio is metered as 4.008 s by fal; Veo 3.1 Fast with audio costs $0.15 per second.
    expect(settled).toMatchObject({
      basis: 'metered',
      billableUnits: 4.008,
      unitPriceUsdMicros: 150_000,
      actualUsdMicros: 601_200,
    });
    expect(ledger.events.map((e) => e.type)).toEqual([
      'generation.requested',
      'generation.submitted',
      'generation.settled',
      'generation.completed',
    ]);
    expect(host.saved).toHaveLength(1);
    expect((await readFile(host.saved[0] as string)).subarray(4, 8).toString()).toBe('ftyp');
  });

  it('cancel during generating: cancelled, yet billed ([cancel-billed]), and settlement settles it', async () => {
    const { logic, ledger, fal } = wire();
    const input = generationInput({
      genId: 'gen-cancel',
      model: VEO_FAST,
      params: { duration: '6s', resolution: '1080p' },
      prompt: 'keeps going [cancel-billed]',
    });
    const actor = track(createActor(logic, { input }).start() as never) as Actor<typeof logic>;
    actor.send({ type: 'GENERATE' });
    await waitFor(actor, (s) => selectPhase(s) === 'generating', { timeout: 10_000 });
    actor.send({ type: 'CANCEL' });
    await waitFor(actor, (s) => s.matches('cancelled'), { timeout: 10_000 });
    expect(ledger.events.map((e) => e.type)).toEqual([
      'generation.requested',
      'generation.submitted',
      'generation.cancelled',
    ]);

    const { requestId } = actor.getSnapshot().context;
    await pollUntil(
      async () =>
        (await fal.status(VEO_FAST.endpoint_id, requestId ?? '')).status === 'COMPLETED' ? true : undefined,
      10_000,
    );
    const settlement = settlementFor(fal, ledger);
    expect(Object.keys(settlement.getSnapshot().context.queue.entries)).toEqual(['gen-cancel']);
    settlement.send({ type: 'TICK', at: later(2 * MINUTE) });
    await pollUntil(async () => settledOf(ledger, 'gen-cancel'), 10_000);
    expect(settledOf(ledger, 'gen-cancel')).toMatchObject({ billableUnits: 6.008, actualUsdMicros: 901_200 });
    expect(settlement.getSnapshot().context.queue.entries).toEqual({});
  });

  it('a result without units ([units-late]) enters settlement and settles on a later re-read', async () => {
    const { logic, ledger, fal } = wire();
    const input = generationInput({ genId: 'gen-units', model: FLUX_DEV, prompt: 'late meter [units-late]' });
    const actor = track(createActor(logic, { input }).start() as never) as Actor<typeof logic>;
    actor.send({ type: 'GENERATE' });
    await waitFor(actor, (s) => s.matches('done'), { timeout: 10_000 });
    expect(settledOf(ledger, 'gen-units')).toBeUndefined();

    // The Sandbox meters [units-late] from the third result read: the run's own read and the first
    // settlement re-read see no units, the second re-read settles.
    const settlement = settlementFor(fal, ledger);
    settlement.send({ type: 'TICK', at: later(2 * MINUTE) });
    await pollUntil(async () => {
      const entry = settlement.getSnapshot().context.queue.entries['gen-units'];
      return entry?.attempts === 1 && !settlement.getSnapshot().hasTag('busy') ? true : undefined;
    }, 10_000);
    expect(settledOf(ledger, 'gen-units')).toBeUndefined();
    settlement.send({ type: 'TICK', at: later(10 * MINUTE) });
    await pollUntil(async () => settledOf(ledger, 'gen-units'), 10_000);
    expect(settledOf(ledger, 'gen-units')).toMatchObject({
      billableUnits: 1,
      unitPriceUsdMicros: 25_000,
      actualUsdMicros: 25_000,
    });
  });

  it('restores Active generations from a persisted snapshot mid-run, resumes polling by request id and finishes', async () => {
    const ledger = memoryLedger();
    const first = wire(gateway(), ledger);
    const store = memoryStore();
    const panel = createActor(defineActiveGenerationsLogic({ generation: first.logic }));
    const persistence = persistActiveGenerations(panel, store);
    panel.start();
    const input = generationInput({
      genId: 'gen-restore',
      model: VEO_FAST,
      params: { duration: '4s' },
      prompt: 'reload me',
    });
    panel.send({ type: 'ADD', input });
    (panel.getSnapshot().children['gen-restore'] as GenerationActorRef).send({ type: 'GENERATE' });
    await waitFor(panel, (s) => s.context.rows[0]?.phase === 'generating', { timeout: 10_000 });
    await persistence.idle();
    panel.stop(); // the panel closes mid-run
    persistence.stop();
    const submits = stack.sandboxHits.filter(
      (hit) => hit.method === 'POST' && hit.path.includes('veo3.1/fast'),
    ).length;

    // A new panel: new gateway, same ledger and cache.
    const second = wire(gateway(), ledger);
    const { actor, restored } = restoreActiveGenerations(
      defineActiveGenerationsLogic({ generation: second.logic }),
      await store.read(),
    );
    expect(restored).toBe(true);
    track(actor.start() as never);
    await waitFor(actor, (s) => s.context.rows[0]?.phase === 'done', { timeout: 15_000 });
    const after = stack.sandboxHits.filter(
      (hit) => hit.method === 'POST' && hit.path.includes('veo3.1/fast'),
    ).length;
    expect(after).toBe(submits); // no second submit: polling resumed by request id
    expect(ledger.events.map((e) => `${e.type}:${'genId' in e ? e.genId : ''}`)).toEqual([
      'generation.requested:gen-restore',
      'generation.submitted:gen-restore',
      'generation.settled:gen-restore',
      'generation.completed:gen-restore',
    ]);
    expect(second.host.saved).toHaveLength(1);
    expect(actor.getSnapshot().context.notices).toMatchObject([{ genId: 'gen-restore', kind: 'success' }]);
  });
});
