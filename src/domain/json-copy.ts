/**
 * A deep copy of a JSON value (a persisted snapshot, a stored envelope). Used instead of
 * `structuredClone`, which Premiere's CEP 11 panel browser (Chromium 88) lacks; persisted data is plain
 * JSON by design, so the JSON round trip loses nothing (keys holding `undefined` read back as absent).
 */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
