import { chmod, copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleBackend, bundleLauncher } from './bundle-backend.ts';
import { type CepConfig, cepConfig } from './cep-config.ts';
import { fetchRuntime } from './fetch-runtime.ts';
import { LAUNCHER_FILE, renderLoaderPage } from './loader-page.ts';
import { renderDebugFile, renderManifest } from './manifest.ts';
import { type CepPlatform, RUNTIMES } from './runtimes.ts';

/** What to build, and from where. */
export interface BuildExtensionOptions {
  /** The project checkout (sources, vite.config.ts, node_modules). */
  root: string;
  /** Output folder; it is emptied first. @default `<root>/dist/cep/<bundle id>` */
  outDir?: string;
  /** Platform whose Node runtime goes into `runtime/`. */
  platform: CepPlatform;
  /** Where downloaded runtimes are kept between builds. @default `<root>/node_modules/.cache/modelbridge-runtimes` */
  cacheDir?: string;
  /**
   * An already built panel folder to copy instead of running the Vite build (tests that build
   * several folders). @default runs `vite build` and copies `<root>/dist/panel`
   */
  panelDir?: string;
  /**
   * Also write `.debug`, which opens an unauthenticated remote debugger on 127.0.0.1:8860: any local
   * process could then run code in this Node-enabled panel, so only on request. @default false
   */
  debug?: boolean;
  config?: CepConfig;
}

/** `build.json` at the extension root: which platform and runtime a folder carries (install checks it). */
export interface BuildInfo {
  id: string;
  version: string;
  platform: CepPlatform;
  runtime: string;
}

/** Default output folder of a build. */
export const defaultCepOutDir = (root: string, config: CepConfig = cepConfig) =>
  join(root, 'dist', 'cep', config.id);

async function buildPanel(root: string): Promise<string> {
  // A NODE_ENV left at development or test (npm scripts run from a test, a dev shell) would make
  // React's development JSX, which embeds every component's absolute source path.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  // The same config as `npm start`'s panel, so the extension serves exactly that panel.
  await build({ root, configFile: join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  return join(root, 'dist', 'panel');
}

/**
 * Builds the self-contained extension folder: manifest and icons, the loader page and its launcher,
 * the built panel, the ExtendScript host as it is, the backend in one file, and the platform's Node
 * runtime. Nothing in it refers to the checkout. It never touches Adobe's extensions folder:
 * installing is an explicit, separate command (STACK.md § CEP build). Resolves with the folder.
 */
export async function buildExtension(options: BuildExtensionOptions): Promise<string> {
  const config = options.config ?? cepConfig;
  const { root } = options;
  const out = options.outDir ?? defaultCepOutDir(root, config);
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const runtime = RUNTIMES[options.platform];
  const cacheDir = options.cacheDir ?? join(root, 'node_modules', '.cache', 'modelbridge-runtimes');
  // Fetched first: a refused download must not leave a half-emptied folder behind.
  const runtimeBinary = await fetchRuntime(runtime, cacheDir);
  const panelDir = options.panelDir ?? (await buildPanel(root));
  await rm(out, { recursive: true, force: true });
  for (const dir of ['CSXS', 'loader', 'host', 'backend', 'runtime'])
    await mkdir(join(out, dir), { recursive: true });
  await writeFile(join(out, 'CSXS', 'manifest.xml'), renderManifest(config, version));
  await cp(join(root, 'src', 'cep', 'icons'), join(out, 'icons'), { recursive: true });
  await writeFile(join(out, 'loader', 'index.html'), renderLoaderPage());
  await bundleLauncher(root, join(out, LAUNCHER_FILE));
  await cp(panelDir, join(out, 'panel'), { recursive: true });
  await copyFile(join(root, 'src', 'cep', 'host', 'modelbridge.jsx'), join(out, 'host', 'modelbridge.jsx'));
  await bundleBackend(root, join(out, 'backend', 'modelbridge.mjs'));
  const runtimeFile = join(out, 'runtime', runtime.fileName);
  await copyFile(runtimeBinary, runtimeFile);
  await chmod(runtimeFile, 0o755);
  const info: BuildInfo = {
    id: config.id,
    version,
    platform: options.platform,
    runtime: `${runtime.name}@${runtime.version}`,
  };
  await writeFile(join(out, 'build.json'), `${JSON.stringify(info, null, 2)}\n`);
  if (options.debug) await writeFile(join(out, '.debug'), renderDebugFile(config));
  return out;
}
