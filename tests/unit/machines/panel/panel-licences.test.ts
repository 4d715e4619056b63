import { describe, expect, test } from 'vitest';
import { createActor, type EventObject, fromCallback, fromPromise, waitFor } from 'xstate';
import { licenceSourceOf, type ModelLicence } from '../../../../src/domain/index.ts';
import { selectFormLicences } from '../../../../src/machines/generation/active-generations.selectors.ts';
import { formEntryOf } from '../../../../src/machines/generation/form-draft.ts';
import { notProvidedMessage } from '../../../../src/machines/generation/generation-placeholders.ts';
import type { settlementMachine } from '../../../../src/machines/generation/settlement.machine.ts';
import { panelMachine } from '../../../../src/machines/panel/panel.machine.ts';
import { resumable } from '../../../../src/machines/panel/resumable.ts';
import type { SaveActiveInput } from '../../../../src/machines/panel/save-active.actor.ts';
import { persistenceLogic } from '../../../../stories/fixtures/billing-fakes.ts';
import { deferred } from '../../../fixtures/machines-persistence/deferred.ts';
import { FLUX_DEV, FLUX_SCHNELL, settings } from '../../../fixtures/machines/generation.ts';

// fal's model API names FLUX.1 [dev] research (its seed: commercial, from its fal page).
const LIVE: ModelLicence[] = [
  { endpointId: FLUX_DEV.endpoint_id, licence: 'research', origin: 'fal', sourceUrl: null },
];
const SEED = licenceSourceOf(FLUX_DEV);

type Panel = ReturnType<typeof createActor<typeof panelMachine>>;

/** A panel with the Generate form over inert fakes; `readLicences` is the test's (or left unprovided). */
function panelWith(readLicences?: () => Promise<readonly ModelLicence[]>) {
  const unread: unknown[] = [];
  const logic = panelMachine.provide({
    actors: {
      persistence: resumable(persistenceLogic([])),
      settlement: fromCallback(() => () => {}) as unknown as typeof settlementMachine,
      saveActiveGenerations: fromCallback<EventObject, SaveActiveInput>(() => () => {}),
      ...(readLicences ? { readLicences: fromPromise(readLicences) } : {}),
    },
    actions: { tellLicencesUnread: (_, { error }) => void unread.push(error) },
  });
  const form = { idRoot: 'gen', settings: settings(), defaultModel: FLUX_DEV };
  const actor = createActor(logic, { input: { form } }).start();
  return { actor, unread };
}

/** The Generate form's draft: the newest entry of Active generations (a single generation here). */
function draftOf(actor: Panel) {
  const entry = formEntryOf(actor.getSnapshot().context.activeGenerations.getSnapshot().context.entries);
  if (entry?.kind !== 'single') throw new Error('expected a single draft');
  return entry.ref;
}
const licenceOfDraft = (actor: Panel) => licenceSourceOf(draftOf(actor).getSnapshot().context.model);
const formLicences = (actor: Panel) =>
  selectFormLicences(actor.getSnapshot().context.activeGenerations.getSnapshot());

describe('panel: the backend licences reach the Generate form', () => {
  test('licences that arrive after the draft chose its model: the draft takes them, its inputs kept', async () => {
    const read = deferred<readonly ModelLicence[]>();
    const { actor } = panelWith(() => read.promise);
    const draft = draftOf(actor);
    draft.send({ type: 'SET_PARAMS', params: { num_images: 2 } });
    expect(licenceOfDraft(actor)).toEqual(SEED);

    read.resolve(LIVE);
    await waitFor(draft, (s) => s.context.model.license === 'research');

    expect(licenceOfDraft(actor)).toEqual({ licence: 'research', origin: 'fal', sourceUrl: null });
    expect(draft.getSnapshot().context.params).toMatchObject({ num_images: 2 });
    expect(formLicences(actor)).toEqual(LIVE);
    actor.stop();
  });

  test('the draft made after a clear of the list starts under them (the panel keeps them)', async () => {
    const { actor } = panelWith(async () => LIVE);
    await waitFor(actor, (s) => s.context.form?.licences === LIVE);

    actor.send({ type: 'ACTIVE_CLEAR' });

    expect(formLicences(actor)).toEqual(LIVE);
    expect(licenceOfDraft(actor).origin).toBe('fal');
    actor.stop();
  });

  test('a model set afterwards keeps the licence it comes with (the pickers offer it overlaid)', async () => {
    const { actor } = panelWith(async () => LIVE);
    await waitFor(actor, (s) => s.context.form?.licences === LIVE);

    draftOf(actor).send({ type: 'SET_MODEL', model: FLUX_SCHNELL });

    expect(licenceOfDraft(actor)).toEqual(licenceSourceOf(FLUX_SCHNELL));
    actor.stop();
  });

  test('a failed read is told, and the draft keeps the catalog licence', async () => {
    const { actor, unread } = panelWith(() => Promise.reject(new Error('backend offline')));
    await waitFor(actor, () => unread.length > 0);

    expect(String(unread[0])).toContain('backend offline');
    expect(licenceOfDraft(actor)).toEqual(SEED);
    expect(formLicences(actor)).toBeNull();
    actor.stop();
  });

  test('readLicences fails loudly when not provided (and the seed stays)', async () => {
    const { actor, unread } = panelWith();
    await waitFor(actor, () => unread.length > 0);

    expect((unread[0] as Error).message).toBe(notProvidedMessage('readLicences'));
    expect(licenceOfDraft(actor)).toEqual(SEED);
    actor.stop();
  });
});
