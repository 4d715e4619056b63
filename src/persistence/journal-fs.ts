import { constants as fsConstants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { dirname } from 'node:path';

/** An open file as the journal needs it: a subset of `fs/promises` FileHandle, so tests can inject faults. */
export interface JournalFileHandle {
  /** Writes bytes at the current position (at the end for files opened with flag `a`). */
  write(data: Uint8Array): Promise<{ bytesWritten: number }>;
  /** fsync: resolves once the written bytes are on stable storage. */
  sync(): Promise<void>;
  /** Cuts the file to `length` bytes (used to drop a torn tail or a failed partial write). */
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** Open modes the journal uses: append, read-write, create/replace, read (directories, for fsync). */
export type JournalOpenFlag = 'a' | 'r+' | 'w' | 'r';

/**
 * The file-system port of the disk journal: every fs call the journal makes goes through it, so tests
 * can wrap it to fail with ENOSPC / EIO / EACCES. `nodeJournalFs` is the real adapter.
 */
export interface JournalFs {
  open(path: string, flag: JournalOpenFlag): Promise<JournalFileHandle>;
  /** Whole file as bytes; rejects with code ENOENT when it does not exist. */
  readFile(path: string): Promise<Buffer>;
  /** Atomic replace of `to` by `from` (same folder). */
  rename(from: string, to: string): Promise<void>;
  /** mkdir -p with the given permission bits for folders it creates. */
  mkdir(path: string, mode: number): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** Removes a file; a missing file is not an error. */
  rm(path: string): Promise<void>;
}

/** The real JournalFs over `node:fs/promises`. */
export const nodeJournalFs: JournalFs = {
  async open(path, flag) {
    // Files we create are user-only: the ledger is private cost data.
    const handle = await fsp.open(path, flag === 'r' ? fsConstants.O_RDONLY : flag, 0o600);
    return {
      write: (data) => handle.write(data),
      sync: () => handle.sync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  readFile: (path) => fsp.readFile(path),
  rename: (from, to) => fsp.rename(from, to),
  async mkdir(path, mode) {
    await fsp.mkdir(path, { recursive: true, mode });
  },
  readdir: (path) => fsp.readdir(path),
  rm: (path) => fsp.rm(path, { force: true }),
};

/** Error code of a Node system error, or undefined. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Writes all of `data` through `handle`, looping over short writes. */
export async function writeAll(handle: JournalFileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data.subarray(offset));
    if (bytesWritten <= 0) throw new Error('write made no progress');
    offset += bytesWritten;
  }
}

/** fsync of a folder, so a rename or a new file in it survives a power cut (not supported on Windows). */
export async function syncDir(fs: JournalFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `path` atomically with `data`: write a temp file, fsync it, rename it over `path`, fsync
 * the folder. A crash leaves either the old or the new file, never a mix (a stray `.tmp` at most, removed
 * at the next start). A failure removes its temp file at once: on a full disk it holds the space that a
 * retry needs.
 */
export async function writeFileAtomic(fs: JournalFs, path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await writeAll(handle, typeof data === 'string' ? Buffer.from(data) : data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.rm(tmp).catch(() => undefined);
    throw error;
  }
  await syncDir(fs, dirname(path));
}

/** Reads a file, or null when it does not exist. */
export async function readOptional(fs: JournalFs, path: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}
