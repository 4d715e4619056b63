import { type Actor, createActor, waitFor } from 'xstate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, type CatalogModel, findModel } from '../../../src/domain/pricing/index.ts';
import { createFalGateway } from '../../../src/fal/index.ts';
import { defineGenerationLogic } from '../../../src/machines/generation/generation-logic.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';
import { generationInput } from '../../fixtures/machines/generation.ts';
import { memoryLedger } from '../../fixtures/machines/ports.ts';

/**
 * Every catalog endpoint with a metered price, run through the real generation machines, the real
 * @fal-ai/client gateway, the real fal proxy and the Sandbox fal on 127.0.0.1, settles to an Actual: the
 * sandbox meters the run in the catalog's unit (x-fal-billable-units on the result) and the panel's own
 * settlement code turns the units into micro-USD. Each expected amount is worked out by hand from
 * reference/fal-pricing.json for what the sandbox meters (a clip with audio is 0.008 s longer, fal-api.md §2a).
 */

/** Endpoints whose units cannot be priced with a known formula, and why (no Actual is ever guessed). */
const EXCLUDED: Readonly<Record<string, string>> = {
  'fal-ai/bytedance/seedance/v1/pro/image-to-video':
    'billed in video tokens (h × w × fps × d / 1024); whether x-fal-billable-units counts seconds or tokens is unconfirmed',
};

const IMAGE = { image_url: 'https://example.com/frame.png' };
const SPEECH = 'A calm voice reads the shot list for the hero film. '.repeat(24).slice(0, 1200);

/**
 * What each metered endpoint is run with (beyond the form's defaults) and the Actual it must settle to.
 * Inputs are added only where the form has no value to send: required media, the text to speak, and a
 * rate-setting input fal documents no default for (the rate would otherwise be fal's choice).
 */
const WALK: ReadonlyArray<[id: string, params: Record<string, unknown>, prompt: string, usdMicros: number]> =
  [
    // 8 s with audio, metered 8.008 s × $0.40.
    ['fal-ai/veo3.1', {}, 'walk', 3_203_200],
    // No documented default resolution (4k is dearer), so the run names one: 8.008 s × $0.15.
    ['fal-ai/veo3.1/fast', { resolution: '1080p' }, 'walk', 1_201_200],
    // The form sends audio on (undocumented default): 8.008 s × $0.15.
    ['fal-ai/veo3/fast', {}, 'walk', 1_201_200],
    ['fal-ai/kling-video/v3/pro/text-to-video', {}, 'walk', 841_344],
    ['fal-ai/kling-video/v3/standard/text-to-video', {}, 'walk', 631_008],
    ['fal-ai/kling-video/v3/turbo/pro/text-to-video', {}, 'walk', 700_000],
    ['fal-ai/kling-video/o3/4k/text-to-video', {}, 'walk', 2_100_000],
    // $0.35 for the first 5 s.
    ['fal-ai/kling-video/v2.5-turbo/pro/text-to-video', {}, 'walk', 350_000],
    // One 5 s clip at 720p.
    ['fal-ai/pika/v2.2/text-to-video', {}, 'walk', 200_000],
    ['fal-ai/veo3.1/image-to-video', IMAGE, 'walk', 3_203_200],
    ['fal-ai/kling-video/v2.5-turbo/pro/image-to-video', IMAGE, 'walk', 350_000],
    ['fal-ai/kling-video/v2.5-turbo/standard/image-to-video', IMAGE, 'walk', 210_000],
    ['fal-ai/kling-video/v3/pro/image-to-video', { start_image_url: IMAGE.image_url }, 'walk', 841_344],
    ['fal-ai/minimax/hailuo-02/standard/image-to-video', IMAGE, 'walk', 270_000],
    ['fal-ai/minimax/hailuo-2.3/pro/image-to-video', IMAGE, 'walk', 490_000],
    // Neither resolution nor duration has a documented default: 5 s × $0.10 at 720p.
    [
      'fal-ai/wan-25-preview/image-to-video',
      { ...IMAGE, resolution: '720p', duration: '5' },
      'walk',
      500_000,
    ],
    // 1024 × 768 is one started megapixel.
    ['fal-ai/flux-1/dev', {}, 'walk', 25_000],
    ['fal-ai/flux/schnell', {}, 'walk', 3_000],
    ['fal-ai/flux-pro/v1.1-ultra', {}, 'walk', 60_000],
    // 1920 × 1080 = 2 MP: $0.03 + 1 × $0.015 (fal-pricing.md worked check).
    ['fal-ai/flux-2-pro', { image_size: { width: 1920, height: 1080 } }, 'walk', 45_000],
    ['fal-ai/ideogram/v3', {}, 'walk', 60_000],
    ['fal-ai/flux-pro/kontext', IMAGE, 'walk', 40_000],
    // Web search is a per-request add-on units cannot carry, so the run turns it off.
    [
      'fal-ai/nano-banana-2/edit',
      { image_urls: [IMAGE.image_url], enable_web_search: false },
      'walk',
      80_000,
    ],
    // The sandbox meters 1 output megapixel (it never reads the input image): 1 × $0.03.
    ['fal-ai/clarity-upscaler', IMAGE, 'walk', 30_000],
    // 1280 × 720 × 121 frames = 111.514 video MP × $0.001.
    ['fal-ai/seedvr/upscale/video', { video_url: 'https://example.com/clip.mp4' }, 'walk', 111_514],
    // 1,200 characters = 1.2 × the per-1k rate.
    ['fal-ai/elevenlabs/tts/multilingual-v2', { text: SPEECH }, 'walk', 120_000],
    ['fal-ai/minimax/speech-02-turbo', { text: SPEECH }, 'walk', 72_000],
    ['fal-ai/minimax/speech-2.8-hd', {}, SPEECH, 120_000],
    ['fal-ai/mmaudio-v2', { video_url: 'https://example.com/clip.mp4' }, 'walk', 8_000],
  ];

