import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CEP_USAGE, cepCommand } from './cli-cep.ts';
import { DOCTOR_USAGE, doctorCommand } from './cli-doctor.ts';
import { EXPORT_USAGE, exportCommand, REPORT_USAGE, reportCommand } from './cli-export.ts';
import { IMPORT_USAGE, importCommand } from './cli-import.ts';
import { panelBuildReason } from './panel-build-state.ts';
import { parseServeArgs, SERVE_USAGE, type ServeArgs, startServe, untilSignal } from './cli-serve.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const panelDir = join(root, 'dist', 'panel');

const USAGE = SERVE_USAGE;

export { parseServeArgs, type ServeArgs };

/** A usage text's synopsis: its lines up to the first blank one (the description follows it). */
const synopsis = (usage: string) => usage.split('\n\n')[0] ?? usage;

/** `modelbridge --help`: every command in one screen. */
export const HELP = [
  'modelBridge: cost-aware fal.ai generations for Premiere Pro, with an exact ledger of what each cost.',
  '',
  'Commands:',
  '  serve    run the panel and its backend on 127.0.0.1 (the default command)',
  '  export   write the cost CSV of the ledger',
  '  report   write the HTML cost report (one file, no script, opens offline)',
  '  import   record the external costs of a CSV (Midjourney, Runway, ElevenLabs…), after a preview',
  '  doctor   check a data folder (lock, journal, snapshot, schema, backups) without changing it',
  '  cep      build or install the Premiere Pro extension',
  '',
  USAGE,
  synopsis(EXPORT_USAGE),
  synopsis(REPORT_USAGE),
  synopsis(IMPORT_USAGE),
  synopsis(DOCTOR_USAGE),
  CEP_USAGE,
  '',
  'modelbridge <command> --help shows one command. The ledger lives in MODELBRIDGE_DATA_DIR, else the',
  "user's application data folder.",
].join('\n');

const COMMAND_HELP: Record<string, string> = {
  serve: USAGE,
  export: EXPORT_USAGE,
  report: REPORT_USAGE,
  import: IMPORT_USAGE,
  doctor: DOCTOR_USAGE,
  cep: CEP_USAGE,
};

const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** Entry point of the `modelbridge` command; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(COMMAND_HELP[rest[0] ?? ''] ?? HELP);
    return 0;
  }
  if (wantsHelp(rest) && COMMAND_HELP[command]) {
    console.log(COMMAND_HELP[command]);
    return 0;
  }
  if (command === 'cep') return cepCommand(rest, { root });
  if (command === 'export') return exportCommand(rest);
  if (command === 'report') return reportCommand(rest);
  if (command === 'import') return importCommand(rest);
  if (command === 'doctor') return doctorCommand(rest);
  if (command !== 'serve') {
    console.error(`modelbridge: unknown command "${command}". Run modelbridge --help for the commands.`);
    return 2;
  }
  let args: ServeArgs;
  try {
    args = parseServeArgs(rest);
  } catch (err) {
    console.error(`modelbridge: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  return serve(args);
}

/** Builds dist/panel with Vite when it is missing or older than its sources; false when the build failed. */
function buildPanelIfNeeded(): boolean {
  const reason = panelBuildReason(root, panelDir);
  if (reason === null) return true;
  console.log(
    `modelBridge: building the panel (${reason === 'missing' ? 'first start' : 'sources changed'})…`,
  );
  // npx is a .cmd script on Windows, which Node only starts through a shell.
  const build = spawnSync('npx', ['vite', 'build'], {
    cwd: root,
    // A NODE_ENV left at development or test would build React's development bundle.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status === 0) return true;
  console.error(
    'modelbridge: building the panel failed (see above). Fix the error, or run `npx vite build`.',
  );
  return false;
}

async function serve(args: ServeArgs): Promise<number> {
  if (args.buildIfNeeded && !buildPanelIfNeeded()) return 1;
  const started = await startServe(args, panelDir);
  if (!('server' in started)) return 1;
  await untilSignal();
  await started.server.close();
  return 0;
}
