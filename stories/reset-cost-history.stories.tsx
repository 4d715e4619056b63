import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, screen, waitFor } from 'storybook/test';
import { ResetCostHistory } from '../src/ui/views/billing/ResetCostHistory.tsx';
import { resetLogic } from './fixtures/billing-fakes.ts';
import {
  type ResetStoryStep,
  resetState,
  STORY_BACKUP_PATH,
  STORY_RESET_FAILURE,
} from './fixtures/billing-states.ts';
import { withActors } from './fixtures/with-actors.tsx';

/**
 * `Reset cost history` and its typed-DELETE modal on a real reset actor: each state story restores
 * `resetMachine.resolveState` for that step; the flow stories start idle and type.
 */
const meta = {
  title: 'Views/Billing/ResetCostHistory',
  component: ResetCostHistory,
  decorators: [withActors],
} satisfies Meta<typeof ResetCostHistory>;
export default meta;
type Story = StoryObj<typeof meta>;

const inStep = (step: ResetStoryStep) => ({ actors: { reset: { state: resetState(step) } } });
const deleteButton = () => screen.findByRole('button', { name: 'Delete cost history' });

export const Typing: Story = {
  parameters: inStep('typing'),
  play: async () => {
    await expect(await deleteButton()).toBeDisabled();
    await expect(screen.getByRole('textbox', { name: 'Type DELETE to confirm' })).toHaveValue('DEL');
  },
};

export const Armed: Story = {
  parameters: inStep('armed'),
  play: async () => {
    await expect(await deleteButton()).toBeEnabled();
  },
};

export const Resetting: Story = {
  parameters: inStep('resetting'),
  play: async () => {
    await expect(await screen.findByText('Backing up and deleting…')).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  },
};

export const Done: Story = {
  parameters: inStep('done'),
  play: async () => {
    await expect(await screen.findByText(STORY_BACKUP_PATH)).toBeVisible();
  },
};

export const Failed: Story = {
  parameters: inStep('failed'),
  play: async () => {
    await expect(await screen.findByText(STORY_RESET_FAILURE)).toBeVisible();
  },
};

export const TypeDeleteAndReset: Story = {
  parameters: { actors: { reset: { logic: resetLogic('succeed') } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reset cost history' }));
    const box = await screen.findByRole('textbox', { name: 'Type DELETE to confirm' });
    await userEvent.type(box, 'DELET');
    await expect(await deleteButton()).toBeDisabled();
    await userEvent.type(box, 'E');
    await expect(await deleteButton()).toBeEnabled();
    await userEvent.click(await deleteButton());
    await expect(await screen.findByText(STORY_BACKUP_PATH)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

export const ResetFails: Story = {
  parameters: { actors: { reset: { logic: resetLogic('fail') } } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reset cost history' }));
    await userEvent.type(await screen.findByRole('textbox', { name: 'Type DELETE to confirm' }), 'DELETE');
    await userEvent.click(await deleteButton());
    await expect(await screen.findByText('Nothing was deleted')).toBeVisible();
  },
};
