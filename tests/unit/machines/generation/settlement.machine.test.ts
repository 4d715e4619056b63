import { createActor } from 'xstate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../../../src/domain/index.ts';
import { defineRecordLedgerActor } from '../../../../src/machines/generation/record-ledger.actor.ts';
import type { RequestRef } from '../../../../src/machines/generation/generation-run.contract.ts';
import {
  type RereadResultOutput,
  settlementMachine,
} from '../../../../src/machines/generation/settlement.machine.ts';
import {
  DEFAULT_SETTLEMENT_POLICY,
  rebuildQueue,
  trackEvent,
} from '../../../../src/machines/generation/settlement-queue.ts';
import {
  controlledCallback,
  controlledPromise,
  flush,
} from '../../../fixtures/machines/controlled-actors.ts';
import { memoryLedger } from '../../../fixtures/machines/ports.ts';
import {
  cancelled,
  completed,
  failed,
  reset,
  resetBuilders,
  settled,
  submitted,
  unsettled,
} from '../../../fixtures/ledger-builders.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function start(events: LedgerEvent[], now: string) {
  const ledger = memoryLedger();
  const reread = controlledPromise<RereadResultOutput, RequestRef>('rereadResult');
  const clock = controlledCallback<Record<string, never>>('tickClock');
  const machine = settlementMachine.provide({
    actors: {
      rereadResult: reread.logic,
      tickClock: clock.logic,
      recordLedger: defineRecordLedgerActor({ ledger }),
    },
  });
  const actor = createActor(machine, { input: { events, now } }).start();
  return { actor, ledger, reread, clock };
}

beforeEach(() => resetBuilders());

describe('settlement queue from the ledger (survives restarts)', () => {
  it('keeps completed, cancelled and charged failures without a settled event; drops the rest', () => {
    const a = submitted();
    const b = submitted();
    const c = submitted();
    const d = submitted();
    const e = submitted();
    const f = submitted();
    const events: LedgerEvent[] = [
      a,
      completed(a.genId),
      b,
      cancelled(b.genId),
      c,
      failed(c.genId, { charged: 'maybe' }),
    ];
    events.push(
      d,
      failed(d.genId, { charged: 'no' }),
      e,
      completed(e.genId),
      settled(e.genId, 25_000),
      f,
      completed(f.genId),
      unsettled(f.genId),
    );
    const queue = rebuildQueue(events, DEFAULT_SETTLEMENT_POLICY);
    expect(Object.keys(queue.entries).sort()).toEqual([a.genId, b.genId, c.genId].sort());
    expect(queue.entries[a.genId]).toMatchObject({ closed: true, attempts: 0, requestId: a.requestId });
  });

  it('the order of facts does not matter (a settled event before the completed one)', () => {
    const a = submitted();
    const s = settled(a.genId, 25_000);
    const c = completed(a.genId);
    const queue = rebuildQueue([c, s, a], DEFAULT_SETTLEMENT_POLICY);
    expect(queue.entries).toEqual({});
  });

  it('a reset drops every waiting run, and late facts of the old epoch do not bring one back', () => {
    const a = submitted();
    const queue = rebuildQueue([a, completed(a.genId), reset(1)], DEFAULT_SETTLEMENT_POLICY);
    expect(queue.entries).toEqual({});
    const late = trackEvent(queue, submitted({ epoch: 0 }), DEFAULT_SETTLEMENT_POLICY);
    expect(late.entries).toEqual({});
    const fresh = submitted({ epoch: 1 });
    expect(Object.keys(trackEvent(queue, fresh, DEFAULT_SETTLEMENT_POLICY).entries)).toEqual([fresh.genId]);
  });

  it('a run with no outcome is watched once its 30-minute polling window has passed', () => {
    const a = submitted();
    const queue = rebuildQueue([a], DEFAULT_SETTLEMENT_POLICY);
    expect(queue.entries[a.genId]).toMatchObject({ closed: false, dueAt: plus(a.at, 31 * MIN) });
  });
});

