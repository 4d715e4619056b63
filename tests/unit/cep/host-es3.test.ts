import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'acorn';
import * as prettier from 'prettier';
import { describe, expect, test } from 'vitest';
import { createFakePremiere, ES5_BUILTINS } from '../../fixtures/fake-premiere.ts';

const hostDir = new URL('../../../src/cep/host/', import.meta.url);
const hostFiles = readdirSync(hostDir).filter((name) => name.endsWith('.jsx'));
const source = (name: string) => readFileSync(new URL(name, hostDir), 'utf8');
// 'never': keywords are not property names either (`o.default`), as in the old engines ExtendScript resembles.
const parseEs3 = (code: string) =>
  parse(code, { ecmaVersion: 3, sourceType: 'script', allowReserved: 'never' });

describe('ExtendScript host is ES3', () => {
  test('there is a host script to check', () => {
    expect(hostFiles).toContain('modelbridge.jsx');
  });

  test.each(hostFiles)('%s parses as ECMAScript 3', (name) => {
    expect(() => parseEs3(source(name))).not.toThrow();
  });

  test.each([
    ['a trailing comma in an object', 'var o = { a: 1, };'],
    ['a trailing comma in a call', 'f(1,\n);'],
    ['let', 'let a = 1;'],
    ['an arrow function', 'var f = function () {}; f = () => 1;'],
    ['a reserved word as a property', 'var o = {}; o.default = 1;'],
  ])('the ES3 parse refuses %s', (_what, code) => {
    expect(() => parseEs3(code)).toThrow();
  });

  test.each(hostFiles)(
    '%s is prettier-formatted with trailing commas off, which keeps it ES3',
    async (name) => {
      const file = new URL(name, hostDir).pathname;
      const options = { ...(await prettier.resolveConfig(file)), filepath: file };
      expect(options.trailingComma).toBe('none');
      expect(await prettier.format(source(name), options)).toBe(source(name));
      // Without the override, prettier's project default (trailing commas everywhere) breaks ES3.
      const withCommas = await prettier.format(source(name), { ...options, trailingComma: 'all' });
      expect(() => parseEs3(withCommas)).toThrow();
    },
  );

  test('type-checks against the Premiere ExtendScript types (types-for-adobe)', () => {
    const tsc = new URL('../../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
    const project = new URL('tsconfig.json', hostDir).pathname;
    expect(() => execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' })).not.toThrow();
  });
});

describe('the fake Premiere runs the host as ExtendScript would', () => {
  test('its realm has none of the ES5 built-ins ExtendScript lacks', () => {
    const fake = createFakePremiere();
    for (const name of ES5_BUILTINS) expect(fake.evaluate(`typeof ${name}`), name).toBe('undefined');
  });

  test('the host script registers its namespace there', () => {
    const fake = createFakePremiere();
    expect(fake.evaluate("typeof $.global['com.modelbridge.panel'].importMedia")).toBe('function');
  });

  test('importMedia without a path answers with an error reply, not a throw', () => {
    const fake = createFakePremiere();
    expect(fake.evaluate("$.global['com.modelbridge.panel'].importMedia('')")).toBe(
      '{"ok":false,"error":"No file to import was given."}',
    );
    expect(fake.imports).toEqual([]);
  });
});
