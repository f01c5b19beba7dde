import { memoryStateSchema, type MemoryState } from './memory-state.js';

/** Where `persist` keeps the state: any Web Storage (localStorage by default in a browser). */
export interface PersistOptions {
  /** Default `portier-memory-backend`. */
  key?: string;
  /** Default `globalThis.localStorage` when there is one. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The persisted copy of one memory backend's state, shared by every backend (tab) on the same key. */
export interface Persistence {
  /** The saved state, or undefined when none (or unreadable, or not a state this backend writes: it starts fresh). */
  read(): MemoryState | undefined;
  /** Saves the state (synchronously: a reload right after a command keeps it). */
  write(state: MemoryState): void;
  /** Forgets the saved state. */
  clear(): void;
  /** Another backend on the same key (another tab) wrote since this one last read or wrote. */
  changedElsewhere(): boolean;
  /** The storage key of the revision: a `storage` event on it means another tab wrote. */
  readonly revisionKey: string;
}

const FORMAT = 1;

/**
 * The state is saved under `key`, and a random revision under `key:revision` with every write, so
 * that each backend can tell, by reading one short string before an operation, whether another tab
 * changed the data meanwhile (then it reads the state again rather than overwrite that change).
 */
export function createPersistence(options: PersistOptions): Persistence {
  const storage = options.storage ?? globalThis.localStorage;
  const key = options.key ?? 'portier-memory-backend';
  const revisionKey = `${key}:revision`;
  /** The revision this backend last read or wrote. */
  let known: string | null = null;
  const revision = () => {
    try {
      return storage?.getItem(revisionKey) ?? null;
    } catch {
      return null;
    }
  };
  return {
    revisionKey,
    read() {
      if (!storage) return undefined;
      try {
        known = revision();
        const raw = storage.getItem(key);
        if (!raw) return undefined;
        const saved = JSON.parse(raw) as { format?: unknown; state?: unknown };
        // The parsed JSON itself is kept, not zod's copy: its records keep every id as an own key.
        return saved?.format === FORMAT && memoryStateSchema.safeParse(saved.state).success ? (saved.state as MemoryState) : undefined;
      } catch {
        return undefined;
      }
    },
    write(state) {
      if (!storage) return;
      try {
        storage.setItem(key, JSON.stringify({ format: FORMAT, state }));
        known = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
        storage.setItem(revisionKey, known);
      } catch {
        // Quota exceeded or storage disabled: the demo keeps working in memory.
      }
    },
    clear() {
      storage?.removeItem(key);
      storage?.removeItem(revisionKey);
      known = null;
    },
    changedElsewhere: () => revision() !== known,
  };
}
