import type { PortierBackend } from '@portier/core';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { portierHandlers, type PortierHandlersOptions } from './portier-handlers.js';

/** Options of {@link startPortierWorker}. */
export interface PortierWorkerOptions extends PortierHandlersOptions {
  /**
   * Where the page serves MSW's `mockServiceWorker.js`. Default `/mockServiceWorker.js`. Generate it
   * with `pnpm --filter @portier/adapters exec msw init <served root> --no-save`; its version must
   * match the installed msw.
   */
  serviceWorkerUrl?: string;
  /** Log intercepted requests in the console. Default false. */
  verbose?: boolean;
}

/**
 * Serves the REST contract from `backend` inside the page with MSW's service worker: a
 * `createRestBackend({ baseUrl })` in the same page then goes through a real `fetch` and a real
 * HTTP-shaped hop (headers, status codes, ETags) with no server. Browser only (`msw/browser`); in
 * Node use `setupServer(...portierHandlers(backend))`. Unhandled requests pass through.
 * @example
 * const worker = await startPortierWorker(createMemoryBackend());
 * const portier = createPortier({ backend: createRestBackend({ baseUrl: '/api/portier' }), actorId: 'u-001' });
 * // later: worker.stop();
 */
export async function startPortierWorker(backend: PortierBackend, options: PortierWorkerOptions = {}): Promise<SetupWorker> {
  const { serviceWorkerUrl = '/mockServiceWorker.js', verbose = false, ...handlerOptions } = options;
  const worker = setupWorker(...portierHandlers(backend, handlerOptions));
  await worker.start({ quiet: !verbose, onUnhandledRequest: 'bypass', serviceWorker: { url: serviceWorkerUrl } });
  return worker;
}
