import { describeFsError, JournalWriteError } from './errors.ts';
import { errorCode } from './journal-fs.ts';

/**
 * Node-only (it reads system error codes), so it lives apart from errors.ts, which the browser cache imports.
 *
 * A system error (it has a code: ENOSPC, EACCES, EEXIST…) raised while trying to `action` becomes a
 * JournalWriteError saying why and `outcome`, so callers tell a refusing disk from a bug; others pass.
 */
export function asJournalWriteError(error: unknown, action: string, outcome: string): unknown {
  const code = errorCode(error);
  if (code === undefined || error instanceof JournalWriteError) return error;
  return new JournalWriteError(
    `Could not ${action}: ${describeFsError(code, error)}. ${outcome}`,
    code,
    error,
  );
}
