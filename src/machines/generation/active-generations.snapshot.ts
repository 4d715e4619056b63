import { type Actor, createActor, type Snapshot } from 'xstate';
import { z } from 'zod';
import {
  chargedSchema,
  copyJson,
  errorKindSchema,
  estimateTierSchema,
  tagsSchema,
} from '../../domain/index.ts';
import { catalogModelSchema } from '../../domain/pricing/index.ts';
import { withDualModeOff } from './active-generations.dual-off.ts';
import type { activeGenerationsMachine } from './active-generations.machine.ts';
import { generationSettingsSchema } from './generation-settings.ts';
import type { SnapshotStorePort } from '../ports.ts';

/**
 * Saving and restoring the Active generations actor: the envelope
 * `{ v, machine, snapshot: actor.getPersistedSnapshot() }` (children included, so a restored run resumes
 * polling by its request id), validated with zod as untrusted input; other versions are discarded.
 */

/** Version of the stored envelope; bump it when a machine's context changes shape. */
export const ACTIVE_GENERATIONS_SNAPSHOT_VERSION = 1;

type Logic = typeof activeGenerationsMachine;

/** The stored form of the Active generations actor. */
export interface ActiveGenerationsEnvelope {
  v: typeof ACTIVE_GENERATIONS_SNAPSHOT_VERSION;
  machine: 'activeGenerations';
  snapshot: unknown;
}

const refSchema = z.looseObject({ id: z.string().min(1) });
const nullableString = z.string().nullable();
const estimateSchema = z.object({
  usdMicros: z.number().int().nullable(),
  tier: estimateTierSchema,
  upTo: z.boolean(),
  explanation: z.string(),
  priceRef: z.string(),
});
const learnedSchema = z
  .object({
    samples: z.array(z.object({ usdMicros: z.number(), at: z.string(), configKey: z.string() })),
    now: z.string(),
  })
  .nullable()
  .optional(); // absent in snapshots saved before learned estimates
const stepSchema = z.enum(['sent', 'queued', 'generating', 'downloading', 'importing']);
const failureSchema = z.object({
  kind: errorKindSchema,
  charged: chargedSchema,
  message: z.string(),
  retryable: z.boolean(),
  at: nullableString,
  detail: nullableString,
});
const actualSchema = z.object({
  billableUnits: z.number(),
  billAs: nullableString,
  unitPriceUsdMicros: z.number().nullable(),
  usdMicros: z.number().nullable(),
  at: z.string(),
});
const mediaSchema = z.object({ url: z.string(), fileName: z.string(), contentType: nullableString });
const paramsSchema = z.record(z.string(), z.unknown());
// What the generation machine, its selectors and the rows read from a restored context (a null there blanks the panel).
const generationContextSchema = z.looseObject({
  runId: z.string().min(1),
  genId: z.string().min(1),
  attempt: z.number().int().positive(),
  model: catalogModelSchema,
  params: paramsSchema,
  prompt: z.string(),
  tags: tagsSchema,
  dual: z.object({ groupId: z.string().min(1), slot: z.enum(['primary', 'secondary']) }).nullable(),
  settings: generationSettingsSchema,
  estimateOptions: paramsSchema.optional(),
  learned: learnedSchema,
  estimate: estimateSchema,
  autoStart: z.boolean(),
  background: z.boolean(),
  cancelling: z.boolean(),
  requestId: nullableString,
  submittedAt: nullableString,
  progress: z.object({
    step: stepSchema,
    startedAt: z.partialRecord(stepSchema, z.string()),
    queuePosition: z.number().nullable(),
    logs: z.array(z.string()),
  }),
  falFailed: z.boolean(),
  media: z.array(mediaSchema),
  paths: z.array(z.string()),
  failure: failureSchema.nullable(),
  retry: z.enum(['resubmit', 'reuse']).nullable(),
  resumeFrom: z.enum(['polling', 'downloading', 'importing']).nullable(),
  actual: actualSchema.nullable(),
  finishedAt: nullableString,
  ledgerError: nullableString,
});
const slotFormSchema = (model: z.ZodType) =>
  z.looseObject({ genId: z.string().min(1), model, params: paramsSchema });
