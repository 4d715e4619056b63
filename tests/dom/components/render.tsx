import { MantineProvider } from '@mantine/core';
import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { DEFAULT_FX } from '../../../src/domain/fx.ts';
import type { FxSnapshot } from '../../../src/domain/ledger/events.ts';
import { theme } from '../../../src/ui/theme.ts';

function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} forceColorScheme="dark" env="test">
      {children}
    </MantineProvider>
  );
}

/** Renders inside the panel's Mantine theme, dark, with transitions and portals off (env test). */
export function renderUi(ui: ReactElement): RenderResult {
  return render(ui, { wrapper: Providers });
}

/** Round rates for readable expectations: 1 USD = 0.9 EUR = 10 SEK. */
export const TEST_FX: FxSnapshot = { ...DEFAULT_FX, rates: { USD: 1, EUR: 0.9, SEK: 10 }, source: 'manual' };
