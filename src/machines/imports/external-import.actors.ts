import { fromPromise } from 'xstate';
import type { ExternalPreviewRequest, ExternalPreviewResponse } from '../../contract/index.ts';
import { type ClockPort, type LedgerSource, ledgerIn } from '../ports.ts';
import type { ImportPreviewPort } from './external-import-ports.ts';

/** What the import's I/O runs over: the backend's preview, and the panel's ledger (outbox → disk). */
export interface ExternalImportDeps {
  previews: ImportPreviewPort;
  /** The panel's ledger (its persistence actor, found in the system the import runs in). */
  ledger: LedgerSource;
  clock: ClockPort;
  newId: () => string;
}

/** The import machine's actors: ask for a preview; record its rows as one event, durably. */
export function defineExternalImportActors(deps: ExternalImportDeps) {
  return {
    previewImport: fromPromise<ExternalPreviewResponse, ExternalPreviewRequest>(({ input }) =>
      deps.previews.previewExternal(input),
    ),
    recordImport: fromPromise<void, ExternalPreviewResponse>(async ({ input, system }) => {
      const id = `import-${deps.newId()}`;
      await ledgerIn(deps.ledger, system).recordDurably([
        {
          id,
          at: deps.clock.now(),
          v: 1,
          type: 'external.imported',
          batchId: id,
          fileName: input.fileName,
          rows: input.rows.map((r) => r.row),
          fx: input.fx,
        },
      ]);
    }),
  };
}
