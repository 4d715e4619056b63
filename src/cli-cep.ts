import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { buildExtension, defaultCepOutDir } from './cep/build-extension.ts';
import { cepConfig } from './cep/cep-config.ts';
import { cepExtensionsDir } from './cep/extensions-dir.ts';
import { installExtension, readBuildInfo } from './cep/install-extension.ts';
import { findSignTool, packageZxp } from './cep/package-zxp.ts';
import { commandLine, playerDebugModeCommands } from './cep/player-debug-mode.ts';
import { CEP_PLATFORMS, currentCepPlatform, parseCepPlatform } from './cep/runtimes.ts';

const run = promisify(execFile);

export const CEP_USAGE = [
  `Usage: modelbridge cep build [--platform ${CEP_PLATFORMS.join('|')}] [--out DIR] [--debug]`,
  '       modelbridge cep install [--from DIR] [--extensions-dir DIR] [--dry-run]',
  '       modelbridge cep package [--from DIR] [--out FILE.zxp]',
].join('\n');

/** Where `cep` commands look for the project and Adobe's folder; injectable for tests. */
export interface CepCommandEnv {
  root: string;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

interface CepValues {
  platform?: string;
  out?: string;
  from?: string;
  'extensions-dir'?: string;
  'dry-run'?: boolean;
  debug?: boolean;
}

const OPTIONS = {
  build: ['platform', 'out', 'debug'],
  install: ['from', 'extensions-dir', 'dry-run'],
  package: ['from', 'out'],
} as const;

/**
 * `modelbridge cep build` writes the self-contained extension folder; `cep install` copies a built
 * folder into Adobe's per-user extensions folder and sets PlayerDebugMode; `cep package` signs a
 * ZXP. Installing is always its own command, never a side effect of a build (STACK.md § CEP build).
 * Resolves with the exit code.
 */
export async function cepCommand(args: string[], where: CepCommandEnv): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'build' && sub !== 'install' && sub !== 'package') {
    console.error(`modelbridge: unknown cep command "${sub ?? ''}".\n${CEP_USAGE}`);
    return 2;
  }
  let values: CepValues;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        platform: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        'extensions-dir': { type: 'string' },
        'dry-run': { type: 'boolean' },
        debug: { type: 'boolean' },
      },
    }));
    const unexpected = Object.keys(values).find((k) => !(OPTIONS[sub] as readonly string[]).includes(k));
    if (unexpected) throw new Error(`--${unexpected} is not an option of \`cep ${sub}\`.`);
    if (values.platform !== undefined) parseCepPlatform(values.platform);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${CEP_USAGE}`);
    return 2;
  }
  try {
    if (sub === 'build') return await build(values, where);
    if (sub === 'install') return await install(values, where);
    return await packageCommand(values, where);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}`);
    return 1;
  }
}

async function build(values: CepValues, where: CepCommandEnv): Promise<number> {
  const platform = values.platform === undefined ? currentCepPlatform() : parseCepPlatform(values.platform);
  if (!platform)
    throw new Error(`this machine has no build of its own: pass --platform ${CEP_PLATFORMS.join('|')}.`);
  const out = await buildExtension({
    root: where.root,
    platform,
    debug: values.debug === true,
    ...(values.out ? { outDir: resolve(values.out) } : {}),
  });
  console.log(`modelBridge extension for ${platform} written to ${out}`);
  console.log('Install it with `npm run install:cep`, or sign a ZXP with `npm run package:cep`.');
  return 0;
}

async function install(values: CepValues, where: CepCommandEnv): Promise<number> {
  const platform = where.platform ?? process.platform;
  const env = where.env ?? process.env;
  const from = resolve(values.from ?? defaultCepOutDir(where.root));
  const override = values['extensions-dir'] ?? env.MODELBRIDGE_CEP_EXTENSIONS_DIR;
  const adobeDir = cepExtensionsDir(platform, env);
  if (!override && !adobeDir) {
    const mac = cepExtensionsDir('darwin', { HOME: '~' });
    const win = cepExtensionsDir('win32', { APPDATA: '%APPDATA%' });
    console.error(
      `modelbridge: Premiere Pro does not run on ${platform}, so there is nothing to install into here. ` +
        `On macOS the folder goes to ${mac}/${cepConfig.id}, on Windows to ${win}\\${cepConfig.id}; ` +
        'pass --extensions-dir DIR to copy it somewhere else.',
    );
    return 1;
  }
  const target = await installExtension(
    from,
    override ? resolve(override) : adobeDir!,
    override ? undefined : platform,
  );
  console.log(`modelBridge installed in ${target}`);
  const commands = playerDebugModeCommands(platform);
  if (!commands) {
    console.log(`PlayerDebugMode: not needed on ${platform} (Premiere Pro runs on macOS and Windows).`);
  } else if (values['dry-run']) {
    console.log('PlayerDebugMode (dry run, not changed). These commands would run:');
    for (const c of commands) console.log(`  ${commandLine(c)}`);
  } else {
    for (const c of commands) await run(c.file, c.args);
    console.log('PlayerDebugMode set to 1 for CSXS 11 and 12: Premiere loads this unsigned extension.');
  }
  console.log(
    'Note: PlayerDebugMode lets Premiere load any unsigned extension for this user; a signed ZXP ' +
      '(npm run package:cep) does not need it.',
  );
  console.log('Restart Premiere Pro, then open Window › Extensions › modelBridge.');
  return 0;
}

async function packageCommand(values: CepValues, where: CepCommandEnv): Promise<number> {
  const from = resolve(values.from ?? defaultCepOutDir(where.root));
  const info = await readBuildInfo(from);
  const tool = await findSignTool(where.root, where.platform);
  if (!tool.ok) {
    console.error(
      `modelbridge: cannot sign a ZXP here: ${tool.reason} The unsigned folder ${from} still installs with \`npm run install:cep\`.`,
    );
    return 1;
  }
  const password = (where.env ?? process.env).MODELBRIDGE_ZXP_PASSWORD;
  if (!password) {
    console.error('modelbridge: set MODELBRIDGE_ZXP_PASSWORD to the password of the signing certificate.');
    return 1;
  }
  const zxp = resolve(
    values.out ?? join(where.root, 'dist', 'cep', `${info.id}-${info.version}-${info.platform}.zxp`),
  );
  await packageZxp(tool.path, from, zxp, password);
  console.log(`Signed ZXP written to ${zxp}`);
  return 0;
}
