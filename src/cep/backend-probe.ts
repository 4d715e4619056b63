import { readFile } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';

// TOKEN_HEADER of src/contract/http.ts, spelt out: importing the contract would pull zod into the
// launcher that CEP's Node 15 loads on every panel start (the launcher tests use the real server).
const TOKEN_HEADER = 'x-modelbridge-token';

/**
 * Where a running backend says it listens: `<dataDir>/backend.json`, written by the server once it
 * is bound (src/server/backend-address.ts owns the format; src/cep may not import the server).
 */
export interface AdvertisedBackend {
  pid: number;
  port: number;
}

/** The backend address advertised in a data dir, or null when there is none (or it is unreadable). */
export async function readAdvertisedBackend(dataDir: string): Promise<AdvertisedBackend | null> {
  try {
    const value = JSON.parse(
      await readFile(join(dataDir, 'backend.json'), 'utf8'),
    ) as Partial<AdvertisedBackend>;
    if (typeof value.pid !== 'number' || typeof value.port !== 'number') return null;
    return { pid: value.pid, port: value.port };
  } catch {
    return null;
  }
}

/** The data dir's API token, or null when it does not exist yet (the backend creates it on first start). */
async function readToken(dataDir: string): Promise<string | null> {
  try {
    return (await readFile(join(dataDir, 'server-token'), 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** GET a loopback URL with headers; resolves with status and body, or null when nothing answers in time. */
function httpGet(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    // node:http rather than fetch: CEP 11's own Node is 15.9, which has no fetch.
    const request = get(url, { headers, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', () => resolve(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
}

/**
 * The URL of the backend serving `dataDir` when one answers `/api/health` with this data dir's token
 * and names this data dir; else null. A stale backend.json, or another program on that port, is not
 * trusted: it never gets the Node-enabled panel navigated to it.
 */
export async function probeBackend(dataDir: string, timeoutMs = 2_000): Promise<string | null> {
  const address = await readAdvertisedBackend(dataDir);
  const token = await readToken(dataDir);
  if (!address || !token) return null;
  const url = `http://127.0.0.1:${address.port}/`;
  const answer = await httpGet(`${url}api/health`, { [TOKEN_HEADER]: token }, timeoutMs);
  if (answer?.status !== 200) return null;
  try {
    const health = JSON.parse(answer.body) as { ok?: unknown; dataDir?: unknown };
    return health.ok === true && health.dataDir === dataDir ? url : null;
  } catch {
    return null;
  }
}
