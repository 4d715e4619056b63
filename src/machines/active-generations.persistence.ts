import { type Actor, createActor, type Snapshot } from 'xstate';
import { z } from 'zod';
import { catalogModelSchema } from '../domain/pricing/index.ts';
import type { activeGenerationsMachine } from './active-generations.machine.ts';
import type { SnapshotStorePort } from './ports.ts';

/**
 * Saving and restoring the Active generations actor (STYLE.md §6.13): the envelope
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

const refSchema = z.object({ id: z.string().min(1) }).passthrough();
const childSnapshotSchema = z
  .object({
    status: z.enum(['active', 'done', 'error', 'stopped']),
    context: z.record(z.string(), z.unknown()),
  })
  .passthrough();
const childSchema = z
  .object({ src: z.enum(['generation', 'dualGeneration']), snapshot: childSnapshotSchema })
  .passthrough();
const noticeSchema = z.object({
  id: z.string(),
  genId: z.string(),
  kind: z.enum(['success', 'failure']),
  modelName: z.string(),
});
const rootSchema = z
  .object({
    status: z.literal('active'),
    value: z.enum(['empty', 'tracking']),
    context: z.object({
      entries: z.array(z.object({ kind: z.enum(['single', 'dual']), id: z.string().min(1), ref: refSchema })),
      rows: z.array(z.object({ genId: z.string(), entryId: z.string() }).passthrough()),
      notices: z.array(noticeSchema),
    }),
    children: z.record(z.string(), childSchema),
  })
  .passthrough();
const envelopeSchema = z.object({ v: z.number(), machine: z.string(), snapshot: z.unknown() });

/** The models a child generation (or both slots of a pair) runs, which must still be valid catalog entries. */
function modelsOf(child: z.infer<typeof childSchema>): unknown[] {
  const context = child.snapshot.context as { model?: unknown; slots?: Record<string, { model?: unknown }> };
  if (child.src === 'generation') return [context.model];
  return Object.values(context.slots ?? {})
    .map((slot) => slot.model)
    .filter((model) => model !== null);
}

/** Builds the envelope of the actor's current persisted snapshot. */
export function activeGenerationsEnvelope(actor: Actor<Logic>): ActiveGenerationsEnvelope {
  return {
    v: ACTIVE_GENERATIONS_SNAPSHOT_VERSION,
    machine: 'activeGenerations',
    snapshot: actor.getPersistedSnapshot(),
  };
}

/** Validates a stored envelope; the snapshot to restore, or why it was discarded. */
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
  if (!root.success)
    return { ok: false, problem: 'The saved Active generations are damaged; they were discarded.' };
  const { context, children } = root.data;
  const missing = context.entries.find((entry) => !children[entry.id]);
  const badModel = Object.values(children).some((child) =>
    modelsOf(child).some((m) => !catalogModelSchema.safeParse(m).success),
  );
  if (missing || badModel)
    return { ok: false, problem: 'The saved Active generations are damaged; they were discarded.' };
  // Success notices are transient (7 s): after a reload only failures, which wait to be dismissed, come back.
  const notices = context.notices.filter((notice) => notice.kind === 'failure');
  const snapshot = { ...root.data, context: { ...context, notices } } as unknown as Snapshot<unknown>;
  return { ok: true, snapshot };
}

/**
 * Creates the Active generations actor from a stored envelope (not started): restored when valid, else
 * fresh with the reason. Restoring starts every child again, so runs resume polling by request id.
 */
export function restoreActiveGenerations(
  logic: Logic,
  raw: unknown,
): { actor: Actor<Logic>; restored: boolean; problem: string | null } {
  if (raw === null || raw === undefined) return { actor: createActor(logic), restored: false, problem: null };
  const parsed = parseActiveGenerationsEnvelope(raw);
  if (!parsed.ok) return { actor: createActor(logic), restored: false, problem: parsed.problem };
  try {
    return { actor: createActor(logic, { snapshot: parsed.snapshot }), restored: true, problem: null };
  } catch {
    const problem = 'The saved Active generations could not be restored; they were discarded.';
    return { actor: createActor(logic), restored: false, problem };
  }
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
  actor: Actor<Logic>,
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
