import type { PortierBackend } from '@portier/core';
import { http, type HttpHandler } from 'msw';
import { ACTOR_HEADER } from '../rest/rest-backend.js';
import { createRestHandler, type RestHandlerOptions } from '../rest/rest-handler.js';

/** Options of {@link portierHandlers}. */
export interface PortierHandlersOptions extends Partial<RestHandlerOptions> {
  /** Where the contract is mocked; a `createRestBackend` points at the same URL. Default `/api/portier`. */
  baseUrl?: string;
}

/**
 * MSW request handlers serving the REST contract from `backend` (usually a memory backend), for
 * `setupServer` (msw/node) and `setupWorker` (msw/browser): stories, browser tests, offline demos.
 * By default the actor is the `X-Portier-Actor` header.
 * @example
 * const server = setupServer(...portierHandlers(createMemoryBackend(), { baseUrl: 'http://api.test/portier' }));
 */
export function portierHandlers(backend: PortierBackend, options: PortierHandlersOptions = {}): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? '/api/portier').replace(/\/+$/, '');
  const basePath = new URL(baseUrl, 'http://localhost').pathname.replace(/\/+$/, '');
  const { baseUrl: _baseUrl, resolveActor, ...rest } = options;
  const handler = createRestHandler(backend, {
    ...rest,
    resolveActor: resolveActor ?? ((request) => request.headers.get(ACTOR_HEADER) ?? undefined),
    basePath,
  });
  return [http.all(`${baseUrl}/*`, ({ request }) => handler(request))];
}
