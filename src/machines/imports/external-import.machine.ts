import { type ActorRefFrom, assertEvent, assign, setup } from 'xstate';
import type { Currency } from '../../domain/index.ts';
import type { ExternalPreviewRequest, ExternalPreviewResponse } from '../../contract/index.ts';
import { placeholderPromise } from '../generation/generation-placeholders.ts';
import { describeFailure } from '../persistence/persistence-ports.ts';

/** What the import dialog shows: the file, its preview, what was recorded, or why not. */
export interface ExternalImportContext {
  request: ExternalPreviewRequest | null;
  preview: ExternalPreviewResponse | null;
  /** Rows the last import recorded (on disk); null before. */
  recorded: number | null;
  problem: string | null;
  /** Which step failed: the file itself, asking for the preview, or recording the import. */
  failedAt: 'file' | 'preview' | 'record' | null;
}

export type ExternalImportEvent =
  /** A file was chosen (read as text by the view), to preview in the display currency. */
  | { type: 'CHOOSE_FILE'; fileName: string; text: string; currency: Currency }
  /** A file over MAX_IMPORT_FILE_BYTES was chosen: refused without reading it. */
  | { type: 'FILE_TOO_LARGE'; fileName: string; bytes: number }
  /** Record the previewed rows (one `external.imported` event). */
  | { type: 'COMMIT' }
  /** Close without recording anything, or close after recording. */
  | { type: 'CLOSE' }
  | { type: 'RETRY' };

export type ExternalImportTag = 'busy' | 'error';

const externalImportSetup = setup({
  types: {
    context: {} as ExternalImportContext,
    events: {} as ExternalImportEvent,
    tags: {} as ExternalImportTag,
  },
  actors: {
    previewImport: placeholderPromise<ExternalPreviewResponse, ExternalPreviewRequest>('previewImport'),
    /** Records the preview's rows as one `external.imported` event; resolves once disk has it. */
    recordImport: placeholderPromise<void, ExternalPreviewResponse>('recordImport'),
  },
  guards: {
    hasRows: ({ context }) => (context.preview?.rows.length ?? 0) > 0,
    previewFailed: ({ context }) => context.failedAt === 'preview',
    recordFailed: ({ context }) => context.failedAt === 'record',
  },
  actions: {
    assignRequest: assign(({ event }) => {
      assertEvent(event, 'CHOOSE_FILE');
      const { fileName, text, currency } = event;
      return {
        request: { fileName, text, currency },
        preview: null,
        recorded: null,
        problem: null,
        failedAt: null,
      };
    }),
    assignTooLarge: assign(({ event }) => {
      assertEvent(event, 'FILE_TOO_LARGE');
      const mb = (event.bytes / 1e6).toFixed(1);
      return {
        request: null,
        preview: null,
        recorded: null,
        problem: `${event.fileName} is ${mb} MB; at most 10 MB can be imported at once. Split it and import each part.`,
        failedAt: 'file' as const,
      };
    }),
    assignPreview: assign((_, preview: ExternalPreviewResponse) => ({ preview })),
    assignRecorded: assign(({ context }) => ({ recorded: context.preview?.rows.length ?? 0 })),
    assignProblem: assign((_, params: { error: unknown; at: 'preview' | 'record' }) => ({
      problem: describeFailure(params.error),
      failedAt: params.at,
    })),
    clear: assign({ request: null, preview: null, recorded: null, problem: null, failedAt: null }),
  },
});

/** Files larger than this are refused before they are read (10 MB, the backend's limit too). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

const TOO_LARGE = { target: 'failed', actions: 'assignTooLarge' } as const;

/**
 * The external-cost import (issue 13): a chosen CSV is previewed by the backend (valid rows, errors by
 * line, duplicates of earlier imports, the total) and recorded only on Import, as one
 * `external.imported` event written through the panel's outbox and confirmed on disk. Closing, or
 * any failure, records nothing.
 */
export const externalImportMachine = externalImportSetup.createMachine({
  id: 'externalImport',
  context: { request: null, preview: null, recorded: null, problem: null, failedAt: null },
  initial: 'idle',
  states: {
    idle: {
      on: { CHOOSE_FILE: { target: 'previewing', actions: 'assignRequest' }, FILE_TOO_LARGE: TOO_LARGE },
    },
    previewing: {
      tags: 'busy',
      invoke: {
        id: 'previewImport',
        src: 'previewImport',
        input: ({ context }) => context.request as ExternalPreviewRequest,
        onDone: {
          target: 'preview',
          actions: { type: 'assignPreview', params: ({ event }) => event.output },
        },
        onError: {
          target: 'failed',
          actions: { type: 'assignProblem', params: ({ event }) => ({ error: event.error, at: 'preview' }) },
        },
      },
    },
    /** What would be recorded is shown; Import records it (when any row is valid), Close drops it. */
    preview: {
      on: {
        COMMIT: { guard: 'hasRows', target: 'recording' },
        CHOOSE_FILE: { target: 'previewing', actions: 'assignRequest' },
        FILE_TOO_LARGE: TOO_LARGE,
        CLOSE: { target: 'idle', actions: 'clear' },
      },
    },
    recording: {
      tags: 'busy',
      invoke: {
        id: 'recordImport',
        src: 'recordImport',
        input: ({ context }) => context.preview as ExternalPreviewResponse,
        onDone: { target: 'imported', actions: 'assignRecorded' },
        onError: {
          target: 'failed',
          actions: { type: 'assignProblem', params: ({ event }) => ({ error: event.error, at: 'record' }) },
        },
      },
    },
    imported: {
      on: { CLOSE: { target: 'idle', actions: 'clear' } },
    },
    failed: {
      tags: 'error',
      on: {
        RETRY: [
          { guard: 'previewFailed', target: 'previewing' },
          { guard: 'recordFailed', target: 'recording' },
        ],
        CHOOSE_FILE: { target: 'previewing', actions: 'assignRequest' },
        FILE_TOO_LARGE: TOO_LARGE,
        CLOSE: { target: 'idle', actions: 'clear' },
      },
    },
  },
});

/** A running external-cost import actor. */
export type ExternalImportActorRef = ActorRefFrom<typeof externalImportMachine>;
