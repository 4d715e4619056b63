import { createActor, waitFor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  selectActual,
  selectFailure,
  selectPhase,
} from '../../../../src/machines/generation/generation.selectors.ts';
import { flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  ACCEPTED,
  controlledGeneration,
  FLUX_DEV,
  generationInput,
  RESULT,
  T,
} from '../../../fixtures/machines/generation.ts';

type Harness = ReturnType<typeof start>;

function start() {
  const h = controlledGeneration();
  const actor = createActor(h.machine, { input: generationInput({ model: FLUX_DEV }) }).start();
  return { ...h, actor };
}

const status = (s: 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED', at: string, error: string | null = null) => ({
  type: 'STATUS',
  status: s,
  queuePosition: s === 'IN_QUEUE' ? 1 : null,
  logs: [`${s} log`],
  error,
  at,
});

async function toGenerating(h: Harness) {
  h.actor.send({ type: 'GENERATE' });
  h.submit.last().resolve(ACCEPTED);
  await flush();
  h.watch.sendBack(status('IN_PROGRESS', T(5)));
}

async function toFetching(h: Harness, error: string | null = null) {
  await toGenerating(h);
  h.watch.sendBack(status('COMPLETED', T(15), error));
  await flush();
}

describe('generation run: the happy path', () => {
  it('queued → generating → downloading → importing → done, with the five step times and the actual cost', async () => {
    const h = start();
    h.actor.send({ type: 'GENERATE' });
    h.submit.last().resolve(ACCEPTED);
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('queued');
    expect(h.actor.getSnapshot().context.progress).toMatchObject({ step: 'queued', queuePosition: 3 });
    expect(h.watch.inputs).toEqual([{ endpointId: FLUX_DEV.endpoint_id, requestId: 'req-1' }]);
    h.watch.sendBack(status('IN_PROGRESS', T(5)));
    expect(selectPhase(h.actor.getSnapshot())).toBe('generating');
    h.watch.sendBack(status('COMPLETED', T(15)));
    await flush();
    expect(h.watch.running()).toBe(0);
    expect(h.fetch.last().input).toEqual({ endpointId: FLUX_DEV.endpoint_id, requestId: 'req-1' });
    h.fetch.last().resolve(RESULT);
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('importing');
    expect(h.importMedia.last().input).toEqual({
      genId: 'gen-1',
      category: 'text-to-image',
      media: RESULT.media,
    });
    h.importMedia.last().resolve({ paths: ['/project/fox.png'], at: T(25) });
    await waitFor(h.actor, (s) => s.matches('done'));
    await flush();

    const snapshot = h.actor.getSnapshot();
    expect(selectPhase(snapshot)).toBe('done');
    expect(snapshot.context.progress.startedAt).toEqual({
      sent: T(0),
      queued: T(1),
      generating: T(5),
      downloading: T(15),
      importing: T(20),
    });
    expect(snapshot.context.paths).toEqual(['/project/fox.png']);
    expect(selectActual(snapshot)).toMatchObject({
      billableUnits: 1,
      unitPriceUsdMicros: 25_000,
      usdMicros: 25_000,
    });
    expect(h.ledger.events.map((e) => e.type)).toEqual([
      'generation.requested',
      'generation.submitted',
      'generation.settled',
      'generation.completed',
    ]);
    expect(h.ledger.events[0]).toMatchObject({
      id: 'gen-1:requested',
      genId: 'gen-1',
      prompt: 'a red fox in snow',
    });
    expect(h.ledger.events[1]).toMatchObject({
      genId: 'gen-1',
      requestId: 'req-1',
      at: T(1),
      tags: { client: 'Acme' },
    });
    expect(h.ledger.events[2]).toMatchObject({ basis: 'metered', actualUsdMicros: 25_000, billAs: null });
    expect(h.ledger.events[3]).toMatchObject({ durationMs: 24_000 });
    h.actor.stop();
  });

  it('a result without billable units records nothing settled (settlement will re-read it)', async () => {
    const h = start();
    await toFetching(h);
    h.fetch.last().resolve({ ...RESULT, billableUnits: null });
    await flush();
    h.importMedia.last().resolve({ paths: ['/p'], at: T(25) });
    await waitFor(h.actor, (s) => s.matches('done'));
    await flush();
    expect(h.ledger.events.map((e) => e.type)).toEqual([
      'generation.requested',
      'generation.submitted',
      'generation.completed',
    ]);
    expect(selectActual(h.actor.getSnapshot())).toBeNull();
    h.actor.stop();
  });

  it('polling stops 30 minutes after acceptance: still running on fal, nothing more recorded', async () => {
    const h = start();
    await toGenerating(h);
    h.watch.sendBack(status('IN_PROGRESS', '2025-11-03T09:31:00.000Z'));
    await flush();
    expect(h.actor.getSnapshot().matches('stillRunning')).toBe(true);
    expect(h.watch.running()).toBe(0);
    expect(h.ledger.events.map((e) => e.type)).toEqual(['generation.requested', 'generation.submitted']);
    h.actor.stop();
  });
});

