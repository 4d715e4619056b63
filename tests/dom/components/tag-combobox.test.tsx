import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test, vi } from 'vitest';
import { TagCombobox } from '../../../src/ui/components/TagCombobox/TagCombobox.tsx';
import { renderUi } from './render.tsx';

const KNOWN = ['Social Cut', 'The Hero Film BTS', 'Hero Film', 'BTS Reel', 'hero film'];

/** A parent that keeps the value, as the generation machine will. */
function Harness({ onChange, initial = '' }: { onChange: (v: string) => void; initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <TagCombobox
      label="Deliverable"
      value={value}
      options={KNOWN}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
    />
  );
}

function optionNames(): string[] {
  return within(screen.getByRole('listbox'))
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

describe('TagCombobox', () => {
  test('is a combobox named by its label', () => {
    renderUi(<Harness onChange={() => {}} />);
    expect(screen.getByRole('combobox', { name: 'Deliverable' })).toBeTruthy();
  });

  test('suggests case-insensitively, prefix matches first, duplicates by case once', async () => {
    const user = userEvent.setup();
    renderUi(<Harness onChange={() => {}} />);
    await user.type(screen.getByRole('combobox', { name: 'Deliverable' }), 'HERO');
    expect(optionNames()).toEqual(['Hero Film', 'The Hero Film BTS']);
  });

  test('keyboard: ArrowDown + Enter picks the first suggestion', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Deliverable' });
    await user.type(input, 'hero');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('Hero Film');
    expect((input as HTMLInputElement).value).toBe('Hero Film');
  });

  test('a new name is allowed and reported trimmed, spaces inside kept while typing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Deliverable' }) as HTMLInputElement;
    await user.type(input, '  Launch  Teaser ');
    expect(input.value).toBe('  Launch  Teaser ');
    expect(onChange).toHaveBeenLastCalledWith('Launch Teaser');
    await user.tab();
    expect(input.value).toBe('Launch Teaser');
  });

  test('typing a known name in another case reports the first spelling seen', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderUi(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: 'Deliverable' }) as HTMLInputElement;
    await user.type(input, 'social cut');
    expect(onChange).toHaveBeenLastCalledWith('Social Cut');
    await user.tab();
    expect(input.value).toBe('Social Cut');
  });

  test('a value set from outside replaces the text', () => {
    const { rerender } = renderUi(
      <TagCombobox label="Client" value="Acme" options={[]} onChange={() => {}} />,
    );
    expect((screen.getByRole('combobox', { name: 'Client' }) as HTMLInputElement).value).toBe('Acme');
    rerender(<TagCombobox label="Client" value="" options={[]} onChange={() => {}} />);
    expect((screen.getByRole('combobox', { name: 'Client' }) as HTMLInputElement).value).toBe('');
  });
});
