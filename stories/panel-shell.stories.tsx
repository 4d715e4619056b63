import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { createHostSkinSource } from '../src/cep/host-skin.ts';
import { PanelShell } from '../src/ui/PanelShell.tsx';
import {
  DEFAULT_PANEL_SETTINGS,
  FIXTURE_DATA_DIR,
  settingsState,
} from '../tests/dom/settings/settings-fixtures.ts';
import type { SettingsSetup } from '../tests/dom/settings/settings-providers.tsx';
import { createFakeCepSkin } from '../tests/fixtures/fake-csinterface.ts';
import { ShellProviders } from '../tests/dom/shell/shell-providers.tsx';
import { errorLedgerState, offlineLedgerState } from '../tests/dom/shell/shell-states.ts';
import { generationsLedger } from './fixtures/billing-ledgers.ts';
import { savedLedgerState } from './fixtures/billing-states.ts';
import { type GenerateLoaded, scenarioLoader } from './fixtures/generate-decorator.tsx';
import { failedNotChargedScenario, queuedScenario } from './fixtures/generate-states.ts';
import type { ActorsParameter } from './fixtures/with-actors.tsx';

/**
 * Storybook decorator: every app-level actor the shell reads, over fakes: settings from
 * `parameters.settings`, billing / persistence / reset from `parameters.actors`, and Active
 * generations from the loader's scenario (empty when none), in a dock `parameters.dock` px wide.
 */
const withShell: Decorator = (Story, context) => {
  const actors = context.parameters.actors as ActorsParameter | undefined;
  const width = (context.parameters.dock as number | undefined) ?? 800;
  return (
    <ShellProviders
      setup={{
        settings: context.parameters.settings as SettingsSetup | undefined,
        actors: typeof actors === 'function' ? actors() : actors,
        ...((context.loaded as Partial<GenerateLoaded>).scenario
          ? { scenario: (context.loaded as GenerateLoaded).scenario }
          : {}),
      }}
    >
      <div style={{ width, height: 720, outline: '1px dashed gray', overflow: 'hidden' }} data-testid="dock">
        <Story />
      </div>
    </ShellProviders>
  );
};

/**
 * The panel's frame: header with the Sandbox label and the save status (every tab), sticky banners,
 * the three tabs and Active generations pinned at the bottom. Real machine snapshots over fakes.
 */
const meta = {
  title: 'Panel/Shell',
  component: PanelShell,
  decorators: [withShell],
  args: { height: '100%' },
  parameters: {
    layout: 'fullscreen',
    settings: { state: settingsState('ready') },
    actors: () => ({ persistence: { state: savedLedgerState(generationsLedger(6)) } }),
  },
} satisfies Meta<typeof PanelShell>;
export default meta;
type Story = StoryObj<typeof meta>;

const header = (canvas: ReturnType<typeof within>) => within(canvas.getByRole('banner'));
const live = settingsState('ready', {
  settings: { ...DEFAULT_PANEL_SETTINGS, falKey: 'valid', falKeySource: 'saved' },
  backend: { sandbox: false, dataDir: FIXTURE_DATA_DIR, version: '0.1.0', readOnly: false },
});

/** Live with a saved key fal refused: the AUTH banner offers Open Settings and Use Sandbox. */
export const RefusedKey: Story = {
  parameters: {
    settings: {
      state: settingsState('ready', {
        settings: { ...DEFAULT_PANEL_SETTINGS, falKey: 'invalid', falKeySource: 'saved' },
        backend: { sandbox: false, dataDir: FIXTURE_DATA_DIR, version: '0.1.0', readOnly: false },
      }),
    },
  },
  play: async ({ canvas }) => {
    await expect(header(canvas).getByText('Live: fal.ai charges')).toBeInTheDocument();
    const alerts = within(canvas.getByRole('region', { name: 'Alerts' }));
    await expect(alerts.getByText('Your fal.ai key was rejected')).toBeInTheDocument();
    await expect(alerts.getByRole('button', { name: 'Use Sandbox' })).toBeInTheDocument();
  },
};

