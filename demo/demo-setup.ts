import { createPortier, DAY_MS, LANGUAGES, type Clock, type Language, type Portier, type PortierBackend, type User } from '@portier/core';
import { createMemoryBackend, createRestBackend, type MemoryBackend, type OutboxEmail, type TokenRecord } from '@portier/adapters';

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
  // A super user of two of the four clients: what SPEC rule 2 leaves it shows.
  { id: 'u-002', kind: 'superuser' },
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
  /** Reads the shift again (another tab of the demo moved time). */
  reload(): void;
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
    reload() {
      offset = Number(readStorage(KEYS.offset)) || 0;
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

/**
 * What the demo pages read from the backend besides the port: the outbox, and the seed's users
 * and tokens (names in the switch, link states). The memory backend has them itself; over REST
 * they come from the demo server's controls (`/api/demo`), cached and refreshed.
 */
export interface DemoBackend {
  /** Over REST: settles once the demo server's users and tokens were read a first time. */
  loaded?: Promise<void>;
  inspect(): { data: { users: Record<string, User> }; tokens: Record<string, TokenRecord> };
  outbox(): Promise<OutboxEmail[]>;
  reset(): Promise<void>;
}

/** `pnpm start:rest` sets this: the screens then talk to the REST server through Vite's proxy. */
const REST = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env?.['VITE_PORTIER_BACKEND'] === 'rest';
const DEMO_API = '/api/demo';
/** The demo controls take POSTs as JSON only. */
const JSON_BODY = { 'content-type': 'application/json' };

/** The demo server's controls, as a {@link DemoBackend}; moves `clock` to the server's time. */
function restDemoBackend(clock: DemoClock): DemoBackend {
  let cache: { users: Record<string, User>; tokens: Record<string, TokenRecord> } = { users: {}, tokens: {} };
  const refresh = async () => {
    const state = (await (await fetch(`${DEMO_API}/state`)).json()) as { offsetMs: number; users: Record<string, User>; tokens: Record<string, TokenRecord> };
    cache = { users: state.users, tokens: state.tokens };
    clock.advance(state.offsetMs - clock.offset());
  };
  const loaded = refresh().catch(() => undefined);
  return {
    loaded,
    inspect: () => ({ data: { users: cache.users }, tokens: cache.tokens }),
    async outbox() {
      await refresh();
      return (await (await fetch(`${DEMO_API}/outbox`)).json()) as OutboxEmail[];
    },
    async reset() {
      await fetch(`${DEMO_API}/reset`, { method: 'POST', headers: JSON_BODY, body: '{}' });
      await refresh();
    },
  };
}

/** Everything a demo page needs. */
export interface Demo {
  store: Portier;
  backend: DemoBackend;
  /** `memory` (`pnpm start`) or `rest` (`pnpm start:rest`: every call crosses HTTP). */
  mode: 'memory' | 'rest';
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
  let port: PortierBackend;
  let backend: DemoBackend;
  let memory: MemoryBackend | undefined;
  if (REST) {
    port = createRestBackend({ baseUrl: '/api/portier' });
    backend = restDemoBackend(clock);
  } else {
    memory = createMemoryBackend({ persist: { key: 'lumen-demo-data' }, clock, latencyMs: options.latencyMs ?? 0 });
    port = memory;
    backend = memory;
  }
  const store = createPortier({ backend: port, clock, locale: savedLocale(), actorId: savedActor() });
  // The demo open in two tabs: what one tab changes (data, time) shows in the other.
  memory?.onExternalChange(() => void store.refresh().catch(() => undefined));
  addEventListener('storage', (event) => {
    if (event.key !== KEYS.offset) return;
    clock.reload();
    void store.refresh().catch(() => undefined);
  });
  return {
    store,
    backend,
    mode: REST ? 'rest' : 'memory',
    clock,
    async actAs(userId) {
      saveActor(userId);
      // Refused (an inactive account acted as): the store's state says so, the screens show it.
      await store.session.actAs(userId).catch(() => undefined);
    },
    async moveTime(days) {
      if (REST) {
        const answer = (await (await fetch(`${DEMO_API}/clock`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ advanceMs: days * DAY_MS }) })).json()) as { offsetMs: number };
        clock.advance(answer.offsetMs - clock.offset());
      } else clock.advance(days * DAY_MS);
      // Refused (the account acted as ran out of time): the store's state says so, the screens show it.
      await store.refresh().catch(() => undefined);
    },
    async resetData() {
      clock.reset();
      saveActor('u-001');
      await backend.reset();
      await store.session.actAs('u-001');
    },
  };
}
