import { findModel } from '../../../../src/domain/pricing/catalog.ts';
import type { CatalogModel } from '../../../../src/domain/pricing/catalog-schema.ts';

/** The catalog model for an endpoint id; fails the test loudly when the catalog lost it. */
export function model(endpointId: string): CatalogModel {
  const found = findModel(endpointId);
  if (!found) throw new Error(`catalog has no ${endpointId}`);
  return found;
}
