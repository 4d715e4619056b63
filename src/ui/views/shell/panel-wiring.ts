import type { InspectionEvent, Observer } from 'xstate';
import type { CatalogModel } from '../../../domain/index.ts';
import type { PanelParts } from '../../../machines/panel/assemble-panel.ts';

/**
 * Everything the panel needs from the composition root (src/ui/wiring.ts builds the real one; stories
 * and tests build one over fakes): the parts the panel actor is assembled from, and dev-only
 * inspection.
 */
export interface PanelWiring extends PanelParts {
  /** Dev-only inspection of the panel's actor system; undefined in production. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /**
   * The models the Generate form offers, with the backend's resolved licences; never rejects (the seed
   * catalog when they cannot be read). @default the shipped catalog, at once
   */
  formModels?: Promise<readonly CatalogModel[]>;
}
