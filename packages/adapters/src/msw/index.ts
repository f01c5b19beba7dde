/**
 * @portier/adapters/msw — the REST contract served by Mock Service Worker, for stories, browser
 * tests and offline demos. A subpath of its own, so that a host that never mocks does not load
 * msw (and need not install it: msw is an optional peer dependency).
 */
export { portierHandlers } from './portier-handlers.js';
export type { PortierHandlersOptions } from './portier-handlers.js';
