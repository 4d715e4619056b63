import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { PanelShell } from '../src/ui/PanelShell.tsx';

const meta = { title: 'Panel/Shell', component: PanelShell } satisfies Meta<typeof PanelShell>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SwitchTabs: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('tab', { name: 'Billing' }));
    await expect(canvas.getByRole('tab', { name: 'Billing' })).toHaveAttribute('aria-selected', 'true');
  },
};
