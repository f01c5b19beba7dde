import { PayloadTooLarge, readWithin } from '../internal/read-within.js';
import { validation } from './query-params.js';

export { BodyUnreadable, PayloadTooLarge } from '../internal/read-within.js';

/** Thrown when a body is not declared as JSON (answered 415). */
export class UnsupportedMediaType extends Error {}

/** `application/json` or a `+json` type, parameters (charset) allowed. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads the body of a POST, PUT or PATCH as JSON within `limit` bytes; an empty body is
 * `undefined`. The request must say it is JSON, even with an empty body: what a cross-site page
 * can send with the browser's cookies and without a CORS preflight (a form's `text/plain`, a
 * `no-cors` fetch or a beacon with no body at all) never does, so it is refused before it is read.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new PayloadTooLarge();
  if (!JSON_MEDIA_TYPE.test(request.headers.get('content-type') ?? '')) throw new UnsupportedMediaType();
  const bytes = await readWithin(request.body, limit);
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw validation([], 'invalid_json', 'the body is not JSON');
  }
}
