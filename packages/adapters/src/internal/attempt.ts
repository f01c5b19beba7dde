/** Thrown by {@link startAttempt}'s `within` when the attempt's time is up. */
export class AttemptTimedOut extends Error {}

/** One request's time limit and cancellation; see {@link startAttempt}. */
export interface Attempt {
  /** For `fetch`: aborted when the time is up or the caller aborts. */
  readonly signal: AbortSignal;
  /**
   * `step`, or a rejection as soon as the time is up ({@link AttemptTimedOut}) or the caller
   * aborts (its reason): the limit holds even when a `fetch` ignores its signal or a body never ends.
   */
  within<T>(step: Promise<T>): Promise<T>;
  /** Stops the timer and lets go of the caller's signal; call it when the attempt is over. */
  end(): void;
}

/** Starts the clock of one attempt of `timeoutMs`, cancelled also by the caller's `signal`. */
export function startAttempt(timeoutMs: number, signal?: AbortSignal): Attempt {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new AttemptTimedOut());
      controller.abort();
    }, timeoutMs);
    if (signal) {
      onAbort = () => {
        reject(signal.reason);
        controller.abort(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  // Every step races it; once the last step is over, nobody waits for it.
  stopped.catch(() => undefined);
  return {
    signal: controller.signal,
    within: (step) =>
      Promise.race([step, stopped]).catch((error: unknown) => {
        // Given up on, a response that still arrives (a fetch that ignored the signal) lets go of its connection.
        void step.then((late) => (late instanceof Response ? late.body?.cancel().catch(() => undefined) : undefined), () => undefined);
        throw error;
      }),
    end() {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * `shared` (work several callers wait on), or the caller's abort reason as soon as its `signal`
 * aborts: one caller leaving does not cancel the work for the others.
 */
export function untilAborted<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(signal.reason);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([shared, aborted]).finally(() => signal.removeEventListener('abort', onAbort!));
}
