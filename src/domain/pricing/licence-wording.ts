import type { Licence } from '../ledger/events.ts';

// fal's model API states `metadata.license_type` as commercial | research | private (fal-api.md §6);
// its model pages say "Commercial use". Anything else is read as unknown, never as safe to ship.
const WORDING: ReadonlyArray<readonly [RegExp, Licence]> = [
  // "non-commercial" contains "commercial": it must be read first, and it is not a commercial licence.
  [/^(non[\s_-]?commercial|research)([\s_-]?(use|only))?$/, 'research'],
  [/^commercial([\s_-]?use)?$/, 'commercial'],
  [/^private$/, 'private'],
];

/**
 * Maps fal's licence wording (`license_type`, a page badge) to one of our four licences. Case, spaces,
 * hyphens and underscores are ignored; a missing, empty or unrecognised value is 'unknown'.
 */
export function licenceFromFalWording(wording: unknown): Licence {
  if (typeof wording !== 'string') return 'unknown';
  const normal = wording.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, licence] of WORDING) if (pattern.test(normal)) return licence;
  return 'unknown';
}
