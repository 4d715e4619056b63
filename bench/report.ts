/** Shared helpers for bench files: statistics and one uniform PASS/FAIL line per target. */

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds with sensible precision, e.g. "0.412 ms" or "312 ms". */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(3)} ms` : `${Math.round(ms)} ms`;
}

/** Bytes as MB with one decimal. */
export function formatMb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A performance target expressed as a ratio that must stay at or below `limit`. */
export interface RatioCheck {
  name: string;
  /** What was measured, printed before the verdict. */
  detail: string;
  ratio: number;
  limit: number;
}

/** Prints `PASS`/`FAIL` for a ratio target and sets a non-zero exit code on FAIL; returns whether it passed. */
export function reportRatio(check: RatioCheck): boolean {
  const pass = check.ratio <= check.limit;
  console.log(
    `  ${pass ? 'PASS' : 'FAIL'}  ${check.name}: ratio ${check.ratio.toFixed(2)}× (limit ${check.limit}×)`,
  );
  console.log(`        ${check.detail}`);
  if (!pass) process.exitCode = 1;
  return pass;
}

/** Runs the garbage collector between samples when node was started with --expose-gc (bench/run.ts does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
