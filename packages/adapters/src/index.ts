/** @portier/adapters — backends for Portier. */
export { createMemoryBackend } from './memory/memory-backend.js';
export type { MemoryBackend, MemoryBackendOptions } from './memory/memory-backend.js';
export { demoSeed, DEMO_PASSWORD, ENECO_APPLICATIONS } from './memory/demo-seed.js';
export type { MemorySeed } from './memory/demo-seed.js';
export type { MemoryState, OutboxEmail, TokenRecord, Credential } from './memory/memory-state.js';
export type { PersistOptions } from './memory/persist.js';
