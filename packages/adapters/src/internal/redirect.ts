import { PortierError } from '@portier/core';

/**
 * Refuses an answer that points elsewhere, as `server` / `redirected` (never followed, never
 * retried). The clients ask with `redirect: 'manual'`, so that a command is never sent again,
 * with its headers, wherever an answer points: a browser then gives an opaque redirect
 * (status 0), Node the 3xx itself. Often a sign-in page's redirect after a session ended.
 */
export function refuseRedirect(response: Response): void {
  if (response.type !== 'opaqueredirect' && !(response.status >= 300 && response.status < 400 && response.status !== 304)) return;
  void response.body?.cancel().catch(() => undefined);
  throw new PortierError('server', { reason: 'redirected' });
}
