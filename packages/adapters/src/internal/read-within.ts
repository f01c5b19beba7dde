/** What a client reads of one answer at most by default, 128 MiB: a whole organization of 100,000 users loads well within it. */
export const DEFAULT_MAX_RESPONSE_BYTES = 128 * 1024 * 1024;

/** Thrown when a body is over its byte limit. */
export class PayloadTooLarge extends Error {}

/** Thrown when a body stops arriving halfway (its sender closed the connection). */
export class BodyUnreadable extends Error {}

/**
 * Reads a request's or a response's body whole, as long as it stays within `limit` bytes: a body
 * that goes on is cancelled as soon as it passes the limit, so that a peer cannot make this
 * process hold gigabytes, and when `signal` aborts. A missing body is empty.
 */
export async function readWithin(body: ReadableStream<Uint8Array> | null, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  // Given up on (timed out, aborted): the stream is cancelled rather than left open.
  signal?.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new BodyUnreadable(error instanceof Error ? error.message : String(error));
    }
    if (chunk.done) break;
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new PayloadTooLarge();
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
