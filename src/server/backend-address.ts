import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from './atomic-file.ts';

/**
 * File in the data dir where a running backend says where it listens, so a tool that finds the data
 * dir locked (`modelbridge import`) can ask that backend instead of writing beside it.
 */
export const BACKEND_FILE = 'backend.json';

/** Where a running backend of a data dir listens; written after it binds, removed when it stops. */
export interface BackendAddress {
  pid: number;
  port: number;
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  /** ISO time it started listening. */
  since: string;
}

/**
 * Writes the backend's address into the data dir (mode 0600) and returns the function that removes it
 * again, unless another backend has written its own since. A disk that refuses is not fatal: tools
 * then only name the process holding the lock.
 */
export async function advertiseBackend(dataDir: string, port: number): Promise<() => Promise<void>> {
  const path = join(dataDir, BACKEND_FILE);
  const mine: BackendAddress = {
    pid: process.pid,
    port,
    url: `http://127.0.0.1:${port}/`,
    since: new Date().toISOString(),
  };
  try {
    await writeJsonAtomic(path, mine, 0o600);
  } catch {
    return async () => undefined;
  }
  return async () => {
    const current = await readBackendAddress(dataDir);
    if (current && current.pid === mine.pid && current.since === mine.since) await rm(path, { force: true });
  };
}

/** The address a backend advertised in `dataDir`, or null when none did (or the file is unreadable). */
export async function readBackendAddress(dataDir: string): Promise<BackendAddress | null> {
  let value: Partial<BackendAddress>;
  try {
    value = JSON.parse(await readFile(join(dataDir, BACKEND_FILE), 'utf8')) as Partial<BackendAddress>;
  } catch {
    return null;
  }
  const { pid, port, url, since } = value;
  if (typeof pid !== 'number' || typeof port !== 'number' || typeof since !== 'string') return null;
  if (url !== `http://127.0.0.1:${port}/`) return null;
  return { pid, port, url, since };
}
