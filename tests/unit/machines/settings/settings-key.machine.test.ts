import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { defineLoadSettingsActor } from '../../../../src/machines/settings/load-settings.actor.ts';
import { defineSaveSettingsActor } from '../../../../src/machines/settings/save-settings.actor.ts';
import { notProvidedMessage } from '../../../../src/machines/generation/generation-placeholders.ts';
import { settingsMachine } from '../../../../src/machines/settings/settings.machine.ts';
import { selectKeyStatus, selectReason } from '../../../../src/machines/settings/settings.selectors.ts';
import {
  GOOD_KEY,
  memorySettingsBackend,
  portFailure,
  settingsLogic,
} from '../../../dom/settings/settings-fixtures.ts';

function started(backend = memorySettingsBackend(), input = {}) {
  return createActor(settingsLogic(backend), { input }).start();
}

const isIdle = (s: { matches: (v: 'ready') => boolean }) => s.matches('ready');

describe('settings machine: the fal key is write-only', () => {
  it('SET_KEY checks the key (Checking…, then Connected) and never keeps it in context', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    const seen: string[] = [];
    actor.subscribe((s) => seen.push(JSON.stringify(s.context)));
    actor.send({ type: 'SET_KEY', key: `  ${GOOD_KEY} ` });
    expect(selectKeyStatus(actor.getSnapshot())).toBe('checking');
    const ready = await waitFor(actor, isIdle);
    expect(selectKeyStatus(ready)).toBe('connected');
    expect(backend.patches).toEqual([{ falKey: GOOD_KEY }]);
    // A saved key ends Sandbox mode (the backend was asked again after the key change).
    expect(ready.context.backend.sandbox).toBe(false);
    expect(seen.some((json) => json.includes(GOOD_KEY))).toBe(false);
    expect(JSON.stringify(actor.getPersistedSnapshot())).not.toContain(GOOD_KEY);
    actor.stop();
  });

  it('a key fal rejects shows Invalid key; REMOVE_KEY returns to No key', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SET_KEY', key: 'wrong-id:wrong-secret' });
    expect(selectKeyStatus(await waitFor(actor, isIdle))).toBe('invalid');
    actor.send({ type: 'REMOVE_KEY' });
    expect(selectKeyStatus(actor.getSnapshot())).toBe('removing');
    expect(selectKeyStatus(await waitFor(actor, isIdle))).toBe('none');
    expect(backend.patches.at(-1)).toEqual({ falKey: null });
    actor.stop();
  });

  it('an empty key is refused before anything is sent', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SET_KEY', key: '   ' });
    expect(actor.getSnapshot().context.keyError).toMatch(/Paste your fal key/);
    expect(actor.getSnapshot().value).toBe('ready');
    expect(backend.patches).toEqual([]);
    actor.stop();
  });

  it('a malformed key refused by the backend is reported beside the key, not as a settings error', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    backend.failWith = portFailure('The fal key must not contain spaces or line breaks.', false);
    actor.send({ type: 'SET_KEY', key: 'a b' });
    const ready = await waitFor(actor, isIdle);
    expect(ready.context.keyError).toBe('The fal key must not contain spaces or line breaks.');
    expect(ready.context.saveError).toBeNull();
    actor.stop();
  });

  it('a key that could not be sent is not kept for RETRY: the reason asks to paste it again', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    backend.failWith = portFailure('offline', true);
    actor.send({ type: 'SET_KEY', key: GOOD_KEY });
    const failed = await waitFor(actor, (s) => s.matches('error'));
    expect(selectReason(failed)).toMatch(/paste it again/);
    expect(failed.context.failed).toBeNull();
    backend.failWith = null;
    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('loading');
    await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([]);
    actor.stop();
  });
});

describe('settings machine: placeholders', () => {
  it.each(['loadSettings', 'saveSettings'])('%s fails loudly when not provided', async (name) => {
    const backend = memorySettingsBackend();
    const deps = { settings: backend.port, backend: backend.port };
    const logic =
      name === 'loadSettings'
        ? settingsMachine
        : settingsMachine.provide({ actors: { loadSettings: defineLoadSettingsActor(deps) } });
    const actor = createActor(logic, { input: {} }).start();
    if (name === 'saveSettings') {
      await waitFor(actor, isIdle);
      actor.send({ type: 'SAVE', patch: { currency: 'EUR' } });
    }
    const failed = await waitFor(actor, (s) => s.matches('error'));
    expect(failed.context.reason).toBe(notProvidedMessage(name));
    actor.stop();
  });

  it('the save actor keeps a successful save when the Sandbox re-read fails', async () => {
    const backend = memorySettingsBackend();
    const save = defineSaveSettingsActor({
      settings: backend.port,
      backend: { health: () => Promise.reject(new Error('offline')) },
    });
    const actor = createActor(save, { input: { patch: { falKey: GOOD_KEY } } }).start();
    const done = await waitFor(actor, (s) => s.status === 'done');
    expect(done.output?.settings.falKey).toBe('valid');
    expect(done.output?.backend).toBeUndefined();
  });
});
