import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { generationsLedger } from '../../../stories/fixtures/billing-ledgers.ts';
import { savedLedgerState } from '../../../stories/fixtures/billing-states.ts';
import { projectChip, renderBilling, visibleRows } from './render-billing.tsx';

async function setup(rows: number) {
  const user = userEvent.setup();
  await renderBilling({ persistence: { state: savedLedgerState(generationsLedger(rows)) } });
  return user;
}

const button = (name: string) => screen.queryByRole('button', { name });

describe('Billing pagination', () => {
  test('15 rows: 4 first, View more shows 14, again 15, Hide back to 4', async () => {
    const user = await setup(15);
    expect(visibleRows()).toHaveLength(4);
    expect(button('Hide')).toBeNull();
    await user.click(button('View more')!);
    expect(visibleRows()).toHaveLength(14);
    expect(button('Hide')).not.toBeNull();
    await user.click(button('View more')!);
    expect(visibleRows()).toHaveLength(15);
    expect(button('View more')).toBeNull();
    await user.click(button('Hide')!);
    expect(visibleRows()).toHaveLength(4);
    expect(button('View more')).not.toBeNull();
  });

  test('rows are newest first: the last generation recorded is the first row', async () => {
    await setup(14);
    const names = visibleRows().map((row) => row.getAttribute('aria-label'));
    // Models cycle by row index % 4: row 13 (newest) Kling, 12 FLUX, 11 Recraft, 10 Veo 3.
    expect(names[0]).toMatch(/^Kling 2\.1 Master, /);
    expect(names[1]).toMatch(/^FLUX\.1 \[dev\], /);
    expect(names[2]).toMatch(/^Recraft V3, /);
    expect(names[3]).toMatch(/^Veo 3, /);
  });

  test('4 rows or fewer: no View more, no Hide', async () => {
    await setup(4);
    expect(visibleRows()).toHaveLength(4);
    expect(button('View more')).toBeNull();
    expect(button('Hide')).toBeNull();
  });
});

describe('Billing project chips', () => {
  test('a chip filters to its project, a second click clears; a filter change returns to 4 rows', async () => {
    const user = await setup(14);
    await user.click(button('View more')!);
    expect(visibleRows()).toHaveLength(14);
    await user.click(projectChip('Hero Film'));
    expect(projectChip('Hero Film').getAttribute('aria-pressed')).toBe('true');
    expect(projectChip('All').getAttribute('aria-pressed')).toBe('false');
    // 5 Hero Film rows, 4 shown (the filter change collapsed the list).
    expect(visibleRows()).toHaveLength(4);
    for (const row of visibleRows()) expect(row.textContent).toContain('Hero Film');
    expect(screen.getByText('Showing 4 of 5')).toBeTruthy();
    await user.click(projectChip('Hero Film'));
    expect(projectChip('All').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Showing 4 of 14')).toBeTruthy();
  });

  test('"All" clears a project filter', async () => {
    const user = await setup(14);
    await user.click(projectChip('BTS Reel'));
    expect(screen.getByText('Showing 4 of 4')).toBeTruthy();
    await user.click(projectChip('All'));
    expect(projectChip('BTS Reel').getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('Showing 4 of 14')).toBeTruthy();
  });

  test('the client filter narrows rows to one client and back', async () => {
    const user = await setup(14);
    const select = screen.getByRole('combobox', { name: 'Filter by client' });
    await user.selectOptions(select, 'Globex');
    expect(screen.getByText('Showing 4 of 7')).toBeTruthy();
    for (const row of visibleRows()) expect(row.textContent).toContain('Globex');
    await user.selectOptions(select, 'All clients');
    expect(screen.getByText('Showing 4 of 14')).toBeTruthy();
  });

  test('every chip is a pressed/unpressed button inside the Projects group', async () => {
    await setup(14);
    const chips = within(screen.getByRole('group', { name: 'Projects' })).getAllByRole('button');
    expect(chips.map((c) => c.textContent)).toEqual(['All', 'BTS Reel', 'Hero Film', 'Social Cut']);
    for (const chip of chips) expect(chip.hasAttribute('aria-pressed')).toBe(true);
  });
});
