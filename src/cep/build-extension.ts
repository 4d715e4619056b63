import { copyFile, mkdir, writeFile } from 'node:fs/promises';
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
  config?: CepConfig;
}

/**
 * Writes the CEP extension: CSXS/manifest.xml, .debug, the loader page and the host script. It never
 * touches Adobe's extensions folder: installing there is an explicit, separate step (STACK.md).
 */
export async function buildExtension(options: BuildExtensionOptions): Promise<string[]> {
  const config = options.config ?? cepConfig;
  const { outDir } = options;
  await mkdir(join(outDir, 'CSXS'), { recursive: true });
  await mkdir(join(outDir, 'panel'), { recursive: true });
  await mkdir(join(outDir, 'host'), { recursive: true });
  const written = [
    join(outDir, 'CSXS', 'manifest.xml'),
    join(outDir, '.debug'),
    join(outDir, 'panel', 'index.html'),
    join(outDir, 'host', 'modelbridge.jsx'),
  ];
  await writeFile(written[0]!, renderManifest(config));
  await writeFile(written[1]!, renderDebugFile(config));
  await writeFile(
    written[2]!,
    renderLoaderPage({
      port: options.port ?? 4321,
      projectRoot: options.projectRoot,
      startTimeoutMs: 20_000,
    }),
  );
  await copyFile(join(options.projectRoot, 'src', 'cep', 'host', 'modelbridge.jsx'), written[3]!);
  return written;
}
