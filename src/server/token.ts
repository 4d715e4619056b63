import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File name of the per-data-dir API token (mode 0600, created once, never rotated by the server). */
export const TOKEN_FILE = 'server-token';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/**
 * Reads the data dir's API token, creating it (32 random bytes, base64url, mode 0600) on first use.
 * Creation uses the exclusive `wx` flag so two racing starters end up with the same token.
 */
export async function loadOrCreateToken(dataDir: string): Promise<string> {
  const path = join(dataDir, TOKEN_FILE);
  const existing = await readToken(path);
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  try {
    await writeFile(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
    return token;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const raced = await readToken(path);
    if (raced) return raced;
    throw new Error(`The API token file ${path} is unreadable or malformed. Delete it and start again.`);
  }
}

async function readToken(path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const token = text.trim();
  if (!TOKEN_PATTERN.test(token)) {
    // A damaged token file is replaced: the token only guards this machine's loopback API.
    const fresh = randomBytes(32).toString('base64url');
    await writeFile(path, `${fresh}\n`, { mode: 0o600 });
    await chmod(path, 0o600);
    return fresh;
  }
  await chmod(path, 0o600);
  return token;
}

/** Compares a presented token with the expected one in constant time (no early exit on a mismatch). */
export function tokensEqual(presented: string | undefined | null, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself to spend the same time either way.
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}
