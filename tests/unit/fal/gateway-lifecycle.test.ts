import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createFalGateway,
  type FalGateway,
  type FalStatus,
  queuePositionOf,
} from '../../../src/fal/index.ts';
import { type FalStack, pollUntil, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';

// The real @fal-ai/client (inside the gateway) → the proxy (sandbox mode) → the Sandbox fal, on loopback.
let stack: FalStack;
let fal: FalGateway;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
  fal = createFalGateway({
    proxyUrl: stack.proxyUrl,
    headers: { 'x-modelbridge-token': 't0k' },
    retry: { baseDelayMs: 5 },
  });
});
afterAll(() => stack.close());

/** Polls status every 5 ms until COMPLETED, returning every status seen in order. */
async function statusesUntilDone(endpointId: string, requestId: string): Promise<FalStatus[]> {
  const seen: FalStatus[] = [];
  await pollUntil(
    async () => {
      const status = await fal.status(endpointId, requestId);
      seen.push(status);
      return status.status === 'COMPLETED' ? true : undefined;
    },
    10_000,
    5,
  );
  return seen;
}

describe('gateway lifecycle through the proxy to the sandbox', { timeout: 15_000 }, () => {
  test('queued → in progress → completed, then a result with fractional billable units', async () => {
    const { requestId, queuePosition } = await fal.submit('fal-ai/veo3.1', {
      prompt: 'a lighthouse',
      duration: '5s',
    });
    expect(queuePosition).toBeGreaterThanOrEqual(1); // the submit itself answers IN_QUEUE

    const seen = await statusesUntilDone('fal-ai/veo3.1', requestId);
    const order = seen.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    // A poll may miss a short queue on a busy machine, but states never go backwards.
    expect([
      ['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED'],
      ['IN_PROGRESS', 'COMPLETED'],
    ]).toContainEqual(order);
    expect(seen.filter((s) => s.status !== 'IN_QUEUE').every((s) => s.queuePosition === null)).toBe(true);
    expect(
      seen.some((s) => s.status === 'IN_PROGRESS' && s.logs.some((l) => l.startsWith('Generating'))),
    ).toBe(true);
    expect(seen.at(-1)?.error).toBeNull();

    const result = await fal.result('fal-ai/veo3.1', requestId);
    // Veo 3.1 defaults to audio on: fal meters 5 s asked as 5.008 s.
    expect(result).toMatchObject({ billableUnits: 5.008, billAs: null });
    const video = (result.data as { video: { url: string; content_type: string; file_size: number } }).video;
    expect(video.content_type).toBe('video/mp4');
    const bytes = new Uint8Array(await (await fetch(video.url)).arrayBuffer());
    expect(bytes.length).toBe(video.file_size);
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');

    // The result can be read again later (settlement) and gives the same units.
    expect((await fal.result('fal-ai/veo3.1', requestId)).billableUnits).toBe(5.008);
  });

  test('a place in the queue counts from 1 (fal counts from 0); no number when fal gives none', () => {
    expect(queuePositionOf({ status: 'IN_QUEUE', queue_position: 0 })).toBe(1);
    expect(queuePositionOf({ status: 'IN_QUEUE', queue_position: 4 })).toBe(5);
    for (const raw of [{}, { queue_position: null }, { queue_position: -1 }, { queue_position: 1.5 }, null]) {
      expect(queuePositionOf(raw)).toBeNull();
    }
  });

  test('while queued, queue_position falls towards the front', async () => {
    const submitted = await fal.submit('fal-ai/veo3.1', { prompt: 'a long queue [slow]' });
    const positions: number[] = [];
    await pollUntil(
      async () => {
        const status = await fal.status('fal-ai/veo3.1', submitted.requestId);
        if (status.status !== 'IN_QUEUE') return true;
        positions.push(status.queuePosition ?? -1);
        return undefined;
      },
      10_000,
      5,
    );
    await fal.cancel('fal-ai/veo3.1', submitted.requestId);
    expect(positions.length).toBeGreaterThan(0);
    expect(
      positions.every(
        (p, i) => p >= 1 && p <= (i === 0 ? (submitted.queuePosition ?? 0) : (positions[i - 1] ?? p)),
      ),
    ).toBe(true);
    expect(Math.min(...positions)).toBeLessThan(submitted.queuePosition ?? 0);
  });

  test('status, result and cancel go to owner/app only; submit to the full endpoint id', async () => {
    const endpointId = 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video';
    const { requestId } = await fal.submit(endpointId, {
      prompt: 'waves',
      image_url: 'https://x.fal.media/a.png',
      duration: '10',
    });
    await statusesUntilDone(endpointId, requestId);
    const result = await fal.result(endpointId, requestId);
    expect(result.billableUnits).toBe(10); // no audio track: exactly the requested seconds
    const paths = stack.sandboxHits.filter(
      (h) => h.path.includes(requestId) || h.path.endsWith('image-to-video'),
    );
    expect(paths[0]).toEqual({ method: 'POST', path: `/queue/${endpointId}` });
    expect(
      paths.slice(1).every((h) => h.path.startsWith(`/queue/fal-ai/kling-video/requests/${requestId}`)),
    ).toBe(true);
  });

  test('an alias is billed as the canonical endpoint (x-fal-bill-as) and images are counted in megapixels', async () => {
    const { requestId } = await fal.submit('fal-ai/flux/dev', {
      prompt: 'a fox',
      num_images: 2,
      image_size: 'landscape_4_3',
    });
    await statusesUntilDone('fal-ai/flux/dev', requestId);
    const result = await fal.result('fal-ai/flux/dev', requestId);
    expect(result).toMatchObject({ billableUnits: 2, billAs: 'fal-ai/flux-1/dev' });
    const images = (result.data as { images: Array<{ url: string; content_type: string; width: number }> })
      .images;
    expect(images).toHaveLength(2);
    const png = new Uint8Array(await (await fetch(images[0]?.url ?? '')).arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  test('[units-late] reports units only from the third result read', async () => {
    const late = await fal.submit('fal-ai/flux/schnell', { prompt: 'fog [units-late]' });
    await statusesUntilDone('fal-ai/flux/schnell', late.requestId);
    const reads = [];
    for (let i = 0; i < 3; i++)
      reads.push((await fal.result('fal-ai/flux/schnell', late.requestId)).billableUnits);
    expect(reads).toEqual([null, null, 1]);
  });

  test('[no-units] gives a result whose billable units are null; [bill-as:…] names another endpoint', async () => {
    const noUnits = await fal.submit('fal-ai/flux/schnell', { prompt: 'rain [no-units]' });
    const billedAs = await fal.submit('fal-ai/flux/schnell', { prompt: 'snow [bill-as:fal-ai/flux/dev]' });
    await statusesUntilDone('fal-ai/flux/schnell', noUnits.requestId);
    await statusesUntilDone('fal-ai/flux/schnell', billedAs.requestId);
    expect(await fal.result('fal-ai/flux/schnell', noUnits.requestId)).toMatchObject({
      billableUnits: null,
      billAs: null,
    });
    expect(await fal.result('fal-ai/flux/schnell', billedAs.requestId)).toMatchObject({
      billableUnits: 1,
      billAs: 'fal-ai/flux/dev',
    });
  });

  test('storage upload goes through the proxy for initiation and returns a readable sandbox URL', async () => {
    const url = await fal.upload(new Blob(['frame-bytes'], { type: 'image/png' }));
    expect(url.startsWith(`${stack.sandboxUrl}/files/`)).toBe(true);
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(await file.text()).toBe('frame-bytes');
  });

  test('an upload past the sandbox limit is refused while it streams, without a Content-Length', async () => {
    const initiate = await fetch(`${stack.sandboxUrl}/rest/storage/upload/initiate?storage_type=fal-cdn-v3`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content_type: 'application/octet-stream', file_name: 'big.bin' }),
    });
    const { upload_url: uploadUrl } = (await initiate.json()) as { upload_url: string };
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 40 MiB at most, chunked: more than the 25 MiB limit, and never announced up front.
        if (sent >= 40) controller.close();
        else {
          sent += 1;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(uploadUrl, { method: 'PUT', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    // Refused mid-stream: the sandbox stopped reading long before the 40th MiB.
    expect(sent).toBeLessThan(40);
  });
});
