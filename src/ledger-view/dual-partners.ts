import type { GenerationRow } from '../domain/index.ts';

/**
 * For each generation of a Dual Mode group (`dual.groupId`), the model name (`modelName`, else the
 * endpoint id) of the first other generation of its group, by genId; generations alone are absent.
 * `generations` in ledger order, as the Billing list names the partner.
 */
export function dualPartnersFor(generations: Iterable<GenerationRow>): Map<string, string> {
  const groups = new Map<string, { genId: string; model: string }[]>();
  for (const g of generations) {
    if (!g.dual) continue;
    const members = groups.get(g.dual.groupId) ?? [];
    members.push({ genId: g.genId, model: g.modelName || g.endpointId });
    groups.set(g.dual.groupId, members);
  }
  const partners = new Map<string, string>();
  for (const members of groups.values()) {
    for (const m of members) {
      const other = members.find((o) => o.genId !== m.genId);
      if (other) partners.set(m.genId, other.model);
    }
  }
  return partners;
}
