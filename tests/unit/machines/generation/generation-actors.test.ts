import {
  type AnyActorLogic,
  type AnyEventObject,
  createActor,
  createMachine,
  sendTo,
  toPromise,
} from 'xstate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineCancelRequestActor } from '../../../../src/machines/generation/cancel-request.actor.ts';
import { defineFetchResultActor } from '../../../../src/machines/generation/fetch-result.actor.ts';
import { defineImportMediaActor } from '../../../../src/machines/generation/import-media.actor.ts';
import { mediaOfResult } from '../../../../src/machines/generation/media-of-result.ts';
import { defineRecordLedgerActor } from '../../../../src/machines/generation/record-ledger.actor.ts';
import { defineRereadResultActor } from '../../../../src/machines/generation/reread-result.actor.ts';
import { defineSubmitRequestActor } from '../../../../src/machines/generation/submit-request.actor.ts';
import { defineTickClockActor } from '../../../../src/machines/generation/tick-clock.actor.ts';
import { defineWatchStatusActor } from '../../../../src/machines/generation/watch-status.actor.ts';
import type { FalStatusReply } from '../../../../src/machines/ports.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import { fakeClock, fakeHost, memoryLedger } from '../../../fixtures/machines/ports.ts';

/**
 * The real actor factories over scripted fal answers (fal is the one thing tests may fake) and the
 * fake clock, ledger and host of tests/fixtures/machines/ports.ts.
 */

const REQ = { endpointId: 'fal-ai/flux-1/dev', requestId: 'req-1' };
const falError = (kind: string, retryable: boolean) =>
  Object.assign(new Error(`${kind} from fal`), { kind, charged: 'no', retryable });

/** Runs a callback actor under a parent that records what it sends back. */
function underParent(logic: AnyActorLogic, input: unknown) {
  const received: AnyEventObject[] = [];
  const parent = createMachine({
    invoke: { id: 'child', src: logic, input },
    on: { '*': { actions: ({ event }) => received.push(event) } },
  });
  const actor = createActor(parent).start();
  return { actor, received };
}

describe('submitRequest', () => {
  it('resolves with the request id, queue position, send time and answer time', async () => {
    const clock = fakeClock('2025-11-03T09:00:00.000Z', 1_000);
    const fal = { submit: vi.fn(async () => ({ requestId: 'req-9', queuePosition: 4 })) };
    const actor = createActor(defineSubmitRequestActor({ fal, clock }), {
      input: { endpointId: 'a/b', falInput: { prompt: 'x' }, intentId: 'gen-9' },
    }).start();
    await expect(toPromise(actor)).resolves.toEqual({
      requestId: 'req-9',
      queuePosition: 4,
      sentAt: '2025-11-03T09:00:00.000Z',
      at: '2025-11-03T09:00:01.000Z',
    });
    expect(fal.submit).toHaveBeenCalledWith('a/b', { prompt: 'x' }, 'gen-9');
  });

  it("rejects with fal's classification kept (kind, charged, message) and the time", async () => {
    const fal = { submit: async () => Promise.reject(falError('BALANCE_EMPTY', false)) };
    const actor = createActor(defineSubmitRequestActor({ fal, clock: fakeClock() }), {
      input: { endpointId: 'a/b', falInput: {}, intentId: 'gen-1' },
    });
    actor.start();
    await expect(toPromise(actor)).rejects.toEqual({
      kind: 'BALANCE_EMPTY',
      charged: 'no',
      message: 'BALANCE_EMPTY from fal',
      retryable: false,
      at: '2025-11-03T09:00:00.000Z',
      detail: null,
    });
  });
});

describe('watchStatus', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls until COMPLETED, sending every status with the clock time', async () => {
    const replies: FalStatusReply[] = [
      { status: 'IN_QUEUE', queuePosition: 2, logs: [], error: null },
      { status: 'IN_PROGRESS', queuePosition: null, logs: ['50%'], error: null },
      { status: 'COMPLETED', queuePosition: null, logs: ['done'], error: null },
    ];
    const fal = { status: vi.fn(async () => replies.shift() as FalStatusReply) };
    const { actor, received } = underParent(
      defineWatchStatusActor({ fal, clock: fakeClock(), intervalMs: 100 }),
      REQ,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(received.map((e) => e.status)).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']);
    expect(received[0]).toMatchObject({ type: 'STATUS', queuePosition: 2, at: '2025-11-03T09:00:00.000Z' });
    expect(fal.status).toHaveBeenCalledTimes(3);
    expect(fal.status).toHaveBeenCalledWith('fal-ai/flux-1/dev', 'req-1');
    actor.stop();
  });

  it('tolerates temporary failures, then gives up with charged "maybe"', async () => {
    const fal = { status: vi.fn(async () => Promise.reject(falError('SERVER', true))) };
    const { actor, received } = underParent(
      defineWatchStatusActor({ fal, clock: fakeClock(), intervalMs: 100, maxFailures: 3 }),
      REQ,
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fal.status).toHaveBeenCalledTimes(3);
    expect(received).toEqual([
      expect.objectContaining({
        type: 'POLL_FAILED',
        failure: expect.objectContaining({ kind: 'SERVER', charged: 'maybe' }),
      }),
    ]);
    actor.stop();
  });

  it('a poll that hangs times out and is retried', async () => {
    let calls = 0;
    const fal = {
      status: async (): Promise<FalStatusReply> => {
        calls += 1;
        if (calls === 1) return new Promise(() => {});
        return { status: 'COMPLETED', queuePosition: null, logs: [], error: null };
      },
    };
    const { actor, received } = underParent(
      defineWatchStatusActor({ fal, clock: fakeClock(), intervalMs: 100, requestTimeoutMs: 500 }),
      REQ,
    );
    await vi.advanceTimersByTimeAsync(700);
    expect(received.map((e) => e.type)).toEqual(['STATUS']);
    actor.stop();
  });

  it('stops polling on cleanup', async () => {
    const fal = {
      status: vi.fn(async (): Promise<FalStatusReply> => ({
        status: 'IN_QUEUE',
        queuePosition: 1,
        logs: [],
        error: null,
      })),
    };
    const { actor } = underParent(defineWatchStatusActor({ fal, clock: fakeClock(), intervalMs: 100 }), REQ);
    await vi.advanceTimersByTimeAsync(250);
    actor.stop();
    const seen = fal.status.mock.calls.length;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fal.status).toHaveBeenCalledTimes(seen);
  });
});

