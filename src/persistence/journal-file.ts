import { describeFsError, JournalWriteError } from './errors.ts';
import {
  errorCode,
  type JournalFileHandle,
  type JournalFs,
  writeAll,
  writeFileAtomic,
} from './journal-fs.ts';

/**
 * The append side of `ledger.jsonl`: one handle opened for append, writes followed by fsync, and the
 * length of the acknowledged part, so a failed or partial write is cut off before anything else is written.
 */
export class JournalFile {
  /** Bytes of the file holding acknowledged, complete lines. */
  goodLength = 0;
  /** Events in the file (drives periodic compaction). */
  count = 0;
  private tailDirty = false;
  private handle: JournalFileHandle | null = null;

  constructor(
    private readonly fs: JournalFs,
    readonly path: string,
  ) {}

  /** Adopts what a load found on disk; closes the handle so the next append reopens the file. */
  async adopt(goodLength: number, count: number): Promise<void> {
    await this.close();
    this.goodLength = goodLength;
    this.count = count;
    this.tailDirty = false;
  }

  /**
   * Appends whole lines and fsyncs. On failure the file is cut back to its last acknowledged length, so a
   * partial line never stays in front of a later append and a retry writes the batch exactly once.
   */
  async append(bytes: Uint8Array, count: number): Promise<void> {
    try {
      if (this.tailDirty) await this.cutTail();
      const handle = await this.open();
      await writeAll(handle, bytes);
      await handle.sync();
    } catch (error) {
      this.tailDirty = true;
      // Best effort now; if the cut fails too, tailDirty makes the next append retry it before writing.
      await this.cutTail().catch(() => undefined);
      const code = errorCode(error);
      const message =
        `Could not save ${count} ledger event(s) to ${this.path}: ${describeFsError(code, error)}. ` +
        'Nothing of this batch was acknowledged; keep it pending and retry (already saved ids are skipped).';
      throw new JournalWriteError(message, code, error);
    }
    this.goodLength += bytes.length;
    this.count += count;
  }

  /** Atomically replaces the whole file (compaction, reset): temp, fsync, rename, fsync folder. */
  async replace(text: string, count: number): Promise<void> {
    await this.close();
    await writeFileAtomic(this.fs, this.path, text);
    await this.adopt(Buffer.byteLength(text), count);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async cutTail(): Promise<void> {
    const handle = await this.open();
    await handle.truncate(this.goodLength);
    await handle.sync();
    this.tailDirty = false;
  }

  private async open(): Promise<JournalFileHandle> {
    this.handle ??= await this.fs.open(this.path, 'a');
    return this.handle;
  }
}
