/** One stored file of the sandbox (an upload or a generated output). */
export interface StoredFile {
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** Upper bounds of the in-memory file store: total bytes and number of files (oldest dropped first). */
export const FILE_STORE_LIMITS = { maxBytes: 64 * 1024 * 1024, maxFiles: 400 } as const;

/** Bounded in-memory file store keyed by path (e.g. `up/<token>/<name>`, `out/<request>/<name>`). */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private bytes = 0;

  constructor(private readonly limits: { maxBytes: number; maxFiles: number } = FILE_STORE_LIMITS) {}

  /** Stores a file, replacing one at the same key, then evicts the oldest until within limits. */
  put(key: string, file: StoredFile): void {
    this.delete(key);
    this.files.set(key, file);
    this.bytes += file.bytes.length;
    for (const oldest of this.files.keys()) {
      if (this.bytes <= this.limits.maxBytes && this.files.size <= this.limits.maxFiles) break;
      if (oldest === key) continue;
      this.delete(oldest);
    }
  }

  get(key: string): StoredFile | undefined {
    return this.files.get(key);
  }

  private delete(key: string): void {
    const existing = this.files.get(key);
    if (!existing) return;
    this.bytes -= existing.bytes.length;
    this.files.delete(key);
  }
}
