/**
 * Persistence: the disk journal (Node only) and the panel's browser cache. Browser code should import
 * `./cache.ts` directly so Node modules (fs, proper-lockfile) stay out of the panel bundle.
 */
export type { CacheContents, LedgerCache } from './cache.ts';
export { createLedgerCache } from './cache.ts';
export { CacheError, CacheQuotaError, CacheUnavailableError } from './cache-errors.ts';
export { ensureDataDir, resolveDataDir } from './data-dir.ts';
export {
  InvalidLedgerEventError,
  JournalLockedError,
  JournalReadOnlyError,
  JournalUnavailableError,
  JournalWriteError,
  SnapshotUnrecoverableError,
} from './errors.ts';
export { openJournal } from './journal.ts';
export type { Journal, JournalOptions } from './journal-types.ts';
export { DEFAULT_COMPACT_EVERY } from './journal-types.ts';
export type { JournalFileHandle, JournalFs, JournalOpenFlag } from './journal-fs.ts';
export { nodeJournalFs } from './journal-fs.ts';
export { JOURNAL_FILE, SNAPSHOT_FILE } from './journal-load.ts';
export type { RecoveryReport } from './journal-recover.ts';
export type { BackupReason } from './backups.ts';
export { BACKUPS_DIR, BACKUPS_KEPT, listBackups, readBackup } from './backups.ts';
export type { DecodedDoc, LedgerDoc } from './ledger-doc.ts';
export type { DocState, LedgerCheck } from './ledger-check.ts';
export { checkLedgerFiles } from './ledger-check.ts';
export type { DirLockState, LockHolder } from './lock.ts';
export { LOCK_DIR_NAME, readDirLock } from './lock.ts';
