import type { Licence } from '../ledger/events.ts';
import rawCatalog from './catalog.json' with { type: 'json' };
import {
  type CatalogCategory,
  type CatalogModel,
  catalogCategorySchema,
  catalogFileEntrySchema,
} from './catalog-schema.ts';

/** Builds "formula.rates.720p.audio" from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(entry)' : path.map(String).join('.');
}

function entryLabel(entry: unknown, index: number): string {
  const id =
    typeof entry === 'object' && entry !== null
      ? (entry as { endpoint_id?: unknown }).endpoint_id
      : undefined;
  return typeof id === 'string' ? `"${id}" (entry ${index})` : `entry ${index}`;
}

/** Fails when two entries claim the same endpoint id or alias: findModel would be ambiguous. */
function checkUniqueIds(models: readonly CatalogModel[]): void {
  const seen = new Map<string, string>();
  for (const model of models) {
    for (const id of [model.endpoint_id, ...(model.aliases ?? [])]) {
      const owner = seen.get(id);
      if (owner !== undefined) {
        throw new Error(
          `Pricing catalog: "${id}" is used by both "${owner}" and "${model.endpoint_id}". ` +
            'Each endpoint id and alias must appear once; remove the duplicate from catalog.json.',
        );
      }
      seen.set(id, model.endpoint_id);
    }
  }
}

/**
 * Validates raw catalog JSON and returns its models in file order. Throws one Error listing every bad
 * entry with its endpoint id and field path, so a broken catalog stops the app at load, never mid-estimate.
 */
export function parseCatalog(raw: unknown): CatalogModel[] {
  if (!Array.isArray(raw)) {
    throw new Error(
      'Pricing catalog: expected a JSON array of models. Check src/domain/pricing/catalog.json.',
    );
  }
  const problems: string[] = [];
  const models: CatalogModel[] = [];
  raw.forEach((entry, index) => {
    const parsed = catalogFileEntrySchema.safeParse(entry);
    if (parsed.success) {
      models.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push(`${entryLabel(entry, index)} field ${pathText(issue.path)}: ${issue.message}`);
    }
  });
  if (problems.length > 0) {
    throw new Error(
      `Pricing catalog is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        `${problems.join('\n')}\nFix the entries in src/domain/pricing/catalog.json (format: reference/fal-pricing.md).`,
    );
  }
  checkUniqueIds(models);
  return models;
}

/** The shipped price catalog (30 fal endpoints), validated when this module loads. */
export const catalog: readonly CatalogModel[] = parseCatalog(rawCatalog);

const byId = new Map<string, CatalogModel>(
  catalog.flatMap((model) => [model.endpoint_id, ...(model.aliases ?? [])].map((id) => [id, model] as const)),
);

/** Finds a catalog model by endpoint id or alias (exact, surrounding spaces ignored); undefined if unpriced. */
export function findModel(endpointIdOrAlias: string): CatalogModel | undefined {
  return byId.get(endpointIdOrAlias.trim());
}

/** Catalog models grouped by category, every category present (possibly empty), catalog order kept. */
export function modelsByCategory(
  models: readonly CatalogModel[] = catalog,
): Record<CatalogCategory, CatalogModel[]> {
  const groups = Object.fromEntries(catalogCategorySchema.options.map((c) => [c, [] as CatalogModel[]]));
  for (const model of models) groups[model.category]?.push(model);
  return groups as Record<CatalogCategory, CatalogModel[]>;
}

/** The licence of a model as the ledger records it; anything not stated by fal is 'unknown'. */
export function licenceOf(model: Pick<CatalogModel, 'license'> | undefined): Licence {
  return model?.license ?? 'unknown';
}
