import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CepConfig, cepConfig } from './cep-config.ts';
import { renderLoaderPage } from './loader-page.ts';
import { renderDebugFile, renderManifest } from './manifest.ts';

/** Where the built extension goes and which project it starts. */
export interface BuildExtensionOptions {
  /** Output folder: becomes the extension folder (or is linked into Adobe's extensions folder). */
  outDir: string;
  /** Absolute path of this project; the loader starts `bin/modelbridge.js` from here. */
  projectRoot: string;
  /** Backend port used inside Premiere. @default 4321 */
  port?: number;
  /**
   * Also write `.debug`, which opens an unauthenticated remote debugger on 127.0.0.1:8860: any local
   * process could then run code in this Node-enabled panel, so only on request. @default false
   */
  debug?: boolean;
  config?: CepConfig;
}

/**
 * Writes the CEP extension: CSXS/manifest.xml, the loader page, the host script (and `.debug` only
 * when asked). It never
 * touches Adobe's extensions folder: installing there is an explicit, separate step (STACK.md).
 */
export async function buildExtension(options: BuildExtensionOptions): Promise<string[]> {
  const config = options.config ?? cepConfig;
  const { outDir } = options;
  await mkdir(join(outDir, 'CSXS'), { recursive: true });
  await mkdir(join(outDir, 'panel'), { recursive: true });
  await mkdir(join(outDir, 'host'), { recursive: true });
  const manifest = join(outDir, 'CSXS', 'manifest.xml');
  const page = join(outDir, 'panel', 'index.html');
  const host = join(outDir, 'host', 'modelbridge.jsx');
  const debugFile = join(outDir, '.debug');
  await writeFile(manifest, renderManifest(config));
  await writeFile(
    page,
    renderLoaderPage({
      port: options.port ?? 4321,
      projectRoot: options.projectRoot,
      startTimeoutMs: 20_000,
    }),
  );
  await copyFile(join(options.projectRoot, 'src', 'cep', 'host', 'modelbridge.jsx'), host);
  if (options.debug) await writeFile(debugFile, renderDebugFile(config));
  else await rm(debugFile, { force: true });
  return options.debug ? [manifest, debugFile, page, host] : [manifest, page, host];
}
