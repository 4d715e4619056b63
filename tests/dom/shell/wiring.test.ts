import { describe, expect, test } from 'vitest';
import {
  BOOT_KEYS,
  createHostImport,
  createPanelWiring,
  type HostBridge,
  type MediaSaveRequest,
  readPanelMeta,
} from '../../../src/ui/wiring.ts';
import { createFakeCepSkin } from '../../fixtures/fake-csinterface.ts';
import { DEFAULT_PANEL_SETTINGS } from '../settings/settings-fixtures.ts';

function page(meta: Record<string, string>): Document {
  const doc = document.implementation.createHTMLDocument('panel');
  for (const [name, content] of Object.entries(meta)) {
    const tag = doc.createElement('meta');
    tag.setAttribute('name', name);
    tag.setAttribute('content', content);
    doc.head.append(tag);
  }
  return doc;
}

describe('readPanelMeta', () => {
  test('reads the token and the Sandbox flag the backend injected', () => {
    const doc = page({ 'modelbridge-token': 'tok-123', 'modelbridge-sandbox': 'true' });
    expect(readPanelMeta(doc)).toEqual({ ok: true, token: 'tok-123', sandbox: true });
    expect(readPanelMeta(page({ 'modelbridge-token': 't', 'modelbridge-sandbox': 'false' }))).toEqual({
      ok: true,
      token: 't',
      sandbox: false,
    });
  });

  test('without a token it explains how to open the panel', () => {
    const meta = readPanelMeta(page({}));
    expect(meta.ok).toBe(false);
    expect(!meta.ok && meta.problem).toMatch(/Open the panel through npm start/);
  });
});

describe('host import', () => {
  function recordingSaver() {
    const saved: MediaSaveRequest[] = [];
    const save = async (request: MediaSaveRequest) => {
      saved.push(request);
      // As the backend does: modelBridge_Media beside the project file, else the data dir's media/.
      const dir = request.projectPath
        ? `${request.projectPath.slice(0, request.projectPath.lastIndexOf('/'))}/modelBridge_Media`
        : '/data/media';
      return { path: `${dir}/${request.fileName}` };
    };
    return { saved, save };
  }

  test('in a plain browser the media is saved into the data dir and its path reported', async () => {
    const { saved, save } = recordingSaver();
    const bridge: HostBridge = {
      isInCep: () => false,
      callHost: () => Promise.reject(new Error('not in Premiere')),
    };
    const host = createHostImport(save, bridge);
    const result = await host.importMedia({
      url: 'https://v3.fal.media/a.png',
      fileName: 'a.png',
      category: 'text-to-image',
    });
    expect(saved).toEqual([{ url: 'https://v3.fal.media/a.png', fileName: 'a.png' }]);
    expect(result).toEqual({ path: '/data/media/a.png' });
  });

  test('in Premiere it saves next to the project (modelBridge_Media) and imports that file', async () => {
    const { saved, save } = recordingSaver();
    const calls: Array<[string, unknown[]]> = [];
    const bridge = {
      isInCep: () => true,
      callHost: async (name: string, args: unknown[]) => {
        calls.push([name, args]);
        if (name === 'projectInfo')
          return { path: '/p/film.prproj', name: 'film', mediaDir: '/p/modelBridge_Media' };
        return { path: args[0], bin: 'modelBridge' };
      },
    } as unknown as HostBridge;
    const host = createHostImport(save, bridge);
    const result = await host.importMedia({
      url: 'https://v3.fal.media/a.mp4',
      fileName: 'a.mp4',
      category: 'text-to-video',
    });
    expect(saved).toEqual([
      { url: 'https://v3.fal.media/a.mp4', fileName: 'a.mp4', projectPath: '/p/film.prproj' },
    ]);
    expect(calls).toEqual([
      ['projectInfo', []],
      ['importMedia', ['/p/modelBridge_Media/a.mp4']],
    ]);
    expect(result).toEqual({ path: '/p/modelBridge_Media/a.mp4' });
  });

  test('a Premiere failure (no project open) is passed on, and nothing is saved', async () => {
    const { saved, save } = recordingSaver();
    const bridge = {
      isInCep: () => true,
      callHost: async () => {
        throw new Error('No Premiere project is open. Open or save a project first.');
      },
    } as unknown as HostBridge;
    await expect(
      createHostImport(save, bridge).importMedia({
        url: 'https://fal.media/x.png',
        fileName: 'x.png',
        category: 'image',
      }),
    ).rejects.toThrow(/No Premiere project is open/);
    expect(saved).toEqual([]);
  });
});

describe('createPanelWiring', () => {
  test("follows Premiere's skin inside CEP and none in a plain browser", () => {
    const options = { origin: 'http://127.0.0.1:9', storage: null };
    expect(createPanelWiring({ token: 't', sandbox: true }, options).skin).toBeNull();
    const fake = createFakeCepSkin([184, 184, 184]);
    window.__adobe_cep__ = fake.runtime;
    try {
      const wiring = createPanelWiring({ token: 't', sandbox: true }, options);
      expect(wiring.skin?.current()).toEqual({ background: '#b8b8b8', scheme: 'light' });
    } finally {
      delete window.__adobe_cep__;
    }
  });

  test('boots from the settings cache when it is valid, and ignores a damaged one', () => {
    const storage = window.localStorage;
    storage.setItem(BOOT_KEYS.settings, JSON.stringify({ ...DEFAULT_PANEL_SETTINGS, currency: 'SEK' }));
    const wiring = createPanelWiring(
      { token: 't', sandbox: true },
      { origin: 'http://127.0.0.1:9', storage },
    );
    expect(wiring.settingsInput).toEqual({
      cached: { ...DEFAULT_PANEL_SETTINGS, currency: 'SEK' },
      sandbox: true,
    });
    storage.setItem(BOOT_KEYS.settings, '{"currency":"GBP"');
    const damaged = createPanelWiring(
      { token: 't', sandbox: false },
      { origin: 'http://127.0.0.1:9', storage },
    );
    expect(damaged.settingsInput).toEqual({ cached: null, sandbox: false });
    expect(damaged.inspect).toBeUndefined();
    storage.clear();
  });

  test('keeps the last settings and the Active generations envelope in Web Storage', async () => {
    const storage = window.localStorage;
    const wiring = createPanelWiring(
      { token: 't', sandbox: true },
      { origin: 'http://127.0.0.1:9', storage },
    );
    wiring.settingsCache.write({ ...DEFAULT_PANEL_SETTINGS, currency: 'EUR' });
    await wiring.activeGenerations.store.write({ v: 1 });
    const again = createPanelWiring({ token: 't', sandbox: true }, { origin: 'http://127.0.0.1:9', storage });
    expect(again.settingsInput.cached?.currency).toBe('EUR');
    expect(again.activeGenerations.stored).toEqual({ v: 1 });
    storage.clear();
  });

  test('drops the stored Active generations key (a damaged save is not read again)', () => {
    const storage = window.localStorage;
    storage.setItem(BOOT_KEYS.activeGenerations, '{"v":1}');
    storage.setItem(BOOT_KEYS.settings, JSON.stringify(DEFAULT_PANEL_SETTINGS));
    const wiring = createPanelWiring(
      { token: 't', sandbox: true },
      { origin: 'http://127.0.0.1:9', storage },
    );
    wiring.activeGenerations.clear();
    expect(storage.getItem(BOOT_KEYS.activeGenerations)).toBeNull();
    expect(storage.getItem(BOOT_KEYS.settings)).not.toBeNull();
    storage.clear();
  });
});
