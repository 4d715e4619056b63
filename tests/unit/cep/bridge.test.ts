import { describe, expect, test } from 'vitest';
import { callHost, isInCep } from '../../../src/cep/bridge.ts';
import { cepConfig } from '../../../src/cep/cep-config.ts';
import { renderDebugFile, renderManifest } from '../../../src/cep/manifest.ts';
import { createFakePremiere } from '../../fixtures/fake-premiere.ts';

describe('CEP bridge against the real host script with a fake Premiere', () => {
  test('ping answers through the namespace', async () => {
    const { runtime } = createFakePremiere();
    expect(isInCep(runtime)).toBe(true);
    await expect(callHost('ping', [], runtime)).resolves.toBe('pong');
  });

  test('projectInfo gives the media folder beside the project file', async () => {
    const { runtime } = createFakePremiere({ projectPath: '/Users/ed/Hero Film/hero.prproj' });
    await expect(callHost('projectInfo', [], runtime)).resolves.toEqual({
      path: '/Users/ed/Hero Film/hero.prproj',
      name: 'hero.prproj',
      mediaDir: '/Users/ed/Hero Film/modelBridge_Media',
    });
  });

  test('importMedia imports into one modelBridge bin, created once', async () => {
    const fake = createFakePremiere();
    const odd = '/media/clip "quoted" \\ back\nslash.mp4';
    await callHost('importMedia', ['/media/a.mp4'], fake.runtime);
    await expect(callHost('importMedia', [odd], fake.runtime)).resolves.toEqual({
      path: odd,
      bin: 'modelBridge',
    });
    expect(fake.imports).toEqual([
      { paths: ['/media/a.mp4'], bin: 'modelBridge' },
      { paths: [odd], bin: 'modelBridge' },
    ]);
    expect(fake.bins()).toBe(1);
  });

  test('host errors reject with the host message, not a thrown raw string', async () => {
    await expect(
      callHost('projectInfo', [], createFakePremiere({ projectPath: null }).runtime),
    ).rejects.toThrow(/No Premiere project is open/);
    await expect(
      callHost('importMedia', ['/x.mp4'], createFakePremiere({ importSucceeds: false }).runtime),
    ).rejects.toThrow(/could not import \/x.mp4/);
  });

  test('outside CEP the call rejects with a clear message', async () => {
    expect(isInCep(undefined)).toBe(false);
    await expect(callHost('ping', [], undefined)).rejects.toThrow(/outside Premiere Pro/);
  });

  test('an unparseable host answer is reported', async () => {
    const runtime = { evalScript: (_s: string, cb: (r: string) => void) => cb('EvalScript error.') };
    await expect(callHost('ping', [], runtime)).rejects.toThrow(/unexpected answer to ping/);
  });
});

describe('manifest', () => {
  test('declares the PPRO host, the panel page, the host script and Node', () => {
    const xml = renderManifest(cepConfig, '1.2.3');
    expect(xml).toContain('ExtensionBundleId="com.modelbridge.panel"');
    expect(xml).toContain('<Host Name="PPRO" Version="[23.0,99.9]" />');
    expect(xml).toContain('<MainPath>./loader/index.html</MainPath>');
    expect(xml).toContain('<ScriptPath>./host/modelbridge.jsx</ScriptPath>');
    expect(xml).toContain('<Parameter>--enable-nodejs</Parameter>');
    expect(xml).toContain('<MinSize><Width>320</Width>');
  });

  test('escapes config values', () => {
    const xml = renderManifest({ ...cepConfig, displayName: 'A & <B>' }, '1.2.3');
    expect(xml).toContain('ExtensionBundleName="A &amp; &lt;B&gt;"');
    expect(renderDebugFile(cepConfig, 9000)).toContain('Port="9000"');
  });
});
