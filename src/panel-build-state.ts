import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Inputs of the panel build: a change to any of them makes dist/panel stale. */
const PANEL_INPUTS = ['src', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Whether `npm start` must (re)build the panel: it was never built, or a source file changed since
 * (for example after a git pull), so nobody is served yesterday's panel by accident.
 */
export function panelBuildReason(root: string, panelDir: string): 'missing' | 'stale' | null {
  const built = newestMtime(join(panelDir, 'index.html'));
  if (built === 0) return 'missing';
  const sources = Math.max(...PANEL_INPUTS.map((p) => newestMtime(join(root, p))));
  return sources > built ? 'stale' : null;
}
