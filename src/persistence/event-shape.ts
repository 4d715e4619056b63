// No Node imports here: the browser cache uses this check too.

/** An event as read from disk: the envelope is checked, the payload is trusted (it was validated on append). */
export interface StoredEvent {
  id: string;
  type: string;
  at: string;
  epoch: number;
  v: number;
  [key: string]: unknown;
}

/** Cheap envelope check: id/type/at strings, v a non-negative integer, epoch a non-negative integer. */
export function isStoredEvent(value: unknown): value is StoredEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    e.id.length > 0 &&
    typeof e.type === 'string' &&
    typeof e.at === 'string' &&
    Number.isInteger(e.v) &&
    (e.v as number) >= 0 &&
    Number.isInteger(e.epoch) &&
    (e.epoch as number) >= 0
  );
}
