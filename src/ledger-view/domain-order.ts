/**
 * Positions in the domain's costItems order, which decides the first spelling a breakdown, a pool's
 * client and the tag list show: generations in the object-key order of `state.generations` (keys that
 * are array indices first, ascending, then the rest in creation order), then externals as imported,
 * then pool shares. Plain numbers so comparing two positions is cheap.
 */

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
const INDEX_LIMIT = 2 ** 32 - 1;
const EXTERNALS_FROM = 2 ** 40;
const SHARES_FROM = 2 ** 41;

/** True when JavaScript orders `key` as an array index (before every other key of an object). */
function isIndexKey(key: string): boolean {
  return ARRAY_INDEX.test(key) && Number(key) < INDEX_LIMIT;
}

/** The position of a generation created as the `created`-th (0-based) of its epoch. */
export function generationOrd(genId: string, created: number): number {
  return isIndexKey(genId) ? Number(genId) - INDEX_LIMIT : created;
}

/** The position of the `index`-th external row. */
export const externalOrd = (index: number): number => EXTERNALS_FROM + index;

/** The position of the `index`-th pool share (pools in object order, each pool's shares in order). */
export const shareOrd = (index: number): number => SHARES_FROM + index;
