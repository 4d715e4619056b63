import { Hono } from 'hono';
import { settingsPatchSchema } from '../../contract/index.ts';
import type { ServerContext } from '../context.ts';
import { parseJsonBody } from './json-body.ts';

/**
 * `GET /api/settings` returns the settings view (never the fal key); `PUT /api/settings` applies any
 * subset of fields. `falKey: "…"` saves and checks a key, `falKey: null` removes the saved one.
 */
export function createSettingsRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json(ctx.settings.view()));
  app.put('/', async (c) => {
    const patch = await parseJsonBody(c, settingsPatchSchema, 'INVALID_SETTINGS');
    return c.json(await ctx.settings.update(patch));
  });
  return app;
}
