/**
 * An AbortSignal that aborts after `ms` milliseconds, for a fetch deadline. `AbortSignal.timeout` is
 * Chrome 103, and Premiere's CEP 11 panel browser is Chromium 88, so this falls back to a controller
 * and a timer there. Chromium 88 ignores an abort reason, so a deadline can surface as an AbortError
 * there rather than a TimeoutError: callers that tell the two apart also check `signal.aborted`.
 */
export function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  return controller.signal;
}