// What the Dual Mode machine and form read; the form treats the primary model as always chosen.
const dualContextSchema = z.looseObject({
  groupId: z.string().min(1),
  slots: z.object({
    primary: slotFormSchema(catalogModelSchema),
    secondary: slotFormSchema(catalogModelSchema.nullable()),
  }),
  prompt: z.string(),
  tags: tagsSchema,
  settings: generationSettingsSchema,
  learned: learnedSchema,
  combined: estimateSchema.nullable(),
  error: nullableString,
  phases: z.object({ primary: nullableString, secondary: nullableString }),
});
const status = z.enum(['active', 'done', 'error', 'stopped']);
const generationChildSchema = z.looseObject({
  src: z.literal('generation'),
  snapshot: z.looseObject({ status, context: generationContextSchema }),
});
const childSchema = z.discriminatedUnion('src', [
  generationChildSchema,
  z.looseObject({
    src: z.literal('dualGeneration'),
    snapshot: z.looseObject({
      status,
      context: dualContextSchema,
      // The pair's slots once sent: generations of their own.
      children: z.record(z.string(), generationChildSchema).optional(),
    }),
  }),
]);
const noticeSchema = z.object({
  id: z.string(),
  genId: z.string(),
  kind: z.enum(['success', 'failure']),
  modelName: z.string(),
});
const rootSchema = z.looseObject({
  status: z.literal('active'),
  value: z.enum(['empty', 'tracking']),
  context: z.object({
    entries: z.array(z.object({ kind: z.enum(['single', 'dual']), id: z.string().min(1), ref: refSchema })),
    rows: z.array(z.looseObject({ genId: z.string(), entryId: z.string() })),
    notices: z.array(noticeSchema),
    // The Generate form: absent in snapshots saved before the machine kept it (the panel attaches it again).
    form: z
      .object({
        idRoot: z.string().min(1),
        nextId: z.number().int().min(1),
        settings: generationSettingsSchema,
        defaultModel: catalogModelSchema,
        learned: learnedSchema,
      })
      .nullable()
      .optional(),
  }),
  children: z.record(z.string(), childSchema),
});
const envelopeSchema = z.object({ v: z.number(), machine: z.string(), snapshot: z.unknown() });

/**
 * Why a snapshot was discarded, naming the generation and field when one child's context is damaged
 * (`children.<id>.snapshot.context.<field>`, a pair's slot one level deeper), so it can be found in storage.
 */
function damaged(path: readonly PropertyKey[]): string {
  const at = path.lastIndexOf('context');
  const field = path.slice(at + 1).join('.') || 'context';
  const where = path[0] === 'children' && at >= 3 ? ` (generation ${String(path[at - 2])}: ${field})` : '';
  return `The saved Active generations are damaged${where}; they were discarded.`;
}

/** Builds the envelope of the actor's current persisted snapshot. */
export function activeGenerationsEnvelope(
  actor: Pick<Actor<Logic>, 'getPersistedSnapshot'>,
): ActiveGenerationsEnvelope {
  return {
    v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION,
    machine: 'activeGenerations',
    snapshot: actor.getPersistedSnapshot(),
  };
}

/**
 * Validates a stored envelope; the snapshot to restore (with Dual Mode off: withDualModeOff), or why it
 * was discarded.
 */
