import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { installPolyfills, type PolyfillTarget } from '../../../src/ui/polyfills.ts';

/**
 * A fresh realm with the APIs Chromium 88 lacks deleted, then polyfilled: each test runs code in it, so
 * it exercises the polyfill, never the host's own implementation.
 */
function chromium88Realm() {
  const context = createContext({ AbortController, AbortSignal: class {}, DOMException, setTimeout });
  runInContext(
    `delete Array.prototype.at; delete Array.prototype.findLast; delete Array.prototype.findLastIndex;
     delete Array.prototype.toSorted; delete Array.prototype.toReversed; delete String.prototype.at;
     delete Object.hasOwn; delete globalThis.structuredClone;`,
    context,
  );
  // AbortSignal statics are installed on a stand-in class, so the host's real AbortSignal stays intact.
  const Signal = runInContext('AbortSignal', context) as typeof AbortSignal;
  Object.assign(context, {
    crypto: { getRandomValues: (a: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(a) },
  });
  installPolyfills(runInContext('globalThis', context) as PolyfillTarget);
  return { run: (code: string): unknown => runInContext(code, context), Signal };
}

describe('panel polyfills (CEP 11 / Chromium 88)', () => {
  it('starts from a realm that really lacks the APIs', () => {
    const bare = createContext({});
    runInContext('delete Array.prototype.at; delete Object.hasOwn;', bare);
    expect(runInContext('typeof [].at + typeof Object.hasOwn', bare)).toBe('undefinedundefined');
  });

  it('at() reads from either end like the built-in, on arrays and strings', () => {
    const { run } = chromium88Realm();
    expect(run('[1, 2, 3].at(-1)')).toBe(3);
    expect(run('[1, 2, 3].at(0)')).toBe(1);
    expect(run('[1, 2, 3].at(3)')).toBeUndefined();
    expect(run('[1, 2, 3].at(-4)')).toBeUndefined();
    expect(run("'abc'.at(-1)")).toBe('c');
    expect(run('Object.keys(Array.prototype).includes("at")')).toBe(false);
  });

  it('findLast, findLastIndex, toSorted and toReversed leave the array as it was', () => {
    const { run } = chromium88Realm();
    expect(run('[1, 2, 3, 4].findLast((n) => n % 2 === 1)')).toBe(3);
    expect(run('[1, 2, 3, 4].findLastIndex((n) => n > 9)')).toBe(-1);
    expect(run('const a = [3, 1, 2]; JSON.stringify([a.toSorted(), a.toReversed(), a])')).toBe(
      '[[1,2,3],[2,1,3],[3,1,2]]',
    );
  });

  it('Object.hasOwn sees own keys only', () => {
    const { run } = chromium88Realm();
    expect(run("Object.hasOwn({ a: 1 }, 'a')")).toBe(true);
    expect(run("Object.hasOwn(Object.create({ a: 1 }), 'a')")).toBe(false);
  });

  it('structuredClone copies deeply, keeps cycles, Maps and Dates, and refuses functions', () => {
    const { run } = chromium88Realm();
    expect(
      run(`const o = { d: new Date(5), m: new Map([['k', [1]]]) }; o.self = o;
           const c = structuredClone(o);
           [c !== o, c.self === c, c.d.getTime(), c.m.get('k')[0], c.m.get('k') !== o.m.get('k')].join()`),
    ).toBe('true,true,5,1,true');
    expect(() => run('structuredClone({ f() {} })')).toThrow(/could not be cloned/);
  });

  it('AbortSignal.timeout aborts after its delay; AbortSignal.any follows the first abort', async () => {
    const { Signal } = chromium88Realm();
    const timed = Signal.timeout(5);
    expect(timed.aborted).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(timed.aborted).toBe(true);
    const a = new AbortController();
    const b = new AbortController();
    const either = Signal.any([a.signal, b.signal]);
    b.abort('stop');
    expect([either.aborted, either.reason]).toEqual([true, 'stop']);
  });

  it('crypto.randomUUID gives distinct version-4 UUIDs', () => {
    const { run } = chromium88Realm();
    const [a, b] = run('[crypto.randomUUID(), crypto.randomUUID()]') as string[];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
