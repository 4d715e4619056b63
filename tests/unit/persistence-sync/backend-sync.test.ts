import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { waitFor } from 'xstate';
import { selectStatus } from '../../../src/machines/persistence/persistence.selectors.ts';
import { createBackendApi } from '../../../src/persistence/backend-api.ts';
import type { RunningServer } from '../../../src/server/start.ts';
import { generation, resetBuilders, submitted } from '../../fixtures/ledger-builders.ts';
import {
  freshCache,
  type PanelActor,
  settled,
  shownGenIds,
  startPanel,
  typedDeleteReset,
} from '../../fixtures/machines-persistence/panels.ts';
import { removeDirs, startTestServer, tempDir } from '../../fixtures/server/harness.ts';

const dirs: string[] = [];
const servers: RunningServer[] = [];
const panels: PanelActor[] = [];

async function backend(dir?: string, port = 0): Promise<RunningServer> {
  const dataDir = dir ?? (await tempDir('mb-panel-sync-'));
  if (!dir) dirs.push(dataDir);
  const running = await startTestServer(dataDir, { port, sandbox: true });
  servers.push(running);
  return running;
}

/** The panel's real wiring: persistence over the backend's HTTP API and a real browser cache. */
function panel(server: RunningServer, cache = freshCache()) {
  const api = createBackendApi({ baseUrl: server.url, token: server.token, timeoutMs: 5_000 });
  const actor = startPanel(api, cache);
  panels.push(actor);
  return { actor, api, cache };
}

beforeEach(() => resetBuilders());
afterEach(async () => {
  for (const actor of panels.splice(0)) actor.stop();
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await removeDirs(dirs.splice(0));
});

describe('persistence through the real backend', () => {
  test('recorded events reach the journal, and a second panel sees them on the live stream', async () => {
    const server = await backend();
    const a = panel(server);
    const b = panel(server);
    await Promise.all([settled(a.actor), settled(b.actor)]);
    const events = generation();

    a.actor.send({ type: 'RECORD', events });
    await settled(a.actor);
    await waitFor(b.actor, () => shownGenIds(b.actor).length === 1, { timeout: 5_000 });

    expect((await a.api.loadLedger()).events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(shownGenIds(b.actor)).toEqual(['gen-0001']);
  });

  test('after a typed-DELETE reset, a second panel empties at once and its stale cache cannot bring rows back', async () => {
    // Arrange
    const server = await backend();
    const a = panel(server);
    const b = panel(server);
    await Promise.all([settled(a.actor), settled(b.actor)]);
    a.actor.send({ type: 'RECORD', events: generation() });
    await waitFor(b.actor, () => shownGenIds(b.actor).length === 1, { timeout: 5_000 });
    await waitFor(b.actor, (s) => s.matches('saved'));
    const staleCache = b.cache;
    b.actor.stop();
    const c = panel(server);
    await waitFor(c.actor, () => shownGenIds(c.actor).length === 1, { timeout: 5_000 });

    // Act
    await typedDeleteReset(a.actor, { disk: a.api, cache: a.cache });
    await waitFor(c.actor, () => shownGenIds(c.actor).length === 0, { timeout: 5_000 });
    const reopened = panel(server, staleCache);
    await settled(reopened.actor);

    // Assert
    expect(shownGenIds(a.actor)).toEqual([]);
    expect(shownGenIds(reopened.actor)).toEqual([]);
    expect((await a.api.loadLedger()).events.map((e) => e.type)).toEqual(['ledger.reset']);
  });

  test('backend down: Offline with N unsaved; backend back: saved, every event on disk exactly once', async () => {
    // Arrange
    const dir = await tempDir('mb-panel-sync-');
    dirs.push(dir);
    const first = await backend(dir);
    const a = panel(first);
    await settled(a.actor);
    await first.close();
    const events = [...generation(), submitted()];

    // Act
    a.actor.send({ type: 'RECORD', events });
    await waitFor(a.actor, (s) => s.matches('offline'), { timeout: 5_000 });
    const offline = selectStatus(a.actor.getSnapshot());
    const second = await backend(dir, first.port);
    await settled(a.actor, 15_000);

    // Assert
    expect(offline).toMatchObject({ kind: 'offline', unsaved: 3 });
    expect(offline.reason).toMatch(/could not be reached/);
    const onDisk = (await createBackendApi({ baseUrl: second.url, token: second.token }).loadLedger()).events;
    expect(onDisk.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    expect(selectStatus(a.actor.getSnapshot())).toEqual({ kind: 'saved', unsaved: 0 });
  });
});
