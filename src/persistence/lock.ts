import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { JournalLockedError } from './errors.ts';
import { errorCode } from './journal-fs.ts';

/** Name of the lock folder inside the data dir (proper-lockfile's mkdir lock). */
export const LOCK_DIR_NAME = 'journal.lock';
const HOLDER_FILE = 'holder.json';
/** proper-lockfile refreshes the lock's mtime every stale/2; a lock not refreshed for this long is stale. */
const STALE_MS = 10_000;

/** Who holds a data dir's lock, as written into the lock folder by the holder itself. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** A held data-dir lock. */
export interface DirLock {
  release(): Promise<void>;
  /**
   * Why this process no longer holds the lock (its folder was removed, or another process took it over),
   * or null. Cheap (one small read), so writers call it before each write instead of trusting the
   * periodic refresh, which notices a lost lock only seconds later.
   */
  check(): Promise<string | null>;
}

function holderFrom(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string') return null;
    return { pid: value.pid, hostname: value.hostname, since: String(value.since) };
  } catch {
    return null;
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return holderFrom(fs.readFileSync(join(lockPath, HOLDER_FILE), 'utf8'));
  } catch {
    return null;
  }
}

const sameHolder = (a: LockHolder, b: LockHolder) =>
  a.pid === b.pid && a.hostname === b.hostname && a.since === b.since;

/** Why the lock folder no longer says `mine` holds it, or null while it does. */
async function lostBecause(lockfilePath: string, mine: LockHolder): Promise<string | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(join(lockfilePath, HOLDER_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return null;
    return fs.existsSync(lockfilePath)
      ? `${lockfilePath} no longer says who holds it`
      : `${lockfilePath} was removed`;
  }
  const holder = holderFrom(text);
  if (holder && sameHolder(holder, mine)) return null;
  return `${lockfilePath} is now held by ${describeHolder(holder)}`;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
  // A killed child not yet reaped by its parent (a zombie) still answers signal 0 but holds nothing.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return true;
  }
}

/** True when the holder is a process on this machine that no longer exists (e.g. killed with SIGKILL). */
function holderIsDead(lockPath: string): boolean {
  const holder = readHolder(lockPath);
  return holder !== null && holder.hostname === hostname() && !isProcessAlive(holder.pid);
}

/**
 * The fs proper-lockfile uses. It writes the holder file inside the lock folder before the lock becomes
 * usable, removes it on release, and reports a lock whose holder is provably dead as stale (mtime 0), so a
 * crashed backend's lock is taken over at once instead of after the 10 s mtime threshold. A holder on
 * another host, or a reused pid, falls back to proper-lockfile's mtime staleness.
 */
const lockFs = {
  mkdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void): void {
    fs.mkdir(path, (error) => {
      if (error) return callback(error);
      const holder: LockHolder = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
      fs.writeFile(join(path, HOLDER_FILE), JSON.stringify(holder), { mode: 0o600 }, (writeError) => {
        if (!writeError) return callback(null);
        fs.rm(path, { recursive: true, force: true }, () => callback(writeError));
      });
    });
  },
  stat(path: string, callback: (error: NodeJS.ErrnoException | null, stat?: { mtime: Date }) => void): void {
    fs.stat(path, (error, stat) => {
      if (error) return callback(error);
      callback(null, holderIsDead(path) ? { mtime: new Date(0) } : stat);
    });
  },
  rmdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void): void {
    fs.rm(join(path, HOLDER_FILE), { force: true }, () => fs.rmdir(path, callback));
  },
  rmdirSync(path: string): void {
    fs.rmSync(join(path, HOLDER_FILE), { force: true });
    fs.rmdirSync(path);
  },
  utimes: fs.utimes,
  realpath: fs.realpath,
};

/** "process 1234 on host since …" for error messages. */
export function describeHolder(holder: LockHolder | null): string {
  if (!holder) return 'another process (it did not record who it is; it may be starting up)';
  const self = holder.pid === process.pid && holder.hostname === hostname() ? ' (this process)' : '';
  return `process ${holder.pid}${self} on ${holder.hostname} since ${holder.since}`;
}

/**
 * Takes the one-writer lock on a data dir (a `journal.lock` folder inside it, via proper-lockfile with
 * mtime refresh and stale detection). Rejects with JournalLockedError naming the holder when a live
 * process has it. `onCompromised` runs if the lock is later lost (e.g. the folder was removed).
 */
export async function acquireDirLock(dir: string, onCompromised: (error: Error) => void): Promise<DirLock> {
  const lockfilePath = join(dir, LOCK_DIR_NAME);
  try {
    const release = await lock(dir, {
      lockfilePath,
      realpath: false,
      stale: STALE_MS,
      retries: 0,
      fs: lockFs,
      onCompromised,
    });
    // Just written by lockFs.mkdir, so it names this process.
    const mine = readHolder(lockfilePath);
    const check = async () => (mine ? lostBecause(lockfilePath, mine) : null);
    return { release, check };
  } catch (error) {
    if (errorCode(error) === 'ELOCKED')
      throw new JournalLockedError(dir, describeHolder(readHolder(lockfilePath)));
    throw error;
  }
}

/** Who holds a data dir's lock, read without taking it: nobody, a live holder, or a stale one a start takes over. */
export type DirLockState =
  | { state: 'free' }
  | { state: 'held'; holder: LockHolder | null; description: string }
  | { state: 'stale'; holder: LockHolder | null; description: string };

/**
 * Reads the lock folder of a data dir and says who holds it, with the same staleness rules a start
 * applies (a dead holder on this host, or no refresh for 10 s). Never creates, refreshes or removes it.
 */
export async function readDirLock(dir: string): Promise<DirLockState> {
  const lockPath = join(dir, LOCK_DIR_NAME);
  let mtimeMs: number;
  try {
    mtimeMs = (await fs.promises.stat(lockPath)).mtimeMs;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'free' };
    throw error;
  }
  const holder = readHolder(lockPath);
  const description = describeHolder(holder);
  const stale = holderIsDead(lockPath) || Date.now() - mtimeMs > STALE_MS;
  return stale ? { state: 'stale', holder, description } : { state: 'held', holder, description };
}
