import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { defineLoadSettingsActor } from '../../../../src/machines/settings/load-settings.actor.ts';
import { settingsMachine } from '../../../../src/machines/settings/settings.machine.ts';
import {
  selectFormErrors,
  selectPhase,
  selectReason,
} from '../../../../src/machines/settings/settings.selectors.ts';
import type {
  SaveSettingsInput,
  SettingsLoadOutput,
} from '../../../../src/machines/settings/settings-ports.ts';
import { controlledPromise, flush } from '../../../fixtures/machines/controlled-actors.ts';
import {
  DEFAULT_PANEL_SETTINGS,
  memorySettingsBackend,
  portFailure,
  SANDBOX_BACKEND,
  settingsLogic,
} from '../../../dom/settings/settings-fixtures.ts';

function started(backend = memorySettingsBackend(), input = {}) {
  return createActor(settingsLogic(backend), { input }).start();
}

const isIdle = (s: { matches: (v: 'ready') => boolean }) => s.matches('ready');

describe('settings machine: loading', () => {
  it('shows the boot cache at once, then the backend’s settings and data dir', async () => {
    const backend = memorySettingsBackend({ ...DEFAULT_PANEL_SETTINGS, currency: 'SEK' });
    const cached = { ...DEFAULT_PANEL_SETTINGS, currency: 'EUR' as const };
    const actor = started(backend, { cached, sandbox: true });
    expect(actor.getSnapshot().value).toBe('loading');
    expect(actor.getSnapshot().context.settings?.currency).toBe('EUR');
    expect(actor.getSnapshot().context.fromCache).toBe(true);
    const ready = await waitFor(actor, isIdle);
    expect(ready.context.settings?.currency).toBe('SEK');
    expect(ready.context.fromCache).toBe(false);
    expect(ready.context.backend).toEqual(SANDBOX_BACKEND);
    actor.stop();
  });

  it('goes to error with the reason when the backend is offline, and RETRY loads again', async () => {
    const backend = memorySettingsBackend();
    backend.failWith = portFailure('The modelBridge backend could not be reached.', true);
    const actor = started(backend);
    const failed = await waitFor(actor, (s) => s.matches('error'));
    expect(selectReason(failed)).toBe('The modelBridge backend could not be reached.');
    expect(failed.hasTag('error')).toBe(true);
    backend.failWith = null;
    actor.send({ type: 'RETRY' });
    expect(selectPhase(actor.getSnapshot())).toBe('loading');
    await waitFor(actor, isIdle);
    actor.stop();
  });
});

