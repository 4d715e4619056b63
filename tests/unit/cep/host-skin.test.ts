import { describe, expect, test } from 'vitest';
import { createHostSkinSource, skinFromEnvironment } from '../../../src/cep/host-skin.ts';
import { createFakeCepSkin } from '../../fixtures/fake-csinterface.ts';

const environment = (color: object) => JSON.stringify({ appSkinInfo: { panelBackgroundColor: { color } } });

describe("Premiere's skin from CEP's host environment", () => {
  test.each([
    [
      { red: 29, green: 29, blue: 29 },
      { background: '#1d1d1d', scheme: 'dark' },
    ],
    [
      { red: 50, green: 50, blue: 50 },
      { background: '#323232', scheme: 'dark' },
    ],
    [
      { red: 184, green: 184, blue: 184 },
      { background: '#b8b8b8', scheme: 'light' },
    ],
    // CEP reports channels as floats.
    [
      { red: 83.0001, green: 83.0001, blue: 82.9999 },
      { background: '#535353', scheme: 'dark' },
    ],
  ])('%o reads as %o', (color, skin) => {
    expect(skinFromEnvironment(environment(color))).toEqual(skin);
  });

  test.each([
    ['not JSON', '{appSkinInfo'],
    ['no skin', JSON.stringify({ appName: 'PPRO' })],
    ['a channel out of range', environment({ red: 300, green: 0, blue: 0 })],
    ['a channel as text', environment({ red: '50', green: 50, blue: 50 })],
  ])('%s gives no skin, so the panel keeps its default', (_, json) => {
    expect(skinFromEnvironment(json)).toBeNull();
  });

  test('outside CEP, or with a runtime that has no host environment, there is no skin source', () => {
    expect(createHostSkinSource(undefined)).toBeNull();
    expect(createHostSkinSource({ evalScript: () => {} })).toBeNull();
  });

  test('the source keeps one object until the colour changes, and tells subscribers on ThemeColorChanged', () => {
    const fake = createFakeCepSkin([50, 50, 50]);
    const source = createHostSkinSource(fake.runtime);
    if (!source) throw new Error('expected a skin source');
    const first = source.current();
    expect(source.current()).toBe(first);
    let calls = 0;
    const unsubscribe = source.subscribe(() => calls++);
    expect(fake.listeners()).toBe(1);
    fake.setPanelColour([184, 184, 184]);
    expect(calls).toBe(1);
    expect(source.current()).toEqual({ background: '#b8b8b8', scheme: 'light' });
    expect(source.current()).not.toBe(first);
    unsubscribe();
    expect(fake.listeners()).toBe(0);
    fake.setPanelColour([29, 29, 29]);
    expect(calls).toBe(1);
  });
});
