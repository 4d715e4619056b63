import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { cepConfig } from '../../../src/cep/cep-config.ts';
import { renderManifest } from '../../../src/cep/manifest.ts';

const xml = renderManifest(cepConfig, '4.5.6');
const tag = (name: string) =>
  [...xml.matchAll(new RegExp(`<${name}[^>]*>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

/** Width, height and whether any pixel is visible, read from a PNG's IHDR and IDAT chunks. */
async function readPng(path: string) {
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const idat = bytes.indexOf('IDAT');
  const pixels = inflateSync(bytes.subarray(idat + 4, idat + 4 + bytes.readUInt32BE(idat - 4)));
  // Each row is a filter byte then RGBA; alpha is the fourth byte of a pixel.
  const stride = 1 + width * 4;
  let visible = 0;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) if (pixels[y * stride + 1 + x * 4 + 3]! > 0) visible += 1;
  return { width, height, visible };
}

describe('CSXS manifest', () => {
  test('carries the bundle id and the version it is given', () => {
    expect(xml).toContain('ExtensionBundleId="com.modelbridge.panel" ExtensionBundleVersion="4.5.6"');
    expect(xml).toContain('<Extension Id="com.modelbridge.panel.main" Version="4.5.6" />');
  });

  test('targets Premiere Pro 2023 (23.0) and later on CSXS 11 and later', () => {
    expect(xml).toContain('<Host Name="PPRO" Version="[23.0,99.9]" />');
    expect(xml).toContain('<RequiredRuntime Name="CSXS" Version="[11.0,99.9]" />');
  });

  test('opens the loader page with Node enabled in a mixed context', () => {
    expect(tag('MainPath')).toEqual(['./loader/index.html']);
    expect(tag('Parameter')).toEqual(['--enable-nodejs', '--mixed-context']);
  });

  test('sizes the panel: default, minimum and maximum', () => {
    expect(xml).toMatch(/<Size><Width>420<\/Width><Height>720<\/Height><\/Size>/);
    expect(xml).toMatch(/<MinSize><Width>320<\/Width><Height>400<\/Height><\/MinSize>/);
    expect(xml).toMatch(/<MaxSize><Width>1600<\/Width><Height>2400<\/Height><\/MaxSize>/);
  });

  test('names an icon for light and dark skins, and each is a visible 23 x 23 PNG in the repo', async () => {
    const icons = [...xml.matchAll(/<Icon Type="(\w+)">([^<]+)<\/Icon>/g)].map((m) => [m[1], m[2]]);
    expect(icons.map(([type]) => type)).toEqual(['Normal', 'RollOver', 'DarkNormal', 'DarkRollOver']);
    for (const [, path] of icons) {
      const png = await readPng(join('src', 'cep', path!));
      expect(png).toMatchObject({ width: 23, height: 23 });
      expect(png.visible).toBeGreaterThan(50);
      expect(png.visible).toBeLessThan(23 * 23);
    }
  });
});
