import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors.ts';

/** Reads the request body as JSON; 400 `INVALID_JSON` when it is not JSON. */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON. Send a JSON object.');
  }
}

/** One readable line per zod issue: `field.path: message`. */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
}

/**
 * `value` as `schema` reads it; 400 with `code` and every problem listed when it does not fit
 * ("The <what> was refused: …").
 */
export function validOr400<T>(value: unknown, schema: z.ZodType<T>, code: string, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = issueLines(parsed.error);
  throw new ApiError(400, code, `The ${what} was refused: ${lines.join('; ')}.`, lines);
}

/** Reads and validates a JSON body; 400 with `code` and every problem listed when it does not fit. */
export async function parseJsonBody<T>(c: Context, schema: z.ZodType<T>, code: string): Promise<T> {
  return validOr400(await readJsonBody(c), schema, code, 'request');
}
