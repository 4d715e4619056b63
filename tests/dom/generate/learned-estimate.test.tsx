import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ActorRefFrom } from 'xstate';
import { defaultParams, type LedgerEvent } from '../../../src/domain/index.ts';
import type { persistenceMachine } from '../../../src/machines/persistence/persistence.machine.ts';
import { emptyScenario, FLUX_DEV, model } from '../../../stories/fixtures/generate-scenarios.ts';
import { completed, resetBuilders, settled, submitted } from '../../fixtures/ledger-builders.ts';
import { costText, Panel, renderPanel } from './render-generate.tsx';
import { usePanelActor } from '../../../src/ui/actors/panel-context.ts';

// The ledger builders date events from 2025-11-03 09:01Z, a minute apart: a day later they are recent.
const NOW = '2025-11-04T09:00:00.000Z';
const VEO_FAST = model('fal-ai/veo3.1/fast');

let persistence: ActorRefFrom<typeof persistenceMachine> | null = null;

/** Holds the persistence actor, so the test can record what settlement would. */
function PersistenceHandle() {
  persistence = usePanelActor('persistence');
  return null;
}

/** One run of `m` with its default inputs that completed and settled metered at `usdMicros`. */
function meteredRun(m: typeof FLUX_DEV, usdMicros: number): LedgerEvent[] {
  const params = defaultParams(m) as Record<string, string | number | boolean>;
  const sub = submitted({
    endpointId: m.endpoint_id,
    modelName: m.display_name,
    category: m.category,
    params,
  });
  return [sub, completed(sub.genId), settled(sub.genId, usdMicros)];
}

function record(events: LedgerEvent[]) {
  act(() => persistence?.send({ type: 'RECORD', events }));
}

function renderWith(defaultModel: typeof FLUX_DEV) {
  renderPanel(
    emptyScenario({ defaultModel, now: NOW }),
    <>
      <Panel />
      <PersistenceHandle />
    </>,
  );
}

beforeEach(() => {
  resetBuilders();
  persistence = null;
});

describe("Generate: the Learned tier from the user's metered runs", () => {
  test('after 3 settled runs of Veo 3.1 Fast with the same settings, its "up to" badge reads Learned', async () => {
    renderWith(VEO_FAST);
    await waitFor(() => expect(costText()).toContain('Estimated up to $2.80'));
    record(meteredRun(VEO_FAST, 1_200_000));
    record(meteredRun(VEO_FAST, 1_600_000));
    // Two runs are not enough (LEARNED_MIN_RUNS = 3): still the worst case.
    expect(costText()).toContain('Estimated up to $2.80');
    record(meteredRun(VEO_FAST, 1_300_000));
    await waitFor(() => expect(costText()).toContain('Learned ≈$1.30'));
    const badge = screen.getByText('Learned ≈$1.30').closest('[data-tier]');
    expect(badge?.getAttribute('data-tier')).toBe('learned');
  });

  test('another duration has no runs of its own, so it falls back to the formula', async () => {
    const user = userEvent.setup();
    renderWith(VEO_FAST);
    for (const usd of [1_200_000, 1_200_000, 1_200_000]) record(meteredRun(VEO_FAST, usd));
    await waitFor(() => expect(costText()).toContain('Learned ≈$1.20'));
    await user.click(screen.getByRole('radio', { name: '4s' }));
    await waitFor(() => expect(costText()).toContain('Estimated up to $1.40'));
  });

  test('after 3 settled runs of FLUX.1 [dev] at the same size the exact formula still wins', async () => {
    renderWith(FLUX_DEV);
    await waitFor(() => expect(costText()).toContain('Estimated $0.03'));
    for (const usd of [40_000, 40_000, 40_000]) record(meteredRun(FLUX_DEV, usd));
    // The cascade: an exact catalog price (not an "up to") beats the median of past runs.
    await act(async () => {});
    expect(costText()).toContain('Estimated $0.03');
    expect(costText()).not.toContain('Learned');
  });
});
