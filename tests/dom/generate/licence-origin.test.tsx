import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import type { ModelLicence } from '../../../src/domain/index.ts';
import { emptyScenario, FLUX_DEV, VEO_31 } from '../../../stories/fixtures/generate-scenarios.ts';
import { deferred } from '../../fixtures/machines-persistence/deferred.ts';
import { renderPanel, typePrompt } from './render-generate.tsx';

// FLUX.1 [dev] is seeded commercial from its fal page; fal's model API names it research here.
const FLUX_PAGE = 'https://fal.ai/models/fal-ai/flux-1/dev/playground';
const FAL_SAYS_RESEARCH: ModelLicence[] = [
  { endpointId: FLUX_DEV.endpoint_id, licence: 'research', origin: 'fal', sourceUrl: null },
];
const FROM_FAL = "Licence from fal's model API";

// A typed prompt and a run through the fakes take a few seconds in jsdom on a busy machine.
describe('Generate: the licence badge says where its licence came from', { timeout: 20_000 }, () => {
  test("before the backend answers it is the catalog's, with its page; the live one replaces it", async () => {
    const read = deferred<readonly ModelLicence[]>();
    renderPanel(emptyScenario({ defaultModel: FLUX_DEV, licences: () => read.promise }));

    expect(
      await screen.findByRole('img', {
        name: 'Licence: Commercial',
        description: `Licence from the pricing catalog (source: ${FLUX_PAGE})`,
      }),
    ).toBeTruthy();

    await act(async () => read.resolve(FAL_SAYS_RESEARCH));

    const badge = await screen.findByRole('img', { name: 'Licence: Research', description: FROM_FAL });
    expect(badge.getAttribute('data-origin')).toBe('fal');
    expect(screen.queryByRole('img', { name: 'Licence: Commercial' })).toBeNull();
  });

  test('a model nobody names a licence for reads unknown, and says so', async () => {
    renderPanel(emptyScenario({ defaultModel: VEO_31, licences: async () => [] }));

    expect(
      await screen.findByRole('img', {
        name: 'Licence: Unknown',
        description: "Licence unknown: neither fal's model API nor the pricing catalog names one",
      }),
    ).toBeTruthy();
  });

  test('the generation is recorded under the licence that arrived after the form chose its model', async () => {
    const user = userEvent.setup();
    const read = deferred<readonly ModelLicence[]>();
    const scenario = emptyScenario({
      defaultModel: FLUX_DEV,
      licences: () => read.promise,
      script: { submit: { ok: { queuePosition: 2 } } },
    });
    renderPanel(scenario);
    await typePrompt(user);
    await act(async () => read.resolve(FAL_SAYS_RESEARCH));
    await screen.findByRole('img', { name: 'Licence: Research', description: FROM_FAL });

    await user.click(screen.getByRole('button', { name: 'Generate' }));

    await waitFor(() =>
      expect(scenario.fakes.ledger.events.map((e) => e.type)).toEqual([
        'generation.requested',
        'generation.submitted',
      ]),
    );
    const submitted = scenario.fakes.ledger.events.find((e) => e.type === 'generation.submitted');
    expect(submitted).toMatchObject({ endpointId: FLUX_DEV.endpoint_id, licence: 'research' });
  });
});
