/** Panel sizes in pixels. */
export interface PanelSize {
  width: number;
  height: number;
}

/** One typed source of truth for the CEP extension: the manifest and the host namespace derive from it. */
export interface CepConfig {
  /** Extension bundle id; also the ExtendScript namespace the host functions hang on. */
  id: string;
  /** Panel name shown in Premiere's Window › Extensions menu. */
  displayName: string;
  /** Premiere Pro versions supported, as a CEP range: 23.0 is Premiere Pro 2023. */
  hostVersionRange: string;
  /** CSXS runtime versions required: 11.0 (CEP 11, Premiere 2023) and later. */
  runtimeVersionRange: string;
  /** Default, minimum and maximum panel size; the panel works from 320 px wide. */
  size: PanelSize & { min: PanelSize; max: PanelSize };
  /** Panel icons, relative to the extension root: `light` for Premiere's light skins, `dark` for dark. */
  icons: { light: string; lightRollOver: string; dark: string; darkRollOver: string };
  /** Chromium flags: Node for launching the backend, mixed context so `require` sees the window. */
  cefParams: string[];
}

export const cepConfig: CepConfig = {
  id: 'com.modelbridge.panel',
  displayName: 'modelBridge',
  hostVersionRange: '[23.0,99.9]',
  runtimeVersionRange: '[11.0,99.9]',
  size: { width: 420, height: 720, min: { width: 320, height: 400 }, max: { width: 1600, height: 2400 } },
  icons: {
    light: './icons/icon-light.png',
    lightRollOver: './icons/icon-light-rollover.png',
    dark: './icons/icon-dark.png',
    darkRollOver: './icons/icon-dark-rollover.png',
  },
  cefParams: ['--enable-nodejs', '--mixed-context'],
};
