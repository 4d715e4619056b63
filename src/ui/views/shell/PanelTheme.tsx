import { type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { type ReactNode, useMemo, useSyncExternalStore } from 'react';
import { theme } from '../../theme.ts';

/** The host application's skin as the panel follows it. */
export interface PanelSkin {
  /** The host's panel background as `#rrggbb`. */
  background: string;
  scheme: 'dark' | 'light';
}

/** A live skin (Premiere's, through CEP: src/cep/host-skin.ts); stories and tests pass a fake. */
export interface PanelSkinSource {
  current(): PanelSkin | null;
  subscribe(onChange: () => void): () => void;
}

/** Props of {@link PanelTheme}. */
export interface PanelThemeProps {
  /** The host's skin; without one (a plain browser) the panel keeps its dark theme. */
  skin?: PanelSkinSource | null | undefined;
  children: ReactNode;
}

const noSkin = () => null;
const noSubscription = () => () => {};

/**
 * Mantine with the host's scheme and its panel colour as the body, so the panel sits in Premiere's
 * dock like a native one and follows a brightness change at once (ThemeColorChanged).
 */
export function PanelTheme({ skin, children }: PanelThemeProps) {
  const current = useSyncExternalStore(skin?.subscribe ?? noSubscription, skin?.current ?? noSkin);
  const background = current?.background;
  const resolver = useMemo<CSSVariablesResolver>(() => {
    const body: Record<string, string> = background ? { '--mantine-color-body': background } : {};
    return () => ({ variables: {}, light: body, dark: body });
  }, [background]);
  return (
    <MantineProvider
      theme={theme}
      forceColorScheme={current?.scheme ?? 'dark'}
      cssVariablesResolver={resolver}
    >
      {children}
    </MantineProvider>
  );
}
