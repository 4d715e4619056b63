/** The CSXS versions of the Premiere releases we support: CEP 11 (Premiere 2023–2024), CEP 12 (25+). */
export const CSXS_VERSIONS = ['11', '12'] as const;

/** One command to run: program and arguments, never through a shell. */
export interface Command {
  file: string;
  args: string[];
}

/**
 * The commands that let this user's Premiere load an unsigned extension (PlayerDebugMode = 1 for
 * each CSXS version), or null on a system Premiere does not run on.
 */
export function playerDebugModeCommands(platform: NodeJS.Platform): Command[] | null {
  if (platform === 'darwin')
    return CSXS_VERSIONS.map((v) => ({
      file: 'defaults',
      args: ['write', `com.adobe.CSXS.${v}`, 'PlayerDebugMode', '1'],
    }));
  if (platform === 'win32')
    return CSXS_VERSIONS.map((v) => ({
      file: 'reg',
      args: [
        'add',
        `HKCU\\Software\\Adobe\\CSXS.${v}`,
        '/v',
        'PlayerDebugMode',
        '/t',
        'REG_SZ',
        '/d',
        '1',
        '/f',
      ],
    }));
  return null;
}

/** A command as one line people can copy (none of our arguments has a space). */
export const commandLine = (c: Command) => [c.file, ...c.args].join(' ');
