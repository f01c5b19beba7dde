/** @portier/adapters — backends for Portier. */
export { createMemoryBackend } from './memory/memory-backend.js';
export type { MemoryBackend, MemoryBackendOptions } from './memory/memory-backend.js';
export { demoSeed, DEMO_PASSWORD, DEMO_APPLICATIONS } from './memory/demo-seed.js';
export type { MemorySeed } from './memory/demo-seed.js';
export type { MemoryState, OutboxEmail, TokenRecord, Credential } from './memory/memory-state.js';
export type { PersistOptions } from './memory/persist.js';
export { createRestBackend, ACTOR_HEADER } from './rest/rest-backend.js';
export type { RestBackendOptions, RetryOptions } from './rest/rest-backend.js';
export { createRestHandler } from './rest/rest-handler.js';
export type { RestHandler, RestHandlerOptions } from './rest/rest-handler.js';
export { ROUTES } from './rest/routes.js';
export type { Route } from './rest/routes.js';
export { createScimBackend } from './scim/scim-backend.js';
export type { ScimBackendOptions } from './scim/scim-backend.js';
export { PORTIER_EXTENSION } from './scim/scim-urns.js';
export { createFaultyFetch, FAULTS } from './conformance/faulty-fetch.js';
export type { Fault, FaultyFetch } from './conformance/faulty-fetch.js';
