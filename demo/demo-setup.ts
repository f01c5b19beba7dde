import { createPortier, DAY_MS, LANGUAGES, type Clock, type Language, type Portier } from '@portier/core';
import { createMemoryBackend, type MemoryBackend } from '@portier/adapters';

/**
 * What both demo pages (the portal and the React app) share: one memory backend persisted in
 * localStorage, one store, and a clock that the demo can move forward. Everything the demo
 * remembers between reloads (data, time shift, actor, language) lives under `lumen-demo-*` keys.
 */

const KEYS = {
  offset: 'lumen-demo-clock-offset',
  actor: 'lumen-demo-actor',
  locale: 'lumen-demo-locale',
} as const;

/** The accounts the "act as" switch offers (ids of the demo seed). */
export const ACT_AS = [
  { id: 'u-001', kind: 'superuser' },
  { id: 'u-003', kind: 'collective' },
  { id: 'u-004', kind: 'user' },
] as const;
export type ActAsKind = (typeof ACT_AS)[number]['kind'];

/** A clock that runs with real time plus a shift the demo moves forward ("move time +31 days"). */
export interface DemoClock extends Clock {
  /** How far ahead of real time the demo is, in milliseconds. */
  offset(): number;
  advance(ms: number): void;
  /** Back to real time. */
  reset(): void;
}

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the demo still works, it just forgets on reload.
  }
}

/** The demo's clock: real time plus a shift persisted in localStorage. */
export function createDemoClock(): DemoClock {
  let offset = Number(readStorage(KEYS.offset)) || 0;
  const persist = () => writeStorage(KEYS.offset, offset ? String(offset) : null);
  return {
    now: () => Date.now() + offset,
    offset: () => offset,
    advance(ms) {
      offset += ms;
      persist();
    },
    reset() {
      offset = 0;
      persist();
    },
  };
}

export function savedLocale(): Language {
  const saved = readStorage(KEYS.locale);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

export function saveLocale(locale: Language): void {
  writeStorage(KEYS.locale, locale);
}

export function savedActor(): string {
  return readStorage(KEYS.actor) ?? 'u-001';
}

export function saveActor(userId: string): void {
  writeStorage(KEYS.actor, userId);
}

/** Everything a demo page needs. */
export interface Demo {
  store: Portier;
  backend: MemoryBackend;
  clock: DemoClock;
  /** Acts as another user (and remembers it). */
  actAs(userId: string): Promise<void>;
  /** Moves the clock forward by whole days and reloads the store (time-driven changes happen). */
  moveTime(days: number): Promise<void>;
  /** Forgets every change: seed data again, real time, the main super user. */
  resetData(): Promise<void>;
}

/** Creates the demo's backend and store. `latencyMs` makes loading states visible. */
export function createDemo(options: { latencyMs?: number } = {}): Demo {
  const clock = createDemoClock();
  const backend = createMemoryBackend({ persist: { key: 'lumen-demo-data' }, clock, latencyMs: options.latencyMs ?? 0 });
  const store = createPortier({ backend, clock, locale: savedLocale(), actorId: savedActor() });
  return {
    store,
    backend,
    clock,
    async actAs(userId) {
      saveActor(userId);
      await store.session.actAs(userId);
    },
    async moveTime(days) {
      clock.advance(days * DAY_MS);
      await store.refresh();
    },
    async resetData() {
      clock.reset();
      saveActor('u-001');
      await backend.reset();
      await store.session.actAs('u-001');
    },
  };
}
