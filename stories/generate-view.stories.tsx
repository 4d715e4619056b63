import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor, within } from 'storybook/test';
import { ActiveGenerations } from '../src/ui/views/active/ActiveGenerations.tsx';
import { GenerateView } from '../src/ui/views/generate/GenerateView.tsx';
import {
  type GenerateLoaded,
  inDock400,
  inNarrowDock,
  scenarioLoader,
  withGenerate,
} from './fixtures/generate-decorator.tsx';
import { savedLedgerState } from './fixtures/billing-states.ts';
import { falStatus } from './fixtures/generate-fakes.ts';
import { LEARNED_MODEL, LEARNED_NOW, learnedLedger } from './fixtures/generate-learned.ts';
import { emptyScenario, FLUX_DEV, KLING_O3_4K, model } from './fixtures/generate-scenarios.ts';
import {
  confirmingDualScenario,
  confirmingScenario,
  generatingScenario,
} from './fixtures/generate-states.ts';

/**
 * The Generate tab with Active generations pinned below it, over the real machines and fakes. State
 * stories start from a scenario the machines reached (loaders); flow stories start from an empty
 * actor and click through. "Learned" starts from a persistence actor holding three metered runs.
 */
const meta = {
  title: 'Views/Generate',
  component: GenerateView,
  decorators: [withGenerate],
  render: () => (
    <>
      <GenerateView />
      <ActiveGenerations />
    </>
  ),
} satisfies Meta<typeof GenerateView>;
export default meta;
type Story = StoryObj<typeof meta>;

const cost = () => screen.getByRole('status', { name: 'Estimated cost' });
const tierOf = (label: string) => screen.getByText(label).closest('[data-tier]')?.getAttribute('data-tier');

/** FLUX.1 [dev] with every input known: a blue "Estimated" badge. */
export const Estimated: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: FLUX_DEV }))],
  play: async () => {
    await waitFor(() => expect(cost()).toHaveTextContent('Estimated $0.03'));
    await expect(tierOf('Estimated $0.03')).toBe('estimated');
  },
};

/** An upscaler whose source size is unknown: an orange "From" minimum. */
export const From: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: model('fal-ai/clarity-upscaler') }))],
  play: async () => {
    await waitFor(() => expect(cost()).toHaveTextContent('From $0.03'));
    await expect(tierOf('From $0.03')).toBe('from');
  },
};

/** A TTS model before any text: grey "No price", never $0. */
export const NoPrice: Story = {
  loaders: [
    scenarioLoader(() => emptyScenario({ defaultModel: model('fal-ai/elevenlabs/tts/multilingual-v2') })),
  ],
  play: async () => {
    await waitFor(() => expect(cost()).toHaveTextContent('No price'));
    await expect(tierOf('No price')).toBe('none');
  },
};

/** Veo 3.1 Fast documents no default resolution: the highest rate, "up to". */
export const UpTo: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: model('fal-ai/veo3.1/fast') }))],
  play: async () => {
    await waitFor(() => expect(cost()).toHaveTextContent('Estimated up to $2.80'));
  },
};

/**
 * Veo 3.1 Fast after three metered runs with the same settings ($1.20, $1.60, $1.30): their median
 * replaces the "up to $2.80" worst case, as a purple "Learned ≈$1.30".
 */
export const Learned: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: LEARNED_MODEL, now: LEARNED_NOW }))],
  parameters: { actors: { persistence: { state: savedLedgerState(learnedLedger()) } } },
  play: async () => {
    await waitFor(() => expect(cost()).toHaveTextContent('Learned ≈$1.30'));
    await expect(tierOf('Learned ≈$1.30')).toBe('learned');
  },
};

/** A $6.30 run over the $5.00 threshold, waiting in the confirmation dialog. */
export const Confirming: Story = {
  loaders: [scenarioLoader(confirmingScenario)],
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await expect(dialog).toHaveTextContent('Kling O3 4K Text to Video');
    await expect(dialog).toHaveTextContent('Estimated $6.30');
  },
};

/** A Dual Mode pair over the $8.00 combined threshold: both models and the combined estimate. */
export const ConfirmingDual: Story = {
  loaders: [scenarioLoader(confirmingDualScenario)],
  play: async () => {
    const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await expect(dialog).toHaveTextContent('Veo 3.1');
    await expect(dialog).toHaveTextContent('Combined');
    await expect(dialog).toHaveTextContent('Estimated $11.10');
  },
};

/** The form in the narrowest dock: nothing wider than 320 px. */
export const Narrow320: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: KLING_O3_4K }))],
  decorators: [inNarrowDock],
  play: async ({ canvas }) => {
    const dock = await canvas.findByTestId('dock');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Generate' })).toBeVisible());
    await expect(dock.scrollWidth).toBeLessThanOrEqual(320);
  },
};