/** The Generate tab (the default). */
export const GenerateTab: Story = {
  args: { defaultTab: 'generate', height: '100%' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('tab', { name: 'Generate' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(header(canvas).getByRole('status')).toHaveTextContent('Saved'));
  },
};

/** The Billing tab over six recorded runs. */
export const BillingTab: Story = {
  args: { defaultTab: 'billing', height: '100%' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Running total' })).toHaveTextContent('6 generations');
  },
};

/** The Settings tab. */
export const SettingsTab: Story = {
  args: { defaultTab: 'settings', height: '100%' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Settings' })).toBeInTheDocument();
  },
};

/** Switching tabs keeps the header and its save status. */
export const SwitchTabs: Story = {
  play: async ({ canvas, userEvent }) => {
    for (const name of ['Billing', 'Settings', 'Generate']) {
      await userEvent.click(canvas.getByRole('tab', { name }));
      await expect(canvas.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await expect(header(canvas).getByRole('status')).toHaveTextContent('Saved');
    }
  },
};

/** The backend is unreachable: 3 runs wait in the browser cache, retried by themselves. */
export const OfflineWith3Unsaved: Story = {
  args: { defaultTab: 'billing', height: '100%' },
  parameters: { actors: { persistence: { state: offlineLedgerState(3) } } },
  play: async ({ canvas }) => {
    await expect(header(canvas).getByRole('status')).toHaveTextContent('Offline, 3 unsaved (retrying)');
  },
};

/** Disk refused the events: the reason and Retry, which saves them. */
export const ErrorWithRetry: Story = {
  parameters: { actors: { persistence: { state: errorLedgerState(2) } } },
  play: async ({ canvas, userEvent }) => {
    await expect(header(canvas).getByRole('status')).toHaveTextContent(/^Error: .*\(2 unsaved\)$/);
    await userEvent.click(header(canvas).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(header(canvas).getByRole('status')).toHaveTextContent('Saved'));
  },
};

/** Sandbox mode: "Sandbox: no real charges" in the header on every tab. */
export const SandboxBadge: Story = {
  play: async ({ canvas }) => {
    await expect(header(canvas).getByText('Sandbox: no real charges')).toBeInTheDocument();
  },
};

/** A live key: the Live label, no Sandbox label. */
export const Live: Story = {
  parameters: { settings: { state: live } },
  play: async ({ canvas }) => {
    await expect(header(canvas).queryByText('Sandbox: no real charges')).toBeNull();
    await expect(header(canvas).getByText('Live: fal.ai charges')).toBeInTheDocument();
  },
};

/** A run in fal's queue: Active generations pinned under the tabs. */
export const WithActiveGeneration: Story = {
  loaders: [scenarioLoader(queuedScenario)],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('region', { name: 'Active generations' })).toHaveTextContent('Queued #3');
  },
};

/** fal found the balance empty: a sticky amber BALANCE banner on every tab until dismissed. */
export const BalanceBanner: Story = {
  args: { defaultTab: 'billing', height: '100%' },
  loaders: [scenarioLoader(failedNotChargedScenario)],
  play: async ({ canvas, userEvent }) => {
    const alerts = canvas.getByRole('region', { name: 'Alerts' });
    await expect(alerts).toHaveTextContent('Your fal.ai balance is empty');
    await userEvent.click(within(alerts).getByRole('button', { name: 'Dismiss' }));
    await expect(canvas.queryByRole('region', { name: 'Alerts' })).toBeNull();
  },
};

/** The narrowest Premiere dock (320 px): header wraps, tabs and views fit, nothing scrolls sideways. */
export const Narrow320: Story = {
  loaders: [scenarioLoader(queuedScenario)],
  parameters: { dock: 320 },
  play: async ({ canvas, userEvent }) => {
    for (const name of ['Generate', 'Billing', 'Settings']) {
      await userEvent.click(canvas.getByRole('tab', { name }));
      const scroller = canvas.getByTestId('dock').querySelector('[data-scroll-area="tabs"]') as HTMLElement;
      await expect(canvas.getByTestId('dock').scrollWidth).toBeLessThanOrEqual(320);
      await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    }
  },
};

