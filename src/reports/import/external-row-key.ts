import { type Currency, type Tags, tagKey } from '../../domain/index.ts';

/** What makes two external costs the same cost, whatever file or spelling they came in. */
export interface ExternalRowFacts {
  day: string;
  description: string;
  amountMicros: number;
  currency: Currency;
  category: string;
  tags: Tags;
}

const norm = tagKey;

/**
 * A stable key over the normalised fields (case, inner and outer spaces ignored): re-importing the same
 * file, or the same cost exported again by the tool, gives the same key and adds nothing. The key is
 * the normalised fields themselves, so two different costs can never share one.
 */
export function externalRowKey(facts: ExternalRowFacts): string {
  return `ext1:${JSON.stringify([
    facts.day,
    norm(facts.description),
    facts.amountMicros,
    facts.currency,
    norm(facts.category),
    norm(facts.tags.client),
    norm(facts.tags.project),
    norm(facts.tags.deliverable),
  ])}`;
}
