/**
 * True for an answer that points elsewhere. The clients ask with `redirect: 'manual'`, so that a
 * command is never sent again, with its headers, wherever an answer points: a browser then gives
 * an opaque redirect (status 0), Node the 3xx itself.
 */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}