/**
 * A short, narrow dock (320 × 720) with an expanded row: Active generations stay within 40% of the
 * height and scroll inside; the Settings tab still scrolls to its last section; Hide collapses the
 * panel to its header (count and status), Show brings the rows back.
 */
export const ActiveCappedAndCollapsible: Story = {
  args: { defaultTab: 'settings', height: '100%' },
  loaders: [scenarioLoader(queuedScenario)],
  parameters: { dock: 320 },
  play: async ({ canvas, userEvent }) => {
    const dock = canvas.getByTestId('dock');
    const region = canvas.getByRole('region', { name: 'Active generations' });
    await userEvent.click(within(region).getByRole('button', { name: 'Details' }));
    await expect(await within(region).findByRole('list', { name: 'Generation progress' })).toBeVisible();
    const area = dock.querySelector('[data-dock-area="active"]') as HTMLElement;
    await expect(area.getBoundingClientRect().height).toBeLessThanOrEqual(dock.clientHeight * 0.4 + 1);
    const scroller = dock.querySelector('[data-scroll-area="tabs"]') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
    const last = canvas.getByRole('region', { name: 'Settings' }).lastElementChild as HTMLElement;
    await waitFor(() =>
      expect(last.getBoundingClientRect().bottom).toBeLessThanOrEqual(
        scroller.getBoundingClientRect().bottom + 1,
      ),
    );
    await userEvent.click(within(region).getByRole('button', { name: 'Hide active generations' }));
    const show = within(region).getByRole('button', { name: 'Show active generations' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(within(region).queryByRole('list', { name: 'Generations' })).toBeNull();
    await expect(region).toHaveTextContent('1 queued');
    await userEvent.click(show);
    await expect(within(region).getByRole('list', { name: 'Generations' })).toBeVisible();
  },
};

const SKINS = {
  dark: { colour: [50, 50, 50], css: 'rgb(50, 50, 50)' },
  light: { colour: [184, 184, 184], css: 'rgb(184, 184, 184)' },
} as const;
type SkinName = keyof typeof SKINS;
const shownScheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');
const bodyColour = () => getComputedStyle(document.body).backgroundColor;

/**
 * A story in a fake Premiere (one per story) whose play starts on the `from` skin on the `tab`, then
 * moves the brightness slider to `to` as an editor would: the scheme and the body follow each time.
 */
function inPremiereSkin(from: SkinName, to: SkinName, tab: 'Generate' | 'Billing', dock: number): Story {
  const premiere = createFakeCepSkin(SKINS[from].colour);
  const shows = async (skin: SkinName) => {
    premiere.setPanelColour(SKINS[skin].colour);
    await waitFor(() => expect(shownScheme()).toBe(skin));
    await expect(bodyColour()).toBe(SKINS[skin].css);
  };
  return {
    args: { defaultTab: tab === 'Billing' ? 'billing' : 'generate', height: '100%' },
    parameters: { dock, skin: createHostSkinSource(premiere.runtime) },
    play: async ({ canvas }) => {
      await shows(from);
      await expect(canvas.getByRole('tab', { name: tab })).toBeVisible();
      await shows(to);
    },
  };
}

/**
 * Premiere set to its lightest brightness (panel #b8b8b8): the light scheme on the host's own grey,
 * at 320 px. Moving the slider back to dark (ThemeColorChanged) turns the panel dark at once.
 */
export const LightPremiereSkin320: Story = inPremiereSkin('light', 'dark', 'Billing', 320);

/** Premiere's default dark skin (#323232) at 400 px: the dark scheme on the host's grey, live to light. */
export const DarkPremiereSkin400: Story = inPremiereSkin('dark', 'light', 'Generate', 400);
