import type { MemoryState } from './memory-state.js';

/** Where `persist` keeps the state: any Web Storage (localStorage by default in a browser). */
export interface PersistOptions {
  /** Default `portier-memory-backend`. */
  key?: string;
  /** Default `globalThis.localStorage` when there is one. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

const FORMAT = 1;

/** Reads a saved state, or undefined when none (or unreadable: a stale format starts fresh). */
export function readPersisted(options: PersistOptions): MemoryState | undefined {
  const storage = options.storage ?? globalThis.localStorage;
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(options.key ?? 'portier-memory-backend');
    if (!raw) return undefined;
    const saved = JSON.parse(raw) as { format: number; state: MemoryState };
    return saved.format === FORMAT ? saved.state : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the state (synchronously: a reload right after a command keeps it). */
export function writePersisted(options: PersistOptions, state: MemoryState): void {
  const storage = options.storage ?? globalThis.localStorage;
  if (!storage) return;
  try {
    storage.setItem(options.key ?? 'portier-memory-backend', JSON.stringify({ format: FORMAT, state }));
  } catch {
    // Quota exceeded or storage disabled: the demo keeps working in memory.
  }
}

/** Forgets the saved state. */
export function clearPersisted(options: PersistOptions): void {
  (options.storage ?? globalThis.localStorage)?.removeItem(options.key ?? 'portier-memory-backend');
}