describe('fetchResult and rereadResult', () => {
  it('reads media, billable units and bill-as', async () => {
    const fal = {
      result: async () => ({
        data: {
          video: { url: 'https://fal.media/a/clip.mp4', content_type: 'video/mp4', file_name: 'clip.mp4' },
        },
        billableUnits: 5.008,
        billAs: 'fal-ai/veo3.1',
      }),
    };
    const actor = createActor(defineFetchResultActor({ fal, clock: fakeClock() }), { input: REQ }).start();
    await expect(toPromise(actor)).resolves.toEqual({
      media: [{ url: 'https://fal.media/a/clip.mp4', fileName: 'clip.mp4', contentType: 'video/mp4' }],
      billableUnits: 5.008,
      billAs: 'fal-ai/veo3.1',
      at: '2025-11-03T09:00:00.000Z',
    });
    const reread = createActor(defineRereadResultActor({ fal, clock: fakeClock() }), { input: REQ }).start();
    await expect(toPromise(reread)).resolves.toEqual({
      billableUnits: 5.008,
      billAs: 'fal-ai/veo3.1',
      at: '2025-11-03T09:00:00.000Z',
    });
  });

  it.each([
    [
      'images list',
      {
        images: [{ url: 'https://x/y/one.png' }, { url: 'https://x/y/two.png', content_type: 'image/png' }],
        seed: 4,
      },
      ['one.png', 'two.png'],
    ],
    ['single image', { image: { url: 'https://x/y/edit.jpg' } }, ['edit.jpg']],
    ['audio file', { audio: { url: 'https://x/y/speech.mp3', file_name: 'speech.mp3' } }, ['speech.mp3']],
    ['nothing', { text: 'no files', timings: { inference: 1 } }, []],
    ['not an object', 'oops', []],
  ])('finds the media in a result: %s', (_, data, names) => {
    expect(mediaOfResult(data).map((m) => m.fileName)).toEqual(names);
  });
});

describe('importMedia, cancelRequest, recordLedger, tickClock', () => {
  it('imports each file in order and resolves with the paths', async () => {
    const host = fakeHost();
    const media = [
      { url: 'https://x/1.png', fileName: '1.png', contentType: null },
      { url: 'https://x/2.png', fileName: '2.png', contentType: null },
    ];
    const actor = createActor(defineImportMediaActor({ host, clock: fakeClock() }), {
      input: { genId: 'g', category: 'text-to-image', media },
    }).start();
    await expect(toPromise(actor)).resolves.toEqual({
      paths: ['/project/1.png', '/project/2.png'],
      at: '2025-11-03T09:00:00.000Z',
    });
    expect(host.imported.map((i) => i.category)).toEqual(['text-to-image', 'text-to-image']);
  });

  it("resolves a cancel with fal's answer", async () => {
    const fal = { cancel: async () => 'ALREADY_COMPLETED' as const };
    const actor = createActor(defineCancelRequestActor({ fal, clock: fakeClock() }), { input: REQ }).start();
    await expect(toPromise(actor)).resolves.toEqual({
      reply: 'ALREADY_COMPLETED',
      at: '2025-11-03T09:00:00.000Z',
    });
  });

  it('records facts in order and reports a refused write', async () => {
    const ledger = memoryLedger();
    const writer = defineRecordLedgerActor({ ledger });
    const draft = (id: string) =>
      ({
        id,
        type: 'generation.cancelled',
        v: 1,
        at: '2025-11-03T09:00:00.000Z',
        genId: 'g',
        durationMs: 0,
      }) as const;
    const parent = createMachine({
      invoke: { id: 'ledger', src: writer, input: {} },
      on: {
        WRITE: {
          actions: sendTo('ledger', ({ event }) => ({
            type: 'RECORD',
            events: (event as unknown as { events: unknown }).events,
          })),
        },
        LEDGER_FAILED: { actions: ({ event }) => failures.push(event) },
      },
    });
    const failures: AnyEventObject[] = [];
    const actor = createActor(parent).start();
    actor.send({ type: 'WRITE', events: [draft('a'), draft('b')] } as never);
    await flush();
    expect(ledger.ids()).toEqual(['a', 'b']);
    ledger.failWith(new Error('cache is full'));
    actor.send({ type: 'WRITE', events: [draft('c')] } as never);
    await flush();
    expect(failures).toEqual([
      { type: 'LEDGER_FAILED', message: "The ledger did not accept the run's costs: cache is full" },
    ]);
    actor.stop();
  });

  it('ticks at once and then on every interval until stopped', async () => {
    vi.useFakeTimers();
    const clock = fakeClock('2025-11-03T09:00:00.000Z', 30_000);
    const { actor, received } = underParent(defineTickClockActor({ clock, intervalMs: 30_000 }), {});
    await vi.advanceTimersByTimeAsync(60_000);
    actor.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    expect(received.map((e) => e.at)).toEqual([
      '2025-11-03T09:00:00.000Z',
      '2025-11-03T09:00:30.000Z',
      '2025-11-03T09:01:00.000Z',
    ]);
  });
});
