import { describe, expect, it } from 'vitest';
import {
  selectElapsedMs,
  selectFailure,
  selectPhase,
  selectTracker,
} from '../../../../src/machines/generation/generation.selectors.ts';
import { generationInput, T } from '../../../fixtures/machines/generation.ts';
import { generationSnapshot } from '../../../fixtures/machines/snapshots.ts';

const INPUT = generationInput();
const progress = {
  step: 'generating' as const,
  startedAt: { sent: T(0), queued: T(1), generating: T(4) },
  queuePosition: null,
  logs: ['50%'],
};

describe('generation selectors', () => {
  it.each([
    ['editing', 'editing', {}, ['pending', 'pending', 'pending', 'pending', 'pending']],
    ['generating', { active: 'running' }, { progress }, ['done', 'done', 'active', 'pending', 'pending']],
    ['failed', 'failed', { progress }, ['done', 'done', 'failed', 'pending', 'pending']],
    ['cancelled', 'cancelled', { progress }, ['done', 'done', 'stopped', 'pending', 'pending']],
    ['still running', 'stillRunning', { progress }, ['done', 'done', 'active', 'pending', 'pending']],
  ] as const)('the tracker while %s', (_, value, patch, statuses) => {
    const snapshot = generationSnapshot(INPUT, value, patch);
    expect(selectTracker(snapshot).map((s) => s.status)).toEqual(statuses);
    // Memoised on the context: the same snapshot gives the same array (no re-render churn).
    expect(selectTracker(snapshot)).toBe(selectTracker(snapshot));
  });

  it('shows the queue position only while queued', () => {
    const queued = { ...progress, step: 'queued' as const, queuePosition: 7 };
    const snapshot = generationSnapshot(INPUT, { active: 'running' }, { progress: queued });
    expect(selectTracker(snapshot)[1]?.label).toBe('Queued #7');
    expect(selectPhase(snapshot)).toBe('queued');
  });

  it('a cancel in flight reads as cancelling', () => {
    const snapshot = generationSnapshot(INPUT, { active: 'running' }, { progress, cancelling: true });
    expect(selectPhase(snapshot)).toBe('cancelling');
  });

  it('elapsed time runs from Sent to the end, or to now while active', () => {
    const running = generationSnapshot(INPUT, { active: 'running' }, { progress, finishedAt: T(3) });
    expect(selectElapsedMs(running, T(10))).toBe(10_000);
    const done = generationSnapshot(INPUT, 'done', { progress, finishedAt: T(30) });
    expect(selectElapsedMs(done, T(90))).toBe(30_000);
    expect(selectElapsedMs(generationSnapshot(INPUT, 'editing'), T(90))).toBe(0);
  });

  it('a failure is only shown while failed, with the retry warning', () => {
    const failure = {
      kind: 'SERVER' as const,
      charged: 'no' as const,
      message: 'fal is down',
      retryable: true,
      at: T(5),
      detail: null,
    };
    expect(selectFailure(generationSnapshot(INPUT, 'failed', { failure, retry: 'resubmit' }))).toMatchObject({
      retryChargesAgain: true,
    });
    expect(selectFailure(generationSnapshot(INPUT, 'failed', { failure, retry: 'reuse' }))).toMatchObject({
      retryChargesAgain: false,
    });
    expect(selectFailure(generationSnapshot(INPUT, { active: 'running' }, { failure }))).toBeNull();
  });
});
