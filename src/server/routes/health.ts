import { Hono } from 'hono';
import type { ServerContext } from '../context.ts';

/** Body of `GET /api/health`. */
export interface HealthResponse {
  ok: true;
  version: string;
  sandbox: boolean;
  dataDir: string;
  readOnly: boolean;
  recovery: unknown;
}

/** `GET /api/health`: version, mode, data dir and the journal's recovery report. */
export function createHealthRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/', (c) =>
    c.json<HealthResponse>({
      ok: true,
      version: ctx.version,
      sandbox: ctx.isSandbox(),
      dataDir: ctx.dataDir,
      readOnly: ctx.journal.readOnly,
      recovery: ctx.recovery ?? null,
    }),
  );
  return app;
}