const clock = { now: () => new Date().toISOString() };
// Premiere is the one fake: the import just names the file.
const host = { importMedia: async ({ fileName }: { fileName: string }) => ({ path: fileName }) };
let stack: FalStack;

beforeAll(async () => {
  stack = await startSandboxStack({ speed: 50 });
});
afterAll(() => stack.close());

/** Runs one generation to its end and returns what the ledger recorded for it. */
async function runToEnd(model: CatalogModel, params: Record<string, unknown>, prompt: string) {
  const fal = createFalGateway({ proxyUrl: stack.proxyUrl, retry: { baseDelayMs: 5 } });
  const ledger = memoryLedger();
  const logic = defineGenerationLogic({ fal, ledger, host, clock, pollIntervalMs: 20 });
  const genId = `walk-${model.endpoint_id}`;
  const actor = createActor(logic, { input: generationInput({ genId, model, params, prompt }) });
  (actor as Actor<typeof logic>).start();
  actor.send({ type: 'GENERATE' });
  if (actor.getSnapshot().hasTag('confirming')) actor.send({ type: 'CONTINUE' });
  const end = await waitFor(actor, (s) => s.hasTag('finished'), { timeout: 20_000 });
  actor.stop();
  return { state: end.value, settled: ledger.events.find((e) => e.type === 'generation.settled') };
}

describe('every metered catalog endpoint settles to an Actual in the sandbox', { timeout: 30_000 }, () => {
  it('the walk covers the whole catalog: each endpoint is run or excluded with a reason, once', () => {
    const walked = WALK.map(([id]) => id);
    const excluded = Object.keys(EXCLUDED);
    expect([...walked, ...excluded].sort()).toEqual(catalog.map((m) => m.endpoint_id).sort());
    expect(new Set(walked).size).toBe(walked.length);
  });

  it.concurrent.each(WALK)('%s %j settles to its Actual', async (id, params, prompt, usdMicros) => {
    const model = findModel(id) as CatalogModel;
    const { state, settled } = await runToEnd(model, params, prompt);
    expect(state).toBe('done');
    expect(settled).toMatchObject({ basis: 'metered', actualUsdMicros: usdMicros });
  });

  it.each(Object.entries(EXCLUDED))('%s is excluded: %s', async (id) => {
    // Excluded ones still record fal's count, with no amount made up for it (modelbridge-docs.md §9 point 5).
    const { state, settled } = await runToEnd(findModel(id) as CatalogModel, IMAGE, 'walk');
    expect(state).toBe('done');
    expect(settled).toMatchObject({ actualUsdMicros: null, billableUnits: expect.any(Number) });
  });
});
