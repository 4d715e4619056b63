import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildExtension } from './cep/build-extension.ts';
import { cepConfig } from './cep/cep-config.ts';
import { cepExtensionsDir } from './cep/extensions-dir.ts';

export const CEP_USAGE =
  'Usage: modelbridge cep build [--out DIR] [--port N] [--debug] | modelbridge cep install [--port N]';

/** Where `cep` commands look for the project and Adobe's folder; injectable for tests. */
export interface CepCommandEnv {
  root: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

/**
 * `modelbridge cep build` writes the extension into dist/cep (or --out); `cep install` writes it into
 * Adobe's per-user extensions folder. Installing is always this explicit command, never a side effect
 * of a build (STACK.md § CEP build). Resolves with the exit code.
 */
export async function cepCommand(args: string[], where: CepCommandEnv): Promise<number> {
  const [sub, ...rest] = args;
  let values: { out?: string; port?: string; debug?: boolean };
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: { out: { type: 'string' }, port: { type: 'string' }, debug: { type: 'boolean' } },
    }));
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${CEP_USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 4321 : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`modelbridge: --port must be a whole number from 1 to 65535, not "${values.port}".`);
    return 2;
  }
  let outDir: string;
  if (sub === 'build') outDir = resolve(values.out ?? join(where.root, 'dist', 'cep'));
  else if (sub === 'install') {
    const dir = cepExtensionsDir(where.platform, where.env);
    if (!dir) {
      console.error(
        'modelbridge: Premiere Pro runs on macOS and Windows only; use `cep build --out DIR` here.',
      );
      return 1;
    }
    outDir = join(dir, cepConfig.id);
  } else {
    console.error(`modelbridge: unknown cep command "${sub ?? ''}". ${CEP_USAGE}`);
    return 2;
  }
  if (sub === 'install' && values.debug) {
    console.error('modelbridge: --debug is for `cep build` only: an installed panel never opens a debugger.');
    return 2;
  }
  await buildExtension({ outDir, projectRoot: where.root, port, debug: values.debug === true });
  console.log(`modelBridge CEP extension written to ${outDir}`);
  if (sub === 'install') {
    console.log('Restart Premiere Pro, then open Window › Extensions › modelBridge.');
    console.log('Unsigned panels need PlayerDebugMode = 1 (CSXS.11) once per machine.');
  }
  return 0;
}
