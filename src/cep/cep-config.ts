/** One typed source of truth for the CEP extension: the manifest and the host namespace derive from it. */
export interface CepConfig {
  /** Extension bundle id; also the ExtendScript namespace the host functions hang on. */
  id: string;
  /** Panel name shown in Premiere's Window › Extensions menu. */
  displayName: string;
  /** Bundle version (from package.json). */
  version: string;
  /** Premiere Pro versions supported, as a CEP range: 23.0 is Premiere Pro 2023. */
  hostVersionRange: string;
  /** CSXS runtime version required (CEP 11 ships with Premiere 2023+). */
  runtimeVersion: string;
  /** Default and minimum panel size in pixels; the panel works from 320 px wide. */
  size: { width: number; height: number; minWidth: number; minHeight: number };
  /** Chromium flags: Node for launching the backend, mixed context so `require` sees the window. */
  cefParams: string[];
}

export const cepConfig: CepConfig = {
  id: 'com.modelbridge.panel',
  displayName: 'modelBridge',
  version: '0.1.0',
  hostVersionRange: '[23.0,99.9]',
  runtimeVersion: '11.0',
  size: { width: 420, height: 720, minWidth: 320, minHeight: 400 },
  cefParams: ['--enable-nodejs', '--mixed-context', '--allow-file-access-from-files'],
};
