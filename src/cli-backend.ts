import { readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type BackendApi, createBackendApi } from './persistence/backend-api.ts';
import { readBackendAddress } from './server/backend-address.ts';
import { TOKEN_FILE } from './server/token.ts';

/** The backend holding a data dir, reached over its HTTP API, or why it cannot be. */
export type BackendReach = { ok: true; api: BackendApi; url: string } | { ok: false; reason: string };

const samePath = async (a: string, b: string) => {
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
};

/**
 * Finds the backend that holds `dir`: the address it advertised there (backend.json) and the data
 * dir's API token, checked by asking its `/api/health` which data dir it serves. Reads files only;
 * never creates the token (the server's own loader would) or anything else.
 */
export async function reachBackend(dir: string): Promise<BackendReach> {
  const address = await readBackendAddress(dir);
  if (!address) return { ok: false, reason: 'it did not say where it listens' };
  let token: string;
  try {
    token = (await readFile(join(dir, TOKEN_FILE), 'utf8')).trim();
  } catch {
    return { ok: false, reason: `${join(dir, TOKEN_FILE)} cannot be read` };
  }
  const api = createBackendApi({ baseUrl: address.url, token, timeoutMs: 60_000 });
  try {
    const health = await api.health();
    if (!(await samePath(health.dataDir, dir))) {
      return { ok: false, reason: `${address.url} serves another data folder (${health.dataDir})` };
    }
  } catch (err) {
    return { ok: false, reason: `${address.url} did not answer (${(err as Error).message})` };
  }
  return { ok: true, api, url: address.url };
}
