import type { PromiseActorLogic } from 'xstate';
import type { ImportMediaInput, ImportMediaOutput } from './generation-run.contract.ts';
import type { ClockPort, HostImportPort } from '../ports.ts';
import { defineRunCallActor } from './run-call.actor.ts';

/** Dependencies of `importMedia`: the host (Premiere in CEP, a saved file in the browser) and the clock. */
export interface ImportMediaDeps {
  host: HostImportPort;
  clock: ClockPort;
}

/**
 * Imports every media file of a result, one after the other, and resolves with where each landed.
 * Rejects with a RunFailure (the machine marks it IMPORT, charged, retryable with the same request).
 */
export function defineImportMediaActor(
  deps: ImportMediaDeps,
): PromiseActorLogic<ImportMediaOutput, ImportMediaInput> {
  return defineRunCallActor(deps.clock, async (input: ImportMediaInput): Promise<ImportMediaOutput> => {
    const paths: string[] = [];
    for (const media of input.media) {
      const { path } = await deps.host.importMedia({
        url: media.url,
        fileName: media.fileName,
        category: input.category,
      });
      paths.push(path);
    }
    return { paths, at: deps.clock.now() };
  });
}
