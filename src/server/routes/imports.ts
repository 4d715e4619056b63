import { Hono } from 'hono';
import { type ExternalPreviewResponse, externalPreviewRequestSchema } from '../../contract/index.ts';
import { previewExternalCsv } from '../../reports/import/index.ts';
import type { ServerContext } from '../context.ts';
import { parseJsonBody } from './json-body.ts';

/**
 * External-cost import (issue 13): what a CSV would record, against the rows earlier imports recorded
 * (the read model's keys) and at today's rates from Settings. Nothing is written here: the panel
 * records the one `external.imported` event through its outbox once the user confirms.
 */
export function createImportRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.post('/external/preview', async (c) => {
    const request = await parseJsonBody(c, externalPreviewRequestSchema, 'INVALID_IMPORT');
    const { fx } = ctx.settings.view();
    const preview = previewExternalCsv(request.text, {
      knownKeys: ctx.readModel.view().externalKeys(),
      fx,
      displayCurrency: request.currency,
    });
    return c.json<ExternalPreviewResponse>({ ...preview, fileName: request.fileName, fx });
  });
  return app;
}
