import { build } from 'esbuild';

// esbuild's ESM output has no `require`; the CommonJS dependencies (proper-lockfile, hono's node
// adapter) call it for Node built-ins, so the bundle defines one for its own location.
const REQUIRE_SHIM =
  "import { createRequire as __mbCreateRequire } from 'node:module'; const require = __mbCreateRequire(import.meta.url);";

/**
 * Bundles the backend (src/cep-backend.ts and everything it imports, JSON included) into one ESM
 * file for Node 20+. Paths in it are relative to the project (`absWorkingDir`), never absolute.
 */
export async function bundleBackend(root: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cep-backend.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // React's server renderer (HTML reports) picks its production build from NODE_ENV at bundle time.
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: REQUIRE_SHIM },
    legalComments: 'none',
    logLevel: 'error',
  });
}

/**
 * Bundles the launcher (src/cep-launch.ts) into one CommonJS file for the panel's own Node: CEP 11
 * ships Node 15.9, so the syntax is lowered to that and only Node built-ins are used at run time.
 */
export async function bundleLauncher(root: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cep-launch.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node15',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'error',
  });
}
