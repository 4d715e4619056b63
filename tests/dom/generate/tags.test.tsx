import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { persistenceLogic } from '../../../stories/fixtures/billing-fakes.ts';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { emptyScenario, FLUX_DEV } from '../../../stories/fixtures/generate-scenarios.ts';
import { renderPanel, typePrompt } from './render-generate.tsx';

// 14 earlier generations tagged Acme / Globex, Hero Film / Social Cut / BTS Reel, Launch Spot / Teaser / Cutdown.
const EARLIER = { persistence: { logic: persistenceLogic(generationsLedger(14)) } };

function suggestions(): string[] {
  return within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

describe('Generate: client, project and deliverable tags', { timeout: 20_000 }, () => {
  test('autocomplete from earlier names, case-insensitive', async () => {
    const user = userEvent.setup();
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV }), undefined, EARLIER);
    const client = await screen.findByRole('combobox', { name: 'Client' });
    await user.type(client, 'GLO');
    await waitFor(() => expect(suggestions()).toEqual(['Globex']));
    await user.keyboard('{ArrowDown}{Enter}');
    expect((client as HTMLInputElement).value).toBe('Globex');

    await user.type(screen.getByRole('combobox', { name: 'Project' }), 'film');
    await waitFor(() => expect(suggestions()).toEqual(['Hero Film']));
    await user.type(screen.getByRole('combobox', { name: 'Deliverable' }), 'te');
    await waitFor(() => expect(suggestions()).toEqual(['Teaser']));
  });

  test('the tags chosen are the ones recorded, a new name trimmed', async () => {
    const user = userEvent.setup();
    const scenario = emptyScenario({
      defaultModel: FLUX_DEV,
      script: { submit: { ok: { queuePosition: 1 } } },
    });
    renderPanel(scenario, undefined, EARLIER);
    await user.type(await screen.findByRole('combobox', { name: 'Client' }), 'acme');
    await user.type(screen.getByRole('combobox', { name: 'Project' }), '  Spring Campaign  ');
    await user.type(screen.getByRole('combobox', { name: 'Deliverable' }), 'hero cut');
    await typePrompt(user);
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    // The write-ahead intent, then fal's acceptance: both carry the tags as chosen.
    await waitFor(() => expect(scenario.fakes.ledger.events).toHaveLength(2));
    const expected = { client: 'Acme', project: 'Spring Campaign', deliverable: 'hero cut' };
    for (const event of scenario.fakes.ledger.events) {
      expect('tags' in event && event.tags).toEqual(expected);
    }
  });

  test("Project suggests the chosen client's projects; every project with no client or a new one", async () => {
    const user = userEvent.setup();
    // Two earlier runs: Acme / Hero Film and Globex / Social Cut.
    const two = { persistence: { logic: persistenceLogic(generationsLedger(2)) } };
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV }), undefined, two);
    const client = await screen.findByRole('combobox', { name: 'Client' });
    const project = screen.getByRole('combobox', { name: 'Project' });

    await user.click(project);
    await waitFor(() => expect(suggestions()).toEqual(['Hero Film', 'Social Cut']));
    await user.type(client, 'globex');
    await user.click(project);
    await waitFor(() => expect(suggestions()).toEqual(['Social Cut']));

    await user.clear(client);
    await user.type(client, 'Initech');
    await user.click(project);
    await waitFor(() => expect(suggestions()).toEqual(['Hero Film', 'Social Cut']));
  });
});
