import { assumedNames } from './explain.ts';
import type { Failure, Picked } from './pick.ts';

/** The source media a model works on (input image or video), needed to price upscalers by output size. */
export interface MediaInfo {
  /** Source width in pixels. */
  width: number;
  /** Source height in pixels. */
  height: number;
  /** Number of video frames (seconds × fps); absent for images. */
  frames?: number;
}

/**
 * The result of one formula before rounding: unrounded micro-USD (rates are already whole micros; the
 * estimator rounds the total once), the tier, the inputs assumed at their highest rate, and the formula line.
 */
export type Quote =
  { ok: true; micros: number; tier: 'estimated' | 'from'; assumed: string[]; explanation: string } | Failure;

/** Builds a successful quote, collecting the assumed inputs from the picks that produced it. */
export function quote(
  micros: number,
  picks: readonly Picked<unknown>[],
  explanation: string,
  tier: 'estimated' | 'from' = 'estimated',
): Quote {
  return { ok: true, micros, tier, assumed: assumedNames(picks), explanation };
}
