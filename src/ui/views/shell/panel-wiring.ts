import type { InspectionEvent, Observer } from 'xstate';
import type { PanelParts } from '../../../machines/panel/assemble-panel.ts';
import type { PanelSkinSource } from './PanelTheme.tsx';

/**
 * Everything the panel needs from the composition root (src/ui/wiring.ts builds the real one; stories
 * and tests build one over fakes): the parts the panel actor is assembled from, and dev-only
 * inspection.
 */
export interface PanelWiring extends PanelParts {
  /** Dev-only inspection of the panel's actor system; undefined in production. */
  inspect?: Observer<InspectionEvent> | ((event: InspectionEvent) => void);
  /** Premiere's skin, followed live; null or absent outside Premiere. */
  skin?: PanelSkinSource | null;
}
