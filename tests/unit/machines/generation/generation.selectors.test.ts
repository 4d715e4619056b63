import { describe, expect, it } from 'vitest';
import { selectFailure, selectPhase } from '../../../../src/machines/generation/generation.selectors.ts';
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
    ['editing', 'editing', {}, 'editing'],
    ['generating', { active: 'running' }, { progress }, 'generating'],
    ['failed', 'failed', { progress }, 'failed'],
    ['cancelled', 'cancelled', { progress }, 'cancelled'],
    ['still running', 'stillRunning', { progress }, 'stillRunning'],
  ] as const)('the phase while %s', (_, value, patch, phase) => {
    expect(selectPhase(generationSnapshot(INPUT, value, patch))).toBe(phase);
  });

  it('a run in the queue reads as queued', () => {
    const queued = { ...progress, step: 'queued' as const, queuePosition: 7 };
    const snapshot = generationSnapshot(INPUT, { active: 'running' }, { progress: queued });
    expect(selectPhase(snapshot)).toBe('queued');
  });

  it('a cancel in flight reads as cancelling', () => {
    const snapshot = generationSnapshot(INPUT, { active: 'running' }, { progress, cancelling: true });
    expect(selectPhase(snapshot)).toBe('cancelling');
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