describe('settings machine: saving', () => {
  it('SAVE sends the patch and shows what the backend now holds', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE', patch: { currency: 'EUR', confirmUnpriced: false } });
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    const ready = await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([{ currency: 'EUR', confirmUnpriced: false }]);
    expect(ready.context.settings?.currency).toBe('EUR');
    expect(ready.context.settings?.confirmUnpriced).toBe(false);
    actor.stop();
  });

  it.each([
    [
      { eur: '0,9', sek: '10.5', asOf: '2026-01-15' },
      { rates: { EUR: 0.9, SEK: 10.5 }, asOf: '2026-01-15' },
    ],
    [
      { eur: ' 0.86 ', sek: '9.4', asOf: '2025-10-01' },
      { rates: { EUR: 0.86, SEK: 9.4 }, asOf: '2025-10-01' },
    ],
    // A blank day is left out: the backend dates the rates today.
    [{ eur: '0.86', sek: '9.4', asOf: ' ' }, { rates: { EUR: 0.86, SEK: 9.4 } }],
  ])('SAVE_RATES %j sends fx %j', async (form, fx) => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE_RATES', form });
    await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([{ fx }]);
    expect(actor.getSnapshot().context.settings?.fx.source).toBe('manual');
    actor.stop();
  });

  it.each([
    [{ eur: '-1', sek: '9.4', asOf: '2025-10-01' }, /EUR rate "-1" is not a positive number/],
    [{ eur: '0.86', sek: '940', asOf: '2025-10-01' }, /SEK rate 940 is outside 1–100/],
    [{ eur: '0.86', sek: '9.4', asOf: '2025-02-30' }, /not a real day/],
  ])('SAVE_RATES %j is refused with a clear error and sends nothing', async (form, message) => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE_RATES', form });
    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('ready');
    expect(selectFormErrors('rates')(snapshot).join(' ')).toMatch(message);
    await flush();
    expect(backend.patches).toEqual([]);
    actor.send({ type: 'SAVE_RATES', form: { eur: '0.9', sek: '10', asOf: '2026-01-01' } });
    expect(selectFormErrors('rates')(actor.getSnapshot())).toEqual([]);
    actor.stop();
  });

  it.each([
    [
      { single: '5.5', dual: '8' },
      { singleUsdMicros: 5_500_000, dualUsdMicros: 8_000_000 },
    ],
    [
      { single: '0', dual: '12,25' },
      { singleUsdMicros: 0, dualUsdMicros: 12_250_000 },
    ],
  ])('SAVE_THRESHOLDS %j (dollars) stores %j (micro-USD)', async (form, thresholds) => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE_THRESHOLDS', form });
    await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([{ thresholds }]);
    actor.stop();
  });

  it.each([
    [{ single: 'five', dual: '8' }, /single-run threshold "five" is not an amount/],
    [{ single: '5', dual: '-1' }, /Dual Mode threshold cannot be negative/],
  ])('SAVE_THRESHOLDS %j is refused', async (form, message) => {
    const actor = started();
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE_THRESHOLDS', form });
    expect(selectFormErrors('thresholds')(actor.getSnapshot()).join(' ')).toMatch(message);
    expect(actor.getSnapshot().value).toBe('ready');
    actor.stop();
  });

  it('SAVE_WINDOWS checks whole seconds from 1 to 3600', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE_WINDOWS', form: { image: '0', video: '90', audio: '2.5' } });
    expect(selectFormErrors('windows')(actor.getSnapshot())).toHaveLength(2);
    actor.send({ type: 'SAVE_WINDOWS', form: { image: '15', video: '120', audio: '30' } });
    await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([{ foregroundWindowsSec: { image: 15, video: 120, audio: 30 } }]);
    actor.stop();
  });

  it('a refused change leaves the settings unchanged and says why', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    backend.failWith = portFailure('asOf must be a date like 2026-05-01.', false);
    actor.send({ type: 'SAVE', patch: { currency: 'SEK' } });
    const ready = await waitFor(actor, isIdle);
    expect(ready.context.saveError).toBe('asOf must be a date like 2026-05-01.');
    expect(ready.context.settings?.currency).toBe('USD');
    actor.stop();
  });

  it('an unreachable backend keeps the change for RETRY, which sends it again', async () => {
    const backend = memorySettingsBackend();
    const actor = started(backend);
    await waitFor(actor, isIdle);
    backend.failWith = portFailure('offline', true);
    actor.send({ type: 'SAVE', patch: { currency: 'SEK' } });
    const failed = await waitFor(actor, (s) => s.matches('error'));
    expect(failed.context.failed).toEqual({ currency: 'SEK' });
    backend.failWith = null;
    actor.send({ type: 'RETRY' });
    await waitFor(actor, isIdle);
    expect(backend.patches).toEqual([{ currency: 'SEK' }]);
    expect(actor.getSnapshot().context.settings?.currency).toBe('SEK');
    actor.stop();
  });

  it('changes made while saving are merged and sent once the first save is done', async () => {
    const save = controlledPromise<SettingsLoadOutput, SaveSettingsInput>('saveSettings');
    const backend = memorySettingsBackend();
    const deps = { settings: backend.port, backend: backend.port };
    const logic = settingsMachine.provide({
      actors: { loadSettings: defineLoadSettingsActor(deps), saveSettings: save.logic },
    });
    const actor = createActor(logic, { input: {} }).start();
    await waitFor(actor, isIdle);
    actor.send({ type: 'SAVE', patch: { currency: 'EUR' } });
    actor.send({ type: 'SAVE', patch: { currency: 'SEK' } });
    actor.send({ type: 'SAVE_THRESHOLDS', form: { single: '6', dual: '9' } });
    expect(save.calls.map((c) => c.input.patch)).toEqual([{ currency: 'EUR' }]);
    save.last().resolve({ settings: { ...DEFAULT_PANEL_SETTINGS, currency: 'EUR' } });
    await flush();
    expect(save.calls.map((c) => c.input.patch)).toEqual([
      { currency: 'EUR' },
      { currency: 'SEK', thresholds: { singleUsdMicros: 6_000_000, dualUsdMicros: 9_000_000 } },
    ]);
    save.last().resolve({ settings: { ...DEFAULT_PANEL_SETTINGS, currency: 'SEK' } });
    await flush();
    expect(actor.getSnapshot().value).toBe('ready');
    actor.stop();
  });
});