const queueScript = {
  submit: { ok: { queuePosition: 1 } },
  status: { ok: falStatus('IN_QUEUE', 1) },
} as const;

/** Flow: an expensive run asks; Cancel sends nothing and records nothing. */
export const ExpensiveRunCancel: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: KLING_O3_4K, script: queueScript }))],
  play: async ({ canvas, userEvent, loaded }) => {
    const { fakes } = (loaded as GenerateLoaded).scenario;
    await userEvent.click(await canvas.findByRole('combobox', { name: 'Duration' }));
    await userEvent.click(await screen.findByRole('option', { name: '15 s' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'a glacier at dawn');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm generation cost' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(fakes.ledger.events).toHaveLength(0);
    await expect(fakes.fal.calls.submit).toBe(0);
  },
};

/** Flow: an expensive run asks; Continue records its intent, sends it, and records `generation.submitted`. */
export const ExpensiveRunContinue: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: KLING_O3_4K, script: queueScript }))],
  play: async ({ canvas, userEvent, loaded }) => {
    const { fakes } = (loaded as GenerateLoaded).scenario;
    await userEvent.click(await canvas.findByRole('combobox', { name: 'Duration' }));
    await userEvent.click(await screen.findByRole('option', { name: '15 s' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Prompt' }), 'a glacier at dawn');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Continue' }));
    await waitFor(() =>
      expect(fakes.ledger.events.map((e) => e.type)).toEqual([
        'generation.requested',
        'generation.submitted',
      ]),
    );
    await expect(await canvas.findByRole('listitem', { name: /: Queued #1$/ })).toBeVisible();
  },
};

/** Flow: a cheap run goes straight through, no dialog, and shows in Active generations. */
export const CheapRun: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: FLUX_DEV, script: queueScript }))],
  play: async ({ canvas, userEvent, loaded }) => {
    const { fakes } = (loaded as GenerateLoaded).scenario;
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Prompt' }), 'a red fox in snow');
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(fakes.ledger.events.map((e) => e.type)).toEqual([
        'generation.requested',
        'generation.submitted',
      ]),
    );
    await expect(screen.queryByRole('dialog')).toBeNull();
    await expect(await canvas.findByRole('region', { name: 'Active generations' })).toBeVisible();
  },
};

/** A new draft has no prompt yet: Generate is disabled and says why (an empty prompt is never sent). */
export const BlankPrompt: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: FLUX_DEV }))],
  play: async ({ canvas }) => {
    const button = await canvas.findByRole('button', { name: 'Generate' });
    await expect(button).toBeDisabled();
    await expect(canvas.getByText('Write a prompt first: an empty prompt is not sent.')).toBeVisible();
  },
};

/** A prompt past the ledger's 20,000 characters: the count turns into an error and Generate waits. */
export const PromptOverLimit: Story = {
  loaders: [scenarioLoader(() => emptyScenario({ defaultModel: FLUX_DEV }))],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(await canvas.findByRole('textbox', { name: 'Prompt' }));
    await userEvent.paste('x'.repeat(20_001));
    await waitFor(() => expect(canvas.getByText(/20,001 \/ 20,000 characters: 1 too many/)).toBeVisible());
    await expect(canvas.getByRole('button', { name: 'Generate' })).toBeDisabled();
  },
};

/**
 * A Veo run holds the form: the line under it says what is in flight, and "Start another run" frees the
 * form with the same fields while the run goes on below. Nothing overlaps or spills sideways.
 */
async function startAnother({
  canvas,
  userEvent,
}: {
  canvas: ReturnType<typeof within>;
  userEvent: { click: (e: Element) => Promise<void> };
}) {
  const dock = await canvas.findByTestId('dock');
  const line = await canvas.findByRole('status', { name: 'Runs in flight' });
  await expect(line).toHaveTextContent('1 run in flight · $3.20 estimated');
  await expect(canvas.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await userEvent.click(canvas.getByRole('button', { name: 'Start another run' }));
  await waitFor(() => expect(canvas.getByRole('button', { name: 'Generate' })).toBeEnabled());
  await expect(canvas.getByRole('status', { name: 'Runs in flight' })).toHaveTextContent('1 run in flight');
  await expect(dock.scrollWidth).toBeLessThanOrEqual(dock.clientWidth + 2);
}

/** A second run while one is running, at 320 px. */
export const StartAnother320: Story = {
  loaders: [scenarioLoader(generatingScenario)],
  decorators: [inNarrowDock],
  play: startAnother,
};

/** The same at 400 px. */
export const StartAnother400: Story = {
  loaders: [scenarioLoader(generatingScenario)],
  decorators: [inDock400],
  play: startAnother,
};
