import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';

/** Body of `GET /api/health`. */
export interface HealthResponse {
  ok: true;
  version: string;
  sandbox: boolean;
  dataDir: string;
  /** Files from a newer schema: readable, never written. */
  readOnly: boolean;
  /** Whether a write would be accepted right now (not read-only, lock still held). */
  writable: boolean;
  /** Why not, for people; null when writable. */
  notWritableReason: string | null;
  recovery: unknown;
}

/** `GET /api/health`: version, mode, data dir, whether the ledger takes writes now, and the recovery report. */
export function createHealthRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    // Asked on every request, so a lock folder removed a moment ago already shows here.
    const notWritableReason = await ctx.journal.writeRefusal();
    return c.json<HealthResponse>({
      ok: true,
      version: ctx.version,
      sandbox: ctx.isSandbox(),
      dataDir: ctx.dataDir,
      readOnly: ctx.journal.readOnly,
      writable: notWritableReason === null,
      notWritableReason,
      recovery: ctx.recovery ?? null,
    });
  });
  return app;
}
