import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { waitFor } from 'xstate';
import { selectStatus } from '../../../src/machines/persistence/persistence.selectors.ts';
import { createBackendApi } from '../../../src/persistence/backend-api.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { resetBuilders, submitted } from '../../fixtures/ledger-builders.ts';
import { freshCache, type PanelActor, startPanel } from '../../fixtures/machines-persistence/panels.ts';
import { removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

/**
 * An event the backend refuses is never silently dropped (issue 10): the panel keeps it pending, in the
 * browser cache too, and shows the refusal as a persistent error; a reload over the same cache meets the
 * same event and the same error. Real backend on 127.0.0.1, real localforage cache (fake-indexeddb).
 */

let server: RunningServer;
let dir: string;
const panels: PanelActor[] = [];

beforeEach(async () => {
  resetBuilders();
  dir = await tempDir('mb-refused-');
  server = await startTestServer(dir, { sandbox: true });
});
afterEach(async () => {
  for (const actor of panels.splice(0)) actor.stop();
  await server.close();
  await removeDirs([dir]);
});

function panel(cache: ReturnType<typeof freshCache>) {
  const api = createBackendApi({ baseUrl: server.url, token: server.token, timeoutMs: 5_000 });
  const actor = startPanel(api, cache);
  panels.push(actor);
  return actor;
}

describe('a refused event', { timeout: 20_000 }, () => {
  test('stays pending with the reason shown, and is still there after a reload', async () => {
    const cache = freshCache();
    const first = panel(cache);
    await waitFor(first, (s) => s.matches('saved'), { timeout: 5_000 });
    const refused = { ...submitted({ genId: 'g-long' }), prompt: 'x'.repeat(25_000) };
    first.send({ type: 'RECORD', events: [refused] });
    const stuck = await waitFor(first, (s) => s.matches('error'), { timeout: 5_000 });
    expect(stuck.context.pending).toEqual([refused.id]);
    expect(selectStatus(stuck)).toMatchObject({ kind: 'error' });
    expect(stuck.context.reason).toMatch(/prompt is too long/);
    // The browser cache writes on its own queue: the reload comes once the write has landed.
    for (let i = 0; i < 100 && (await cache.load())?.pending.length !== 1; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
    }
    first.stop();

    const reloaded = panel(cache);
    const again = await waitFor(reloaded, (s) => s.matches('error'), { timeout: 5_000 });
    expect(again.context.pending).toEqual([refused.id]);
    expect(again.context.events.map((e) => e.id)).toContain(refused.id);
    expect(again.context.reason).toMatch(/prompt is too long/);
  });
});
