/**
 * Runtime APIs the panel's dependencies call that Premiere's CEP 11 browser (Chromium 88) lacks, each
 * installed only where missing. Our own code avoids them (tests/unit/build/panel-apis.test.ts); these
 * cover the libraries: Mantine's shallowEqual calls `Object.hasOwn`, its useMatches `findLastIndex`, and
 * fal's realtime client `crypto.randomUUID`. The rest of the list is what a library update is likely to
 * reach for next. main.tsx imports this module first, so it runs before any other panel module.
 */

/** The API names this module provides, as `Owner.name` (the build check compares the bundle to it). */
export const POLYFILLED_APIS = [
  'AbortSignal.timeout',
  'AbortSignal.any',
  'Array.prototype.at',
  'Array.prototype.findLast',
  'Array.prototype.findLastIndex',
  'Array.prototype.toReversed',
  'Array.prototype.toSorted',
  'String.prototype.at',
  'Object.hasOwn',
  'crypto.randomUUID',
  'structuredClone',
] as const;

type Predicate = (value: unknown, index: number, array: unknown[]) => unknown;

/** Defines `name` on `target` like a built-in (non-enumerable), unless the runtime already has it. */
function provide(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

/** A relative index as `at()` reads it: negative counts from the end, out of range is undefined. */
function relativeIndex(length: number, index: number): number {
  const whole = Math.trunc(index) || 0;
  return whole < 0 ? length + whole : whole;
}

function installArrayMethods(arrayProto: unknown[], stringProto: object): void {
  provide(arrayProto, 'at', function at(this: unknown[], index: number) {
    const i = relativeIndex(this.length, index);
    return i < 0 || i >= this.length ? undefined : this[i];
  });
  provide(stringProto, 'at', function at(this: string, index: number) {
    const s = String(this);
    const i = relativeIndex(s.length, index);
    return i < 0 || i >= s.length ? undefined : s.charAt(i);
  });
  provide(arrayProto, 'findLastIndex', function findLastIndex(this: unknown[], test: Predicate) {
    for (let i = this.length - 1; i >= 0; i--) if (test(this[i], i, this)) return i;
    return -1;
  });
  provide(arrayProto, 'findLast', function findLast(this: unknown[], test: Predicate) {
    for (let i = this.length - 1; i >= 0; i--) if (test(this[i], i, this)) return this[i];
    return undefined;
  });
  provide(arrayProto, 'toReversed', function toReversed(this: unknown[]) {
    return Array.prototype.slice.call(this).reverse();
  });
  provide(
    arrayProto,
    'toSorted',
    function toSorted(this: unknown[], compare?: (a: unknown, b: unknown) => number) {
      return Array.prototype.slice.call(this).sort(compare);
    },
  );
}

function installAbortSignalStatics(signal: typeof AbortSignal, Controller: typeof AbortController): void {
  // Chromium 88 ignores abort(reason): a fetch then rejects with an AbortError, not a TimeoutError.
  provide(signal, 'timeout', function timeout(ms: number) {
    const controller = new Controller();
    setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
    return controller.signal;
  });
  provide(signal, 'any', function any(signals: Iterable<AbortSignal>) {
    const controller = new Controller();
    for (const each of signals) {
      if (each.aborted) {
        controller.abort(each.reason);
        break;
      }
      each.addEventListener('abort', () => controller.abort(each.reason), { once: true });
    }
    return controller.signal;
  });
}

/** A v4 UUID from getRandomValues (which Chromium 88 has), formatted as randomUUID formats it. */
function randomUuid(crypto: Crypto): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * structuredClone for the data the libraries clone: plain objects, arrays, Date, Map, Set, RegExp and
 * typed arrays, cycles kept. Functions and DOM nodes throw a DataCloneError, as the real one does.
 */
function cloneStructured(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new DOMException(`${String(value)} could not be cloned.`, 'DataCloneError');
  }
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  // Tags, not instanceof, so values from another realm (an iframe) are recognised too.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') return new Date((value as Date).getTime());
  if (tag === '[object RegExp]') return new RegExp((value as RegExp).source, (value as RegExp).flags);
  if (ArrayBuffer.isView(value)) return (value as unknown as { slice(): unknown }).slice();
  if (tag === '[object Map]') {
    const copy = new Map();
    seen.set(value, copy);
    for (const [k, v] of value as Map<unknown, unknown>)
      copy.set(cloneStructured(k, seen), cloneStructured(v, seen));
    return copy;
  }
  if (tag === '[object Set]') {
    const copy = new Set();
    seen.set(value, copy);
    for (const v of value as Set<unknown>) copy.add(cloneStructured(v, seen));
    return copy;
  }
  const copy = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
  seen.set(value, copy);
  for (const key of Object.keys(value))
    copy[key] = cloneStructured((value as Record<string, unknown>)[key], seen);
  return copy;
}

/** The globals the polyfills attach to: `globalThis` in the panel, another realm's global in tests. */
export interface PolyfillTarget {
  Array: { prototype: unknown[] };
  String: { prototype: object };
  Object: ObjectConstructor;
  AbortSignal?: typeof AbortSignal;
  AbortController?: typeof AbortController;
  crypto?: Crypto;
}

/** Installs every missing API in {@link POLYFILLED_APIS} on `target`; present ones are left alone. */
export function installPolyfills(target: PolyfillTarget = globalThis as unknown as PolyfillTarget): void {
  installArrayMethods(target.Array.prototype, target.String.prototype);
  provide(target.Object, 'hasOwn', (object: object, key: PropertyKey) =>
    // biome-ignore lint/suspicious/noPrototypeBuiltins: this is Object.hasOwn, for runtimes without it.
    Object.prototype.hasOwnProperty.call(object, key),
  );
  if (target.AbortSignal && target.AbortController) {
    installAbortSignalStatics(target.AbortSignal, target.AbortController);
  }
  const crypto = target.crypto;
  if (crypto && typeof crypto.getRandomValues === 'function') {
    provide(crypto, 'randomUUID', () => randomUuid(crypto));
  }
  provide(target, 'structuredClone', (value: unknown) => cloneStructured(value));
}

installPolyfills();