describe('generation run: refusals, failures and retries', () => {
  it('a request refused before fal accepted it is recorded as failed, not charged, after its intent', async () => {
    const h = start();
    h.actor.send({ type: 'GENERATE' });
    h.submit.last().reject({
      kind: 'BALANCE_EMPTY',
      charged: 'no',
      retryable: false,
      message: 'Your fal balance is empty.',
    });
    await waitFor(h.actor, (s) => s.matches('failed'));
    await flush();
    // The intent was on disk before the submit, so the refusal is recorded too: the row is not charged.
    expect(h.ledger.events.map((e) => e.type)).toEqual(['generation.requested', 'generation.failed']);
    expect(h.ledger.events[1]).toMatchObject({ genId: 'gen-1', errorKind: 'BALANCE_EMPTY', charged: 'no' });
    expect(selectFailure(h.actor.getSnapshot())).toEqual({
      kind: 'BALANCE_EMPTY',
      charged: 'no',
      message: 'Your fal balance is empty.',
      retry: 'resubmit',
      retryChargesAgain: true,
    });
    h.actor.stop();
  });

  it('retry after a failure is a new request with a new ledger id', async () => {
    const h = start();
    await toFetching(h, 'content policy');
    h.fetch
      .last()
      .reject({ kind: 'CONTENT_POLICY', charged: 'maybe', retryable: false, message: 'Blocked by fal' });
    await waitFor(h.actor, (s) => s.matches('failed'));
    expect(selectFailure(h.actor.getSnapshot())).toMatchObject({
      kind: 'CONTENT_POLICY',
      retryChargesAgain: true,
    });
    h.actor.send({ type: 'RETRY' });
    expect(h.submit.calls).toHaveLength(2);
    h.submit.last().resolve({ ...ACCEPTED, requestId: 'req-2' });
    await flush();
    expect(h.actor.getSnapshot().context).toMatchObject({ genId: 'gen-1~2', attempt: 2, requestId: 'req-2' });
    expect(h.ledger.events.filter((e) => e.type === 'generation.submitted').map((e) => e.genId)).toEqual([
      'gen-1',
      'gen-1~2',
    ]);
    const failed = h.ledger.events.find((e) => e.type === 'generation.failed');
    expect(failed).toMatchObject({ genId: 'gen-1', errorKind: 'CONTENT_POLICY', charged: 'maybe' });
    h.actor.stop();
  });

  it('a failed download is charged, and Retry downloads the same request again without a new submit', async () => {
    const h = start();
    await toFetching(h);
    h.fetch.last().reject({ kind: 'NETWORK', charged: 'maybe', retryable: true, message: 'offline' });
    await waitFor(h.actor, (s) => s.matches('failed'));
    await flush();
    expect(selectFailure(h.actor.getSnapshot())).toMatchObject({
      kind: 'DOWNLOAD',
      charged: 'yes',
      retry: 'reuse',
      retryChargesAgain: false,
    });
    expect(h.ledger.events.at(-1)).toMatchObject({
      type: 'generation.failed',
      errorKind: 'DOWNLOAD',
      charged: 'yes',
    });
    h.actor.send({ type: 'RETRY' });
    expect(h.fetch.calls).toHaveLength(2);
    expect(h.fetch.last().input.requestId).toBe('req-1');
    h.fetch.last().resolve(RESULT);
    await flush();
    h.importMedia.last().resolve({ paths: ['/p'], at: T(40) });
    await waitFor(h.actor, (s) => s.matches('done'));
    await flush();
    expect(h.submit.calls).toHaveLength(1);
    expect(h.ledger.events.at(-1)).toMatchObject({ type: 'generation.completed', genId: 'gen-1' });
    h.actor.stop();
  });

  it('a failed import is retried from the downloaded media, without fetching again', async () => {
    const h = start();
    await toFetching(h);
    h.fetch.last().resolve(RESULT);
    await flush();
    h.importMedia.last().reject(new Error('Premiere is busy'));
    await waitFor(h.actor, (s) => s.matches('failed'));
    expect(selectFailure(h.actor.getSnapshot())).toMatchObject({
      kind: 'IMPORT',
      charged: 'yes',
      retry: 'reuse',
    });
    h.actor.send({ type: 'RETRY' });
    expect(h.fetch.calls).toHaveLength(1);
    expect(h.importMedia.calls).toHaveLength(2);
    expect(h.importMedia.last().input.media).toEqual(RESULT.media);
    h.actor.stop();
  });

  it('lost polling is retried by checking the same request again', async () => {
    const h = start();
    await toGenerating(h);
    h.watch.sendBack({
      type: 'POLL_FAILED',
      failure: {
        kind: 'NETWORK',
        charged: 'maybe',
        message: 'lost',
        retryable: true,
        at: T(9),
        detail: null,
      },
    });
    await waitFor(h.actor, (s) => s.matches('failed'));
    expect(selectFailure(h.actor.getSnapshot())).toMatchObject({ retry: 'reuse', retryChargesAgain: false });
    h.actor.send({ type: 'RETRY' });
    expect(h.submit.calls).toHaveLength(1);
    expect(h.watch.inputs.at(-1)).toEqual({ endpointId: FLUX_DEV.endpoint_id, requestId: 'req-1' });
    expect(selectPhase(h.actor.getSnapshot())).toBe('generating');
    h.actor.stop();
  });
});

