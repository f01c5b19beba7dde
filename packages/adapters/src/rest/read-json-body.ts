import { validation } from './query-params.js';

/** Thrown when a body is over the limit (answered 413). */
export class PayloadTooLarge extends Error {}

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
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLarge();
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw validation([], 'invalid_json', 'the body is not JSON');
  }
}
