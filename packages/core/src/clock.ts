/** Where "now" comes from: injectable so that tests and the demo can move time. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests and the demo's "move time" control. */
export interface ManualClock extends Clock {
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the time. */
  set(epochMs: number): void;
}

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/**
 * Creates a {@link ManualClock}.
 * @example const clock = createManualClock(Date.parse('2026-01-01')); clock.advance(31 * DAY_MS);
 */
export function createManualClock(start: number = Date.UTC(2026, 0, 5, 9)): ManualClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
