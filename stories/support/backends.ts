import { PortierError, createManualClock, type PortierBackend, type PortierErrorCode, type PortierErrorDetails } from '@portier/core';
import { createMemoryBackend, type MemoryBackend, type MemorySeed } from '@portier/adapters';
import { STORY_NOW, demoData } from './seeds.js';

/** The states every screen is shown in. */
export type StoryState = 'default' | 'empty' | 'loading' | 'error' | 'large' | 'refused';

/** A memory backend over `seed` on a clock stopped at {@link STORY_NOW}. */
export function memoryBackend(seed: MemorySeed = demoData(), latencyMs = 0): MemoryBackend {
  return createMemoryBackend({ seed, clock: createManualClock(STORY_NOW), latencyMs });
}

/** Loads forever: the loading state. */
export function loadingBackend(seed?: MemorySeed): PortierBackend {
  const never = () => new Promise<never>(() => undefined);
  return { ...memoryBackend(seed), load: never, listUsers: never, listAudit: never, searchClients: never, inspectToken: never };
}

/** Fails to load (the network is down): the error state. */
export function failingBackend(code: PortierErrorCode = 'network'): PortierBackend {
  const fail = () => Promise.reject(new PortierError(code, { status: 503 }));
  return { ...memoryBackend(), load: fail, listUsers: fail, listAudit: fail, searchClients: fail, inspectToken: fail };
}

/** Loads the data once; every later load fails (`network`): a refresh during an outage. */
export function unreachableAfterLoadBackend(seed?: MemorySeed): PortierBackend {
  const memory = memoryBackend(seed);
  let loaded = false;
  return {
    ...memory,
    load: (ctx) => {
      if (loaded) return Promise.reject(new PortierError('network', { status: 503 }));
      loaded = true;
      return memory.load(ctx);
    },
  };
}

/**
 * Loads the data but refuses every change with `code`: whatever the user saves in the story, the
 * screen shows how it explains that refusal (its message, in the active locale, with the input kept).
 */
export function refusingBackend(code: PortierErrorCode, details?: PortierErrorDetails, seed?: MemorySeed): PortierBackend {
  const refuse = () => new Promise<never>((_, reject) => setTimeout(() => reject(new PortierError(code, details)), 250));
  return {
    ...memoryBackend(seed),
    execute: refuse,
    acceptInvitation: refuse,
    completePasswordReset: refuse,
    changePassword: refuse,
  };
}

/** A backend operation a story can make hang or fail (`changePassword`, `execute`…). */
type Operation = keyof PortierBackend;

/**
 * Loads the data, but `operations` never answer: what a screen shows while it waits for a save
 * (a submit that is still under way).
 */
export function hangingOnBackend(operations: Operation[], seed?: MemorySeed): PortierBackend {
  const never = () => new Promise<never>(() => undefined);
  return { ...memoryBackend(seed), ...Object.fromEntries(operations.map((operation) => [operation, never])) };
}

/** Loads the data, but `operations` fail with `code` (default `network`: the backend cannot be reached). */
export function failingOnBackend(operations: Operation[], code: PortierErrorCode = 'network', seed?: MemorySeed): PortierBackend {
  const fail = () => new Promise<never>((_, reject) => setTimeout(() => reject(new PortierError(code, { status: 503 })), 250));
  return { ...memoryBackend(seed), ...Object.fromEntries(operations.map((operation) => [operation, fail])) };
}
