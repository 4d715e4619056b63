/** The browser cache failed; the panel keeps working from the backend, unsaved events stay in memory. */
export class CacheError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'CacheError';
  }
}

/** No browser storage is usable (no IndexedDB/localStorage, private mode, blocked by policy). */
export class CacheUnavailableError extends CacheError {
  constructor(message: string, cause: unknown) {
    super(message, cause);
    this.name = 'CacheUnavailableError';
  }
}

/** The browser's storage quota for the panel is full. */
export class CacheQuotaError extends CacheError {
  constructor(message: string, cause: unknown) {
    super(message, cause);
    this.name = 'CacheQuotaError';
  }
}

function isQuotaError(name: string, code: unknown, message: string): boolean {
  // Chrome/CEP: QuotaExceededError (legacy code 22); Firefox: NS_ERROR_DOM_QUOTA_REACHED (code 1014).
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014 ||
    /quota/i.test(message)
  );
}

function isUnavailableError(name: string, message: string): boolean {
  return (
    /no available storage method/i.test(message) || name === 'SecurityError' || name === 'InvalidStateError'
  );
}

/** Turns whatever localforage rejected with into a typed CacheError whose message says what to do. */
export function toCacheError(error: unknown, action: string): CacheError {
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const kind = typeof name === 'string' ? name : '';
  if (isQuotaError(kind, code, text)) {
    return new CacheQuotaError(
      `Could not ${action}: the browser storage quota for modelBridge is full (${text}). Events not yet on ` +
        'disk stay in memory until the backend saves them; free browser storage to use the cache again.',
      error,
    );
  }
  if (isUnavailableError(kind, text)) {
    return new CacheUnavailableError(
      `Could not ${action}: no browser storage is available (${text}). The panel works from the backend ` +
        'only, and events not yet on disk are kept in memory until it saves them.',
      error,
    );
  }
  return new CacheError(`Could not ${action}: ${text}`, error);
}
