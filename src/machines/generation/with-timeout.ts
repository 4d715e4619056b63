/**
 * Bounds one call to fal: every fetch gets a deadline (30 s in the product, modelbridge-docs.md §5) so a
 * hung connection cannot stall a run. The late answer, if any, is ignored.
 */

/** Resolves like `work`, or rejects with a retryable TIMEOUT failure after `ms` milliseconds. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject({
          kind: 'TIMEOUT',
          charged: 'maybe',
          retryable: true,
          message: `fal did not answer ${what} within ${Math.round(ms / 1000)} s. modelBridge will try again.`,
        }),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
