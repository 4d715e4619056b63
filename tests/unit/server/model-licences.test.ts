import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ModelEntry } from '../../../src/server/routes/models.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { type FalStack, startSandboxStack } from '../../fixtures/fal/fal-stack.ts';
import { ApiClient, removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

// `GET /api/models` against the Sandbox fal's model API standing in for fal itself (a key is set, so
// the backend is in live mode): what fal names wins; what it does not name keeps the catalog's seed.
const KEY = 'licence-test:secret';
const dirs: string[] = [];
const servers: RunningServer[] = [];
let fal: FalStack;

beforeAll(async () => {
  fal = await startSandboxStack({
    speed: 100,
    licenceWording: {
      // Seeded unknown; fal now says research.
      'fal-ai/veo3.1': 'research',
      // Seeded commercial from fal's page; wording we do not recognise must not erase it.
      'fal-ai/flux-1/dev': 'see model card',
    },
  });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await fal?.close();
  await removeDirs(dirs);
});

let lastApi: ApiClient;

async function modelsFrom(options: Parameters<typeof startTestServer>[1]): Promise<Map<string, ModelEntry>> {
  const dataDir = await tempDir('mb-licences-');
  dirs.push(dataDir);
  const server = await startTestServer(dataDir, options);
  servers.push(server);
  lastApi = new ApiClient(server);
  const { models } = (await lastApi.get('/api/models')).json as { models: ModelEntry[] };
  return new Map(models.map((m) => [m.endpoint_id, m]));
}

function licenceView(model: ModelEntry | undefined) {
  return model && { licence: model.licence, origin: model.licenceOrigin, source: model.licenceSourceUrl };
}

describe('GET /api/models licences', () => {
  test('live fal: its named licence wins; unrecognised or missing wording keeps the seed', async () => {
    const models = await modelsFrom({ env: { FAL_KEY: KEY }, falApiBaseUrl: `${fal.sandboxUrl}/api/v1` });
    expect(licenceView(models.get('fal-ai/veo3.1'))).toEqual({
      licence: 'research',
      origin: 'fal',
      source: null,
    });
    expect(licenceView(models.get('fal-ai/flux-1/dev'))).toEqual({
      licence: 'commercial',
      origin: 'catalog',
      source: 'https://fal.ai/models/fal-ai/flux-1/dev/playground',
    });
    expect(licenceView(models.get('fal-ai/clarity-upscaler'))?.origin).toBe('fal');
    expect(licenceView(models.get('fal-ai/mmaudio-v2'))).toEqual({
      licence: 'unknown',
      origin: 'catalog',
      source: null,
    });
    const pricing = await lastApi.get('/api/pricing?endpoint_id=fal-ai/veo3.1');
    expect(pricing.json).toMatchObject({ source: 'catalog', model: { licence: 'research' } });
    // fal's model API was read once for both answers.
    const asked = fal.sandboxHits.filter((hit) => hit.path === '/api/v1/models');
    expect(asked).toHaveLength(1);
  });

  test('fal unreachable: every model shows its seed', async () => {
    const closed = await startSandboxStack({ speed: 100 });
    await closed.close();
    const models = await modelsFrom({ env: { FAL_KEY: KEY }, falApiBaseUrl: `${closed.sandboxUrl}/api/v1` });
    expect([...models.values()].every((m) => m.licenceOrigin === 'catalog')).toBe(true);
    expect(models.get('fal-ai/flux-1/dev')?.licence).toBe('commercial');
  });

  test('Sandbox mode: the in-process Sandbox fal answers with the catalog licences', async () => {
    const models = await modelsFrom({ sandbox: true });
    expect(licenceView(models.get('fal-ai/veo3/fast'))).toEqual({
      licence: 'commercial',
      origin: 'fal',
      source: null,
    });
    expect(models.get('fal-ai/veo3.1')?.licence).toBe('unknown');
  });
});
