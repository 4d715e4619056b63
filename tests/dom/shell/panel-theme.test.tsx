import { Button } from '@mantine/core';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { createHostSkinSource } from '../../../src/cep/host-skin.ts';
import { PanelTheme } from '../../../src/ui/views/shell/PanelTheme.tsx';
import { createFakeCepSkin, type Rgb } from '../../fixtures/fake-csinterface.ts';

const scheme = () => document.documentElement.getAttribute('data-mantine-color-scheme');
// Mantine writes the resolver's variables into a style element of its own.
const mantineVariables = () =>
  [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n');

/** A Generate button under PanelTheme in a fake Premiere with panel colour `rgb`; returns the fake. */
function renderInPremiere(rgb: Rgb) {
  const fake = createFakeCepSkin(rgb);
  render(
    <PanelTheme skin={createHostSkinSource(fake.runtime)}>
      <Button>Generate</Button>
    </PanelTheme>,
  );
  return fake;
}

describe("the panel follows Premiere's skin", () => {
  test('a dark skin gives the dark scheme with the host panel colour as the body', () => {
    renderInPremiere([50, 50, 50]);
    expect(screen.getByRole('button', { name: 'Generate' }).textContent).toBe('Generate');
    expect(scheme()).toBe('dark');
    expect(mantineVariables()).toContain('--mantine-color-body: #323232');
  });

  test('moving the brightness slider to light switches the scheme and the body live', () => {
    const fake = renderInPremiere([50, 50, 50]);
    act(() => fake.setPanelColour([184, 184, 184]));
    expect(scheme()).toBe('light');
    expect(mantineVariables()).toContain('--mantine-color-body: #b8b8b8');
    act(() => fake.setPanelColour([29, 29, 29]));
    expect(scheme()).toBe('dark');
    expect(mantineVariables()).toContain('--mantine-color-body: #1d1d1d');
  });

  test('closing the panel stops listening to ThemeColorChanged', () => {
    const fake = createFakeCepSkin([50, 50, 50]);
    const { unmount } = render(<PanelTheme skin={createHostSkinSource(fake.runtime)}>x</PanelTheme>);
    expect(fake.listeners()).toBe(1);
    unmount();
    expect(fake.listeners()).toBe(0);
  });

  test('outside Premiere (no skin) the panel keeps its dark theme and Mantine body colour', () => {
    render(<PanelTheme skin={null}>x</PanelTheme>);
    expect(scheme()).toBe('dark');
    expect(mantineVariables()).not.toMatch(/--mantine-color-body: #[0-9a-f]{6}/);
  });
});
