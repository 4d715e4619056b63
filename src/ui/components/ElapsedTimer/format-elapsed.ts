/**
 * Formats elapsed milliseconds as `m:ss` (minutes unbounded, so 75 minutes is `75:00`); negative
 * values (a clock that moved backwards) show `0:00`. Whole seconds only, rounded down.
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The same elapsed time spelt out for screen readers: "1 minute 5 seconds". */
export function describeElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  const secondsText = `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  if (minutes === 0) return secondsText;
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ${secondsText}`;
}
