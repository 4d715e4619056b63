import type { Charged, ErrorKind } from '../domain/ledger/events.ts';

/**
 * User-facing copy for fal failures (modelbridge-docs.md §13): every message says what happened,
 * why, and what to do, with no raw JSON, status codes or raw field names.
 */

/** Why a message variant is needed beyond the kind: no key at all, or a run the user cancelled. */
export type CopyVariant = 'default' | 'no-key' | 'cancelled';

const COPY: Record<ErrorKind, string> = {
  AUTH_INVALID:
    'fal.ai refused the API key. The key is missing, expired, revoked or mistyped. Open Settings, delete the key and paste a fresh one without spaces, and check on fal.ai that the key is active.',
  BALANCE_EMPTY:
    'fal.ai blocked the request because the account balance is used up or the account is locked. Add funds on the fal.ai billing page and check the payment method; contact fal.ai support if the account stays locked after topping up.',
  RATE_LIMIT:
    'fal.ai is limiting how many requests this account can run at once, because too many were sent in a short time. Wait 30 to 60 seconds and try again.',
  VALIDATION:
    'fal.ai did not accept the input{detail}. The model checks its settings before it runs and one of them is outside what it allows. Change that setting and generate again.',
  SERVER:
    'fal.ai had an internal problem and could not finish this request; this is not caused by your input. Try again in a few minutes, and try another model if it keeps happening.',
  TIMEOUT:
    'fal.ai took too long to answer. The model did not start or finish in the allowed time, usually because it is busy. Try again in a few minutes.',
  NETWORK:
    'modelBridge could not reach fal.ai. The connection failed: the computer may be offline, or a firewall or fal.ai itself is unreachable. Check the internet connection and try again.',
  CONTENT_POLICY:
    "fal.ai's content checker refused this request{detail}. A prompt or image was flagged, sometimes wrongly. Reword the prompt or change the image, or try another model.",
  DOWNLOAD:
    'The result could not be downloaded from fal.ai. The file link failed or expired. Use Check status to fetch it again with the same request; a new Generate is a new, separately charged run.',
  IMPORT:
    'The result could not be imported into the project. Premiere refused the file or the project was not available. Check that a project is open and try the import again.',
  UNKNOWN:
    'fal.ai could not complete this request, for a reason modelBridge does not recognise. Try again; if it keeps failing, check the model page on fal.ai.',
};

const NO_KEY =
  'No fal.ai API key is set, so modelBridge cannot send requests to fal.ai. Add your key in Settings, or start modelBridge in Sandbox mode to try it without charges.';
const CANCELLED =
  'This generation was cancelled before it finished, at your request. Start a new generation if you still need the result.';

const CHARGED: Record<Charged, string> = {
  no: 'You were not charged for it.',
  maybe: 'fal.ai may still charge for it; modelBridge checks the final cost later.',
  yes: 'fal.ai charged for this run.',
};

/** Builds the full message for a failure; `detail` is already-humanised text (e.g. field problems). */
export function falErrorMessage(
  kind: ErrorKind,
  charged: Charged,
  variant: CopyVariant,
  detail = '',
): string {
  const base = variant === 'no-key' ? NO_KEY : variant === 'cancelled' ? CANCELLED : COPY[kind];
  return `${base.replace('{detail}', detail ? ` (${detail})` : '')} ${CHARGED[charged]}`;
}

/** Turns a raw field name such as `image_url` into `Image URL`. */
export function humaniseField(field: string): string {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[_\s.-]+/)
    .filter(Boolean)
    .map((word) => (/^(url|id|fps|cfg)$/i.test(word) ? word.toUpperCase() : word.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Humanised problems from a 422 body: `Duration: must be 5 or 10; Prompt: too long`. Bounded length. */
export function validationDetail(body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (typeof detail === 'string') return clip(detail);
  if (!Array.isArray(detail)) return '';
  const problems = detail.slice(0, 3).map((item) => {
    const entry = (item ?? {}) as { loc?: unknown; msg?: unknown };
    const loc = Array.isArray(entry.loc) ? entry.loc.filter((part) => part !== 'body') : [];
    const field = loc.filter((part): part is string => typeof part === 'string').pop();
    const msg = typeof entry.msg === 'string' ? entry.msg.replace(/\.$/, '') : 'not accepted';
    return field ? `${humaniseField(field)}: ${msg}` : msg;
  });
  return clip(problems.join('; '));
}

/** Flagged categories from a content-policy body, e.g. `flagged as violence`. */
export function policyDetail(body: unknown): string {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return '';
  const categories = new Set<string>();
  for (const item of detail) {
    const list = (item as { categories?: unknown } | null)?.categories;
    if (Array.isArray(list))
      for (const c of list) if (typeof c === 'string') categories.add(c.replace(/_/g, ' '));
  }
  return categories.size ? `flagged as ${[...categories].join(', ')}` : '';
}

function clip(text: string): string {
  const clean = text.replace(/[{}[\]"]/g, '').trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}
