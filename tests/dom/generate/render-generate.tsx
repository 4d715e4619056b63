import { MantineProvider } from '@mantine/core';
import { type RenderResult, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { ActorOptions } from 'xstate';
import type { activeGenerationsMachine } from '../../../src/machines/generation/active-generations.machine.ts';
import { theme } from '../../../src/ui/theme.ts';
import { ActiveGenerations } from '../../../src/ui/views/active/ActiveGenerations.tsx';
import { GenerateView } from '../../../src/ui/views/generate/GenerateView.tsx';
import { GenerateProviders } from '../../../stories/fixtures/generate-providers.tsx';
import type { Scenario } from '../../../stories/fixtures/generate-scenarios.ts';
import type { ActorsParameters } from '../../../stories/fixtures/with-actors.tsx';

/** The Generate tab with Active generations pinned under it, as the shell lays them out. */
export function Panel() {
  return (
    <>
      <GenerateView />
      <ActiveGenerations />
    </>
  );
}

/** Renders `ui` (default: Generate + Active generations) over the scenario's actors, dark theme, env test. */
export function renderPanel(
  scenario: Scenario,
  ui: ReactElement = <Panel />,
  actors?: ActorsParameters,
  options?: ActorOptions<typeof activeGenerationsMachine>,
): RenderResult {
  return render(
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      <GenerateProviders scenario={scenario} actors={actors} options={options}>
        {ui}
      </GenerateProviders>
    </MantineProvider>,
  );
}

/** The live cost badge's text ("Estimated $0.03"). */
export function costText(name = 'Estimated cost'): string {
  return screen.getByRole('status', { name }).textContent ?? '';
}

/** The Active generations rows (list items), or [] when the panel is hidden. */
export function activeRows(): HTMLElement[] {
  const list = screen.queryByRole('list', { name: 'Generations' });
  return list ? within(list).getAllByRole('listitem', { hidden: false }) : [];
}

/** The row whose accessible name starts with `model`. */
export function rowOf(model: string): HTMLElement {
  const row = activeRows().find((r) => (r.getAttribute('aria-label') ?? '').startsWith(`${model}:`));
  if (!row) throw new Error(`No Active generations row for ${model}`);
  return row;
}

/** Writes a prompt, as a user must before Generate is enabled (an empty prompt is never sent). */
export async function typePrompt(user: UserEvent, prompt = 'a red fox in fresh snow'): Promise<void> {
  await user.type(await screen.findByRole('textbox', { name: 'Prompt' }), prompt);
}