describe('generation run: cancel', () => {
  it('cancel during generating → cancelling → cancelled, recorded for settlement', async () => {
    const h = start();
    await toGenerating(h);
    h.actor.send({ type: 'CANCEL' });
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('cancelling');
    expect(h.cancel.last().input).toEqual({ endpointId: FLUX_DEV.endpoint_id, requestId: 'req-1' });
    h.cancel.last().resolve({ reply: 'CANCELLATION_REQUESTED', at: T(8) });
    await waitFor(h.actor, (s) => s.matches('cancelled'));
    await flush();
    expect(h.ledger.events.at(-1)).toMatchObject({ type: 'generation.cancelled', durationMs: 7_000 });
    h.actor.stop();
  });

  it('a cancel that came too late (ALREADY_COMPLETED) fetches the billed result', async () => {
    const h = start();
    await toGenerating(h);
    h.actor.send({ type: 'CANCEL' });
    h.cancel.last().resolve({ reply: 'ALREADY_COMPLETED', at: T(8) });
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('downloading');
    expect(h.fetch.calls).toHaveLength(1);
    h.actor.stop();
  });

  it('cancel while sending waits for fal to accept, then cancels that request', async () => {
    const h = start();
    h.actor.send({ type: 'GENERATE' });
    h.actor.send({ type: 'CANCEL' });
    h.submit.last().resolve(ACCEPTED);
    await flush();
    expect(h.cancel.calls).toHaveLength(1);
    expect(h.ledger.ids()).toEqual(['gen-1:requested', 'gen-1:submitted']);
    h.actor.stop();
  });

  it('a cancel that did not reach fal resumes polling where it was', async () => {
    const h = start();
    await toGenerating(h);
    h.actor.send({ type: 'CANCEL' });
    h.cancel.last().reject({ kind: 'NETWORK', charged: 'maybe', retryable: true, message: 'offline' });
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('generating');
    expect(h.watch.running()).toBe(1);
    h.actor.stop();
  });
});

describe('generation run: a ledger that cannot write', () => {
  it('sends nothing to fal when the intent cannot be written, and fails as not charged', async () => {
    const h = start();
    h.ledger.failWith(new Error('disk is full'));
    h.actor.send({ type: 'GENERATE' });
    await waitFor(h.actor, (s) => s.matches('failed'));
    expect(h.submit.calls).toHaveLength(0);
    expect(h.ledger.events).toEqual([]);
    expect(selectFailure(h.actor.getSnapshot())).toMatchObject({ charged: 'no', retry: 'resubmit' });
    h.actor.stop();
  });

  it('keeps an accepted run going and reports a later write failure for the view (nothing thrown)', async () => {
    const h = start();
    h.actor.send({ type: 'GENERATE' });
    h.ledger.failWith(new Error('cache is full'));
    h.submit.last().resolve(ACCEPTED);
    await flush();
    expect(selectPhase(h.actor.getSnapshot())).toBe('queued');
    // The run child keeps the failure in its context (the parent takes it over with the run's output).
    const run = h.actor.getSnapshot().children.run as unknown as Parameters<typeof waitFor>[0];
    const failed = (await waitFor(
      run,
      (s) => (s as { context: { ledgerError: unknown } }).context.ledgerError !== null,
      {
        timeout: 2000,
      },
    )) as { context: { ledgerError: string } };
    expect(failed.context.ledgerError).toMatch(/cache is full/);
  });
});
