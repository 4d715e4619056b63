/**
 * Tag helpers for client, project and deliverable names. Tags are free text typed by people, so two
 * spellings that differ only in case or spacing ("Acme", " acme ") mean the same tag everywhere:
 * filters, breakdowns and autocomplete compare with `tagKey`, and show the first spelling seen.
 */

/** Trims a tag and collapses every run of inner whitespace to one space; '' means untagged. */
export function normaliseTag(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

/** The comparison key of a tag: normalised and lower-cased, so matching is case-insensitive. */
export function tagKey(s: string): string {
  return normaliseTag(s).toLowerCase();
}

/** True when two tags are the same tag (case-insensitive, ignoring outer and repeated spaces). */
export function sameTag(a: string, b: string): boolean {
  return tagKey(a) === tagKey(b);
}

/**
 * Distinct tags in input order, normalised, keeping the first spelling seen of each
 * (case-insensitive); empty names are dropped.
 */
export function dedupeTags(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const tag = normaliseTag(name);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Autocomplete suggestions: known tags whose name starts with what was typed come first, then those
 * that merely contain it, each group in the order of `known`; case-insensitive, deduplicated, at most
 * `limit`. An empty `typed` returns the first `limit` known tags.
 */
export function suggestTags(known: readonly string[], typed: string, limit = 8): string[] {
  const needle = tagKey(typed);
  const tags = dedupeTags(known);
  const prefix = tags.filter((t) => t.toLowerCase().startsWith(needle));
  const inner = tags.filter((t) => !t.toLowerCase().startsWith(needle) && t.toLowerCase().includes(needle));
  return [...prefix, ...inner].slice(0, Math.max(0, limit));
}