export function parseActiveGenerationsEnvelope(
  raw: unknown,
): { ok: true; snapshot: Snapshot<unknown> } | { ok: false; problem: string } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || envelope.data.machine !== 'activeGenerations') {
    return {
      ok: false,
      problem: 'The saved Active generations are not in a known format; they were discarded.',
    };
  }
  if (envelope.data.v !== ACTIVE_GENERATIONS_SNAPSHOT_VERSION) {
    return {
      ok: false,
      problem: `Saved Active generations of version ${envelope.data.v} were discarded (this build reads version ${ACTIVE_GENERATIONS_SNAPSHOT_VERSION}).`,
    };
  }
  const root = rootSchema.safeParse(envelope.data.snapshot);
  if (!root.success) return { ok: false, problem: damaged(root.error.issues[0]?.path ?? []) };
  const { context, children } = root.data;
  if (context.entries.some((entry) => !children[entry.id])) return { ok: false, problem: damaged([]) };
  // Success notices are transient (7 s): after a reload only failures, which wait to be dismissed, come back.
  const notices = context.notices.filter((notice) => notice.kind === 'failure');
  // Validated, but restored as stored: the schemas check only what is read, and would drop the rest.
  const stored = envelope.data.snapshot as typeof root.data;
  const kept = withDualModeOff({ ...stored, context: { ...stored.context, notices } });
  return { ok: true, snapshot: kept as unknown as Snapshot<unknown> };
}

/** What Active generations start from: the saved snapshot, or why it was discarded. */
export interface SavedActive {
  snapshot: Snapshot<unknown> | null;
  /** Why the saved Active generations were discarded (the user is told once); null when nothing was. */
  problem: string | null;
}

/**
 * Checks a stored envelope (untrusted) before anything starts from it: valid, and restorable with
 * `logic` (restoring rebuilds every child, so a snapshot that cannot be rebuilt is discarded here, not
 * fatal later). The trial restores a copy, because restoring revives actor refs inside the object it
 * is given, and starts nothing.
 */
export function checkSavedActive(logic: Logic, raw: unknown): SavedActive {
  if (raw === null || raw === undefined) return { snapshot: null, problem: null };
  const parsed = parseActiveGenerationsEnvelope(raw);
  if (!parsed.ok) return { snapshot: null, problem: parsed.problem };
  try {
    createActor(logic, { snapshot: copyJson(parsed.snapshot) });
    return { snapshot: parsed.snapshot, problem: null };
  } catch {
    return {
      snapshot: null,
      problem: 'The saved Active generations could not be restored; they were discarded.',
    };
  }
}

/**
 * Creates the Active generations actor from a stored envelope (not started): restored when valid, else
 * fresh with the reason. Restoring starts every child again, so runs resume polling by request id.
 */
export function restoreActiveGenerations(
  logic: Logic,
  raw: unknown,
): { actor: Actor<Logic>; restored: boolean; problem: string | null } {
  const { snapshot, problem } = checkSavedActive(logic, raw);
  if (snapshot === null) return { actor: createActor(logic), restored: false, problem };
  return { actor: createActor(logic, { snapshot }), restored: true, problem: null };
}

/** The running save loop of persistActiveGenerations. */
export interface SnapshotPersistence {
  /** Stops listening; a write in flight still finishes. */
  stop(): void;
  /** Resolves when no write is pending (tests, and before closing the panel). */
  idle(): Promise<void>;
}

/**
 * Saves the envelope on every `persist` the actor emits, one write at a time; changes during a write
 * cause one more write with the latest snapshot. Write failures go to `onError` (the cache reports them).
 */
export function persistActiveGenerations(
  actor: Pick<Actor<Logic>, 'on' | 'getPersistedSnapshot'>,
  store: SnapshotStorePort,
  onError: (error: unknown) => void = () => {},
): SnapshotPersistence {
  let dirty = false;
  let running: Promise<void> | null = null;
  const loop = async () => {
    while (dirty) {
      dirty = false;
      await store.write(activeGenerationsEnvelope(actor)).catch(onError);
    }
    running = null;
  };
  const request = () => {
    dirty = true;
    running ??= loop();
  };
  const subscription = actor.on('persist', request);
  return { stop: () => subscription.unsubscribe(), idle: async () => void (await running) };
}