describe('settlement machine', () => {
  it('re-reads a due result at once after a restart and records the metered actual', async () => {
    const a = submitted();
    const done = completed(a.genId);
    const h = start([a, done], plus(done.at, 2 * HOUR));
    expect(h.actor.getSnapshot().hasTag('busy')).toBe(true);
    expect(h.reread.last().input).toEqual({ endpointId: a.endpointId, requestId: a.requestId });
    h.reread.last().resolve({ billableUnits: 2, billAs: null, at: plus(done.at, 2 * HOUR) });
    await flush();
    expect(h.ledger.events).toEqual([
      expect.objectContaining({
        type: 'generation.settled',
        genId: a.genId,
        billableUnits: 2,
        actualUsdMicros: 50_000,
        basis: 'metered',
      }),
    ]);
    expect(h.actor.getSnapshot().context.queue.entries).toEqual({});
    h.actor.stop();
  });

  it('retries with backoff 1 min, 5 min, 30 min, 2 h, 12 h, then daily, and gives up after 6 days', async () => {
    const a = submitted();
    const done = completed(a.genId);
    const h = start([a, done], done.at);
    const dueTimes: string[] = [];
    let now = done.at;
    for (let i = 0; i < 12 && !h.ledger.events.length; i += 1) {
      const entry = h.actor.getSnapshot().context.queue.entries[a.genId];
      if (!entry) break;
      dueTimes.push(entry.dueAt);
      // Just before it is due, nothing happens; at the due time, a re-read starts.
      h.actor.send({ type: 'TICK', at: plus(entry.dueAt, -1) });
      expect(h.reread.calls).toHaveLength(i);
      now = entry.dueAt;
      h.actor.send({ type: 'TICK', at: now });
      h.reread.last().resolve({ billableUnits: null, billAs: null, at: now });
      await flush();
    }
    const gaps = dueTimes.map(
      (t, i) => (Date.parse(t) - Date.parse(i === 0 ? done.at : (dueTimes[i - 1] as string))) / MIN,
    );
    expect(gaps).toEqual([1, 5, 30, 120, 720, 1440, 1440, 1440, 1440, 1440]);
    expect(h.ledger.events).toEqual([
      expect.objectContaining({ type: 'generation.unsettled', genId: a.genId, at: now }),
    ]);
    expect(Date.parse(now) - Date.parse(done.at)).toBeLessThanOrEqual(6 * 24 * HOUR);
    expect(h.actor.getSnapshot().context.queue.entries).toEqual({});
    h.actor.stop();
  });

  it('a fact appended while waiting removes the entry (the run settled itself)', () => {
    const a = submitted();
    const h = start([], a.at);
    h.actor.send({ type: 'LEDGER_APPENDED', events: [a, completed(a.genId)] });
    expect(Object.keys(h.actor.getSnapshot().context.queue.entries)).toEqual([a.genId]);
    h.actor.send({ type: 'LEDGER_APPENDED', events: [settled(a.genId, 25_000)] });
    h.actor.send({ type: 'TICK', at: plus(a.at, HOUR) });
    expect(h.reread.calls).toHaveLength(0);
    expect(h.actor.getSnapshot().context.queue.finished[a.genId]).toBe(true);
    h.actor.stop();
  });

  it('a run that outlived its polling window is closed as completed when its result is read', async () => {
    const a = submitted();
    const h = start([a], plus(a.at, 40 * MIN));
    h.reread.last().resolve({ billableUnits: 1, billAs: null, at: plus(a.at, 40 * MIN) });
    await flush();
    expect(h.ledger.events.map((e) => e.type)).toEqual(['generation.completed', 'generation.settled']);
    expect(h.ledger.events[0]).toMatchObject({ durationMs: 40 * MIN });
    h.actor.stop();
  });

  it('an unreadable result is retried later with its reason kept', async () => {
    const a = submitted();
    const c = cancelled(a.genId);
    const h = start([a, c], plus(c.at, 2 * MIN));
    h.reread.last().reject({
      kind: 'NETWORK',
      charged: 'maybe',
      retryable: true,
      message: 'fal did not answer.',
      at: plus(c.at, 2 * MIN),
    });
    await flush();
    expect(h.actor.getSnapshot().context.queue.entries[a.genId]).toMatchObject({
      attempts: 1,
      lastError: 'fal did not answer.',
      dueAt: plus(c.at, 7 * MIN),
    });
    expect(h.ledger.events).toEqual([]);
    h.actor.stop();
  });

  it('prices units billed as another endpoint at that endpoint’s rate (x-fal-bill-as)', async () => {
    const a = submitted({ endpointId: 'fal-ai/flux-1/dev', params: { image_size: 'landscape_4_3' } });
    const done = completed(a.genId);
    const h = start([a, done], plus(done.at, HOUR));
    h.reread.last().resolve({ billableUnits: 1, billAs: 'fal-ai/flux/schnell', at: plus(done.at, HOUR) });
    await flush();
    expect(h.ledger.events[0]).toMatchObject({
      billAs: 'fal-ai/flux/schnell',
      unitPriceUsdMicros: 3_000,
      actualUsdMicros: 3_000,
    });
    h.actor.stop();
  });

  it('a cancelled run whose result fal refuses as cancelled settles at $0, not billed, with no more re-reads', async () => {
    const a = submitted();
    const c = cancelled(a.genId);
    const h = start([a, c], plus(c.at, 2 * MIN));
    h.reread.last().resolve({ billableUnits: null, billAs: null, at: plus(c.at, 2 * MIN), notBilled: true });
    await flush();
    expect(h.ledger.events).toEqual([
      expect.objectContaining({
        type: 'generation.settled',
        genId: a.genId,
        billableUnits: 0,
        unitPriceUsdMicros: null,
        actualUsdMicros: 0,
        basis: 'calculated',
      }),
    ]);
    expect(h.actor.getSnapshot().context.queue.entries).toEqual({});
    h.actor.send({ type: 'TICK', at: plus(c.at, 7 * 24 * HOUR) });
    expect(h.reread.calls).toHaveLength(1);
    h.actor.stop();
  });

  it('a not-billed answer for a run this panel never saw end also records it cancelled', async () => {
    const a = submitted();
    const h = start([a], plus(a.at, 40 * MIN));
    h.reread.last().resolve({ billableUnits: null, billAs: null, at: plus(a.at, 40 * MIN), notBilled: true });
    await flush();
    expect(h.ledger.events.map((e) => e.type)).toEqual(['generation.cancelled', 'generation.settled']);
    h.actor.stop();
  });

  it.each([
    // Formulas with no single unit rate are priced from the units by the formula itself; the ledger keeps
    // an object input as JSON text.
    ['fal-ai/flux-2-pro', { image_size: '{"width":1920,"height":1080}' }, 2, null, 45_000],
    ['fal-ai/kling-video/v2.5-turbo/pro/text-to-video', { duration: '10' }, 10, 70_000, 700_000],
    ['fal-ai/pika/v2.2/text-to-video', { resolution: '1080p' }, 1, 450_000, 450_000],
    ['fal-ai/veo3/fast', { duration: '4s', generate_audio: true }, 4.008, 150_000, 601_200],
  ])(
    'a re-read of %s %j with %d units records the actual',
    async (endpointId, params, units, unit, actual) => {
      const a = submitted({ endpointId, params });
      const done = completed(a.genId);
      const h = start([a, done], plus(done.at, HOUR));
      h.reread.last().resolve({ billableUnits: units, billAs: null, at: plus(done.at, HOUR) });
      await flush();
      expect(h.ledger.events[0]).toMatchObject({
        type: 'generation.settled',
        billableUnits: units,
        unitPriceUsdMicros: unit,
        actualUsdMicros: actual,
        basis: 'metered',
      });
      h.actor.stop();
    },
  );

  it('ticks come from its clock actor', () => {
    const a = submitted();
    const done = completed(a.genId);
    const h = start([a, done], done.at);
    h.clock.sendBack({ type: 'TICK', at: plus(done.at, 5 * MIN) });
    expect(h.reread.calls).toHaveLength(1);
    h.actor.stop();
  });
});
