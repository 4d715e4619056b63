import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { catalog } from '../../../src/domain/index.ts';
import { BackendOfflineError, createBackendApi } from '../../../src/persistence/backend-api.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';
import { removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

// The panel's client of `GET /api/models` against the real backend on 127.0.0.1: each model's licence
// as the backend resolved it (fal's live answer, else the catalog's seed with its page).
const dirs: string[] = [];
const servers: RunningServer[] = [];
const stacks: FalStack[] = [];

async function server(options: Parameters<typeof startTestServer>[1]): Promise<RunningServer> {
  const dir = await tempDir('mb-api-licences-');
  dirs.push(dir);
  const running = await startTestServer(dir, options);
  servers.push(running);
  return running;
}

const apiFor = (s: RunningServer) => createBackendApi({ baseUrl: s.url, token: s.token, timeoutMs: 5_000 });

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await Promise.all(stacks.map((stack) => stack.close()));
  await removeDirs(dirs);
});

describe('backend client: modelLicences()', () => {
  test("Sandbox mode: one licence per catalog model; the Sandbox fal's named ones come from fal", async () => {
    const licences = await apiFor(await server({ sandbox: true })).modelLicences();

    expect(licences.map((l) => l.endpointId)).toEqual(catalog.map((m) => m.endpoint_id));
    const byId = new Map(licences.map((l) => [l.endpointId, l]));
    expect(byId.get('fal-ai/veo3/fast')).toEqual({
      endpointId: 'fal-ai/veo3/fast',
      licence: 'commercial',
      origin: 'fal',
      sourceUrl: null,
    });
    expect(byId.get('fal-ai/veo3.1')).toEqual({
      endpointId: 'fal-ai/veo3.1',
      licence: 'unknown',
      origin: 'catalog',
      sourceUrl: null,
    });
  });

  test('live fal: what fal names wins; wording it does not recognise keeps the seed and its page', async () => {
    const fal = await startSandboxStack({
      speed: 100,
      licenceWording: { 'fal-ai/veo3.1': 'research', 'fal-ai/flux-1/dev': 'see model card' },
    });
    stacks.push(fal);
    const running = await server({
      env: { FAL_KEY: 'licence-client-test:secret' },
      falApiBaseUrl: `${fal.sandboxUrl}/api/v1`,
    });

    const byId = new Map((await apiFor(running).modelLicences()).map((l) => [l.endpointId, l]));

    expect(byId.get('fal-ai/veo3.1')).toMatchObject({ licence: 'research', origin: 'fal', sourceUrl: null });
    expect(byId.get('fal-ai/flux-1/dev')).toMatchObject({
      licence: 'commercial',
      origin: 'catalog',
      sourceUrl: 'https://fal.ai/models/fal-ai/flux-1/dev/playground',
    });
  });

  test('a stopped backend is an Offline error (the panel keeps the catalog licences)', async () => {
    const running = await server({ sandbox: true });
    const api = apiFor(running);
    await running.close();

    const error = await api.modelLicences().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BackendOfflineError);
  });
});
