import { Hono } from 'hono';
import type { HealthResponse } from '../../contract/index.ts';
import type { ServerContext } from '../context.ts';

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
      ledger: ctx.readModel.progress(),
    });
  });
  return app;
}
