import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { SettingsView } from '../src/ui/views/settings/SettingsView.tsx';
import {
  DEFAULT_PANEL_SETTINGS,
  FIXTURE_DATA_DIR,
  GOOD_KEY,
  memorySettingsBackend,
  settingsLogic,
  settingsState,
} from '../tests/dom/settings/settings-fixtures.ts';
import { type SettingsSetup, SettingsProviders } from '../tests/dom/settings/settings-providers.tsx';
import { inNarrowDock } from './fixtures/generate-decorator.tsx';
import type { ActorsParameter } from './fixtures/with-actors.tsx';

/**
 * Storybook decorator: the settings actor from `parameters.settings` (a state to restore, or logic to
 * run), with the billing / persistence / reset actors from `parameters.actors` and the FX rates it provides.
 */
const withSettings: Decorator = (Story, context) => {
  const actors = context.parameters.actors as ActorsParameter | undefined;
  return (
    <SettingsProviders
      settings={context.parameters.settings as SettingsSetup | undefined}
      actors={typeof actors === 'function' ? actors() : actors}
    >
      <Story />
    </SettingsProviders>
  );
};

/**
 * The Settings tab, each state restored from a real settings machine snapshot (`resolveState`) or run
 * over a memory backend with the real load/save actors (flows).
 */
const meta = {
  title: 'Views/Settings',
  component: SettingsView,
  decorators: [withSettings],
} satisfies Meta<typeof SettingsView>;
export default meta;
type Story = StoryObj<typeof meta>;

const keyStatus = (canvas: ReturnType<typeof within>) => canvas.getByRole('status', { name: 'Key status' });
const saved = (falKey: 'none' | 'valid' | 'invalid', sandbox: boolean) =>
  settingsState('ready', {
    settings: { ...DEFAULT_PANEL_SETTINGS, falKey, falKeySource: falKey === 'none' ? 'none' : 'saved' },
    backend: { sandbox, dataDir: FIXTURE_DATA_DIR, version: '0.1.0', readOnly: false },
  });

/** No key saved, and the backend not in Sandbox mode (started with FAL_KEY unset and no --sandbox). */
export const NoKey: Story = {
  parameters: { settings: { state: saved('none', false) } },
  play: async ({ canvas }) => {
    await expect(keyStatus(canvas)).toHaveTextContent('No key');
    await expect(canvas.getByRole('button', { name: 'Remove key' })).toBeDisabled();
  },
};

/** A saved key fal.ai accepted: green Connected, live generations. */
export const Connected: Story = {
  parameters: { settings: { state: saved('valid', false) } },
  play: async ({ canvas }) => {
    await expect(keyStatus(canvas)).toHaveTextContent('Connected');
    await expect(canvas.getByText(/Live: generations run on fal.ai/)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Remove key' })).toBeEnabled();
  },
};

/** A saved key fal.ai rejected: red Invalid key with what to do. */
export const InvalidKey: Story = {
  parameters: { settings: { state: saved('invalid', false) } },
  play: async ({ canvas }) => {
    await expect(keyStatus(canvas)).toHaveTextContent('Invalid key');
    await expect(keyStatus(canvas)).toHaveTextContent(/paste a fresh one/);
  },
};

/** Sandbox mode: the simulated fal, labelled "Sandbox: no real charges". */
export const Sandbox: Story = {
  parameters: { settings: { state: saved('none', true) } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Sandbox: no real charges')).toBeInTheDocument();
    await expect(canvas.getByText(FIXTURE_DATA_DIR)).toBeInTheDocument();
  },
};

/** First start: waiting for the backend (no cached settings yet). */
export const Loading: Story = {
  parameters: {
    settings: {
      state: settingsState('loading', {
        settings: null,
        backend: { sandbox: true, dataDir: null, version: null, readOnly: false },
      }),
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Loading settings…')).toBeInTheDocument();
  },
};

/** A change on its way to the backend: the Save buttons wait. */
export const Saving: Story = {
  parameters: { settings: { state: settingsState('saving', { saving: { currency: 'EUR' } }) } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Save rates' })).toHaveAttribute('data-loading');
  },
};

/** A new key being checked with fal.ai. */
export const CheckingKey: Story = {
  parameters: { settings: { state: settingsState('saving', { saving: {}, keyChange: 'set' }) } },
  play: async ({ canvas }) => {
    await expect(keyStatus(canvas)).toHaveTextContent('Checking…');
    await expect(canvas.getByLabelText('fal API key')).toBeDisabled();
  },
};

/** The backend did not answer: the reason in amber, and Retry. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: {
    settings: {
      state: settingsState('error', {
        reason:
          'The modelBridge backend did not complete GET /api/settings: it could not be reached. ' +
          'Check that `modelbridge serve` is running; the panel keeps unsaved work and retries.',
      }),
    },
  },
  play: async ({ canvas }) => {
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('Settings could not be reached');
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

/** Typed rates that make no sense are refused with a sentence; valid ones are saved as "Entered by you". */
export const EditingRates: Story = {
  parameters: { settings: { logic: settingsLogic(memorySettingsBackend()), input: { sandbox: true } } },
  play: async ({ canvas, userEvent }) => {
    const eur = await canvas.findByLabelText('EUR per 1 USD');
    await waitFor(() => expect(canvas.getByText(FIXTURE_DATA_DIR)).toBeInTheDocument());
    await userEvent.clear(eur);
    await userEvent.type(eur, '86');
    await userEvent.click(canvas.getByRole('button', { name: 'Save rates' }));
    const rates = canvas.getByRole('region', { name: 'Exchange rates' });
    await expect(within(rates).getByRole('alert')).toHaveTextContent(/EUR rate 86 is outside 0.1–10/);
    await userEvent.clear(eur);
    await userEvent.type(eur, '0.92');
    await userEvent.click(canvas.getByRole('button', { name: 'Save rates' }));
    await waitFor(() => expect(canvas.getByLabelText('Rates in use')).toHaveTextContent(/^Entered by you/));
  },
};

/** Pasting a key checks it at once; Remove key returns to No key. */
export const PasteKey: Story = {
  parameters: { settings: { logic: settingsLogic(memorySettingsBackend()), input: { sandbox: true } } },
  play: async ({ canvas, userEvent }) => {
    const field = await canvas.findByLabelText('fal API key');
    await waitFor(() => expect(field).toBeEnabled());
    await userEvent.click(field);
    await userEvent.paste(GOOD_KEY);
    await waitFor(() => expect(keyStatus(canvas)).toHaveTextContent('Connected'));
    await expect(field).toHaveValue('');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove key' }));
    await waitFor(() => expect(keyStatus(canvas)).toHaveTextContent('No key'));
  },
};

/** The narrowest Premiere dock: 320 px, nothing cut off. */
export const Narrow320: Story = {
  decorators: [inNarrowDock],
  parameters: { settings: { state: saved('valid', false) } },
  play: async ({ canvas }) => {
    const view = canvas.getByRole('region', { name: 'Settings' });
    await expect(view.scrollWidth).toBeLessThanOrEqual(320);
  },
};
