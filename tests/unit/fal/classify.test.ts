import { ApiError, ValidationError } from '@fal-ai/client';
import { describe, expect, test } from 'vitest';
import type { Charged, ErrorKind } from '../../../src/domain/ledger/events.ts';
import { falErrorMessage } from '../../../src/fal/error-copy.ts';
import { FalHttpFailure, FalTransportFailure } from '../../../src/fal/failures.ts';
import { classifyFalError, FalError, type FalStage, humaniseField } from '../../../src/fal/index.ts';

const api = (status: number, body: unknown, extra: { timeoutType?: string } = {}) =>
  new ApiError({ message: 'x', status, body, requestId: 'req-1', ...extra });
const http = (status: number, body: unknown, errorType: string | null = null) =>
  new FalHttpFailure({ status, body, requestId: 'req-2', errorType, attempts: 4 });
const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const locked = {
  detail: 'User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing.',
};
const policy = {
  detail: [
    { loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation', categories: ['hate'] },
  ],
};
const pydantic = { detail: [{ loc: ['body', 'image_url'], msg: 'Image too small.', type: 'value_error' }] };

type Row = [
  label: string,
  error: unknown,
  stage: FalStage,
  kind: ErrorKind,
  charged: Charged,
  retryable: boolean,
];

// One row per kind (and per stage where charged differs), following modelbridge-docs.md §9 and §13.
const rows: Row[] = [
  ['401 at submit', api(401, { detail: 'bad key' }), 'submit', 'AUTH_INVALID', 'no', false],
  [
    'proxy: no key',
    http(401, { error: { code: 'FAL_KEY_MISSING', message: 'm' } }),
    'submit',
    'AUTH_INVALID',
    'no',
    false,
  ],
  ['403 other', api(403, { detail: 'Forbidden' }), 'submit', 'AUTH_INVALID', 'no', false],
  ['403 locked balance', api(403, locked), 'submit', 'BALANCE_EMPTY', 'no', false],
  ['402', api(402, null), 'submit', 'BALANCE_EMPTY', 'no', false],
  ['429 at submit', http(429, { detail: 'slow down' }), 'submit', 'RATE_LIMIT', 'no', true],
  ['429 while polling', http(429, null), 'status', 'RATE_LIMIT', 'maybe', true],
  [
    '422 at submit',
    new ValidationError({ message: 'x', status: 422, body: pydantic }),
    'submit',
    'VALIDATION',
    'no',
    false,
  ],
  ['422 at the worker', api(422, pydantic), 'result', 'VALIDATION', 'maybe', false],
  ['content policy', api(422, policy), 'result', 'CONTENT_POLICY', 'maybe', false],
  ['500 result', http(500, { detail: 'Internal server error' }), 'result', 'SERVER', 'no', true],
  ['503 submit', http(503, null, 'runner_scheduling_failure'), 'submit', 'SERVER', 'no', true],
  [
    '504 request timeout',
    http(504, { detail: 'Request timed out' }, 'request_timeout'),
    'result',
    'TIMEOUT',
    'maybe',
    true,
  ],
  ['504 user start timeout', api(504, null, { timeoutType: 'user' }), 'submit', 'TIMEOUT', 'no', true],
  ['abort timeout', new DOMException('t', 'TimeoutError'), 'status', 'TIMEOUT', 'maybe', true],
  [
    'proxy: fal timed out',
    http(504, { error: { code: 'FAL_TIMEOUT', message: 'm' } }),
    'result',
    'TIMEOUT',
    'maybe',
    true,
  ],
  ['connection refused', refused, 'submit', 'NETWORK', 'no', true],
  ['connection reset', new FalTransportFailure('ECONNRESET', 4), 'submit', 'NETWORK', 'maybe', true],
  [
    'proxy: fal unreachable',
    http(502, { error: { code: 'FAL_UNREACHABLE', message: 'm' } }),
    'submit',
    'NETWORK',
    'no',
    true,
  ],
  ['network while polling', new FalTransportFailure('ECONNRESET', 4), 'status', 'NETWORK', 'maybe', true],
  ['network on upload', new FalTransportFailure('ECONNRESET', 4), 'upload', 'NETWORK', 'no', true],
  ['unknown 404', api(404, { detail: 'Request not found' }), 'result', 'UNKNOWN', 'maybe', false],
  ['plain error', new Error('boom'), 'submit', 'UNKNOWN', 'maybe', false],
  ['platform read', api(500, null), 'platform', 'SERVER', 'no', true],
];

describe('classifyFalError', () => {
  test.each(rows)('%s → %s', (_label, error, stage, kind, charged, retryable) => {
    const classified = classifyFalError(error, stage);
    expect(classified).toBeInstanceOf(FalError);
    expect({ kind: classified.kind, charged: classified.charged, retryable: classified.retryable }).toEqual({
      kind,
      charged,
      retryable,
    });
    // §13: what happened, why, what to do; no raw JSON, field names or HTTP codes.
    expect(classified.message).not.toMatch(/[{}[\]]|\b[45]\d\d\b|HTTP|_/);
    expect(classified.message.split('. ').length).toBeGreaterThanOrEqual(3);
    expect(classified.message.endsWith('.')).toBe(true);
  });

  test('keeps the request id, and humanises validation fields and policy categories', () => {
    expect(classifyFalError(api(422, pydantic), 'result')).toMatchObject({
      requestId: 'req-1',
      message: expect.stringContaining('Image URL: Image too small'),
    });
    expect(classifyFalError(api(422, policy), 'result').message).toContain('flagged as hate');
    expect(humaniseField('num_inference_steps')).toBe('Num inference steps');
  });

  test('a cancelled run is flagged, never charged; billed units force charged = yes; FalError passes through', () => {
    const cancelled = classifyFalError(
      api(400, { detail: 'Request was cancelled', error_type: 'request_cancelled' }),
      'result',
    );
    expect(cancelled).toMatchObject({ kind: 'UNKNOWN', cancelled: true, charged: 'no' });
    const billed = classifyFalError(api(422, pydantic), 'result', { billed: true });
    expect(billed.charged).toBe('yes');
    expect(billed.message).toContain('fal.ai charged for this run.');
    expect(classifyFalError(billed, 'submit')).toBe(billed);
  });

  test.each(['DOWNLOAD', 'IMPORT', 'UNKNOWN'] as const)('copy for %s follows the same rules', (kind) => {
    const message = falErrorMessage(kind, 'yes', 'default');
    expect(message).not.toMatch(/[{}[\]]|\b[45]\d\d\b/);
    expect(message.split('. ').length).toBeGreaterThanOrEqual(3);
  });
});
