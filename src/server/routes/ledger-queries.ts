import { type Context, Hono } from 'hono';
import type { z } from 'zod';
import {
  type PoolsResponse,
  type RowsResponse,
  rowsQuerySchema,
  type SummaryResponse,
  summaryQuerySchema,
  type WorkingSetResponse,
} from '../../contract/index.ts';
import { isLedgerCursorError } from '../../ledger-view/index.ts';
import type { ServerContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { validOr400 } from './json-body.ts';

function parseQuery<T>(c: Context, schema: z.ZodType<T>): T {
  return validOr400(c.req.query(), schema, 'INVALID_QUERY', 'query');
}

/**
 * The ledger's read model (ARCHITECTURE.md § Ledger): a page of Billing rows for a filter and cursor,
 * totals and breakdowns in a currency with the tags in use, and the working set the panel's machines
 * need, and the pools with their shares. Answered from the backend's folded view, never by folding the journal per request.
 */
export function createLedgerQueryRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/rows', (c) => {
    const query = parseQuery(c, rowsQuerySchema);
    try {
      return c.json<RowsResponse>(ctx.readModel.view().rows(query));
    } catch (err) {
      if (!isLedgerCursorError(err)) throw err;
      throw new ApiError(400, 'INVALID_CURSOR', `${err.message} Start again from the first page.`);
    }
  });
  app.get('/summary', (c) =>
    c.json<SummaryResponse>(ctx.readModel.view().summary(parseQuery(c, summaryQuerySchema))),
  );
  app.get('/pools', (c) => c.json<PoolsResponse>(ctx.readModel.view().pools()));
  app.get('/working-set', (c) => c.json<WorkingSetResponse>(ctx.readModel.view().workingSet(new Date())));
  return app;
}
