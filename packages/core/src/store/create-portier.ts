import type { BackendContext, Snapshot } from '../backend.js';
import { systemClock } from '../clock.js';
import { execute, type Patch } from '../command/execute.js';
import type { Command } from '../command/command.schema.js';
import type { Changes } from '../command/effects.js';
import { sweepTimedTransitions } from '../command/sweep.js';
import { emptyData, type PortierData } from '../data.js';
import { PortierError, isPortierError, toPortierError } from '../errors.js';
import { effectiveStatus } from '../user/user.machine.js';
import { own } from '../internal/own.js';
import { can } from '../policy/can.js';
import { writeRecords, type RecordCollection } from '../internal/write-records.js';
import type { Portier, PortierOptions, PortierState } from './store.types.js';

/** Applies patches made by `execute` (whole records one level down: `['users', id]`, `['grants', id]`). */
export function applyPatches(data: PortierData, patches: readonly Patch[]): PortierData {
  return writeRecords(
    data,
    patches.map(({ op, path, value }) => [path[0] as RecordCollection, String(path[1]), op === 'remove' ? undefined : value] as const),
  );
}

/**
 * Merges a backend's answer into data (the store's confirmed view). A user the data already
 * holds at a later version (a refresh that read after the command ran, and after another
 * client's change) keeps that version, with its grants: every grant change bumps the version.
 */
export function mergeChanges(data: PortierData, changes: Changes): PortierData {
  const older = new Set(changes.users.filter((user) => (data.users[user.id]?.version ?? -1) > user.version).map((user) => user.id));
  return writeRecords(data, [
    ...changes.users.filter((user) => !older.has(user.id)).map((user) => ['users', user.id, user] as const),
    ...Object.entries(changes.grants)
      .filter(([userId]) => !older.has(userId))
      .map(([userId, grants]) => ['grants', userId, grants] as const),
    ...changes.removedUserIds.flatMap((id) => [['users', id, undefined] as const, ['grants', id, undefined] as const]),
  ]);
}

/** Two records alike, as JSON carries them. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether the backend's answer is exactly what the local `execute` predicted: every record the
 * patches wrote is in the answer, and every record of the answer equals the prediction's. Then
 * `predicted` can stand as the confirmed data unchanged, and selectors keep the caches they built
 * for it (at 100,000 users, a new users record means sorting them all again).
 */
function confirmsPrediction(predicted: PortierData, patches: readonly Patch[], changes: Changes): boolean {
  const answered = answeredPaths(changes);
  return (
    patches.every(({ path }) => answered.has(`${path[0]}/${path[1]}`)) &&
    changes.users.every((user) => same(predicted.users[user.id], user)) &&
    Object.entries(changes.grants).every(([userId, grants]) => same(predicted.grants[userId] ?? [], grants)) &&
    changes.removedUserIds.every((userId) => predicted.users[userId] === undefined && predicted.grants[userId] === undefined)
  );
}

/** The records an answer names, as `users/<id>` and `grants/<id>`. */
function answeredPaths(changes: Changes): Set<string> {
  return new Set([
    ...changes.users.map((user) => `users/${user.id}`),
    ...Object.keys(changes.grants).map((userId) => `grants/${userId}`),
    ...changes.removedUserIds.flatMap((userId) => [`users/${userId}`, `grants/${userId}`]),
  ]);
}

/**
 * Whether a success names every record the command's prediction wrote (a user created under a
 * temporary id is named by any user of the answer). One that does not is short of what the
 * backend did, or found nothing left to do on data newer than the view: only a reload tells.
 */
function namesEveryWrite(entry: InFlight, changes: Changes): boolean {
  const answered = answeredPaths(changes);
  return entry.patches.every(({ path }) => answered.has(`${path[0]}/${path[1]}`) || (entry.tempIds.includes(String(path[1])) && changes.users.length > 0));
}

/** How many times a load reads again while commands keep changing the data under it. */
const MAX_REREADS = 20;

/** A command in flight: see `inFlight` in {@link createPortier}. */
interface InFlight {
  actorId: string;
  command: Command;
  patches: Patch[];
  tempIds: string[];
  builtOn: InFlight[];
  refused: boolean;
}

/**
 * Creates the store. Commands are optimistic: each is first applied locally with the same
 * `execute` (and so the same policy) as the backend, shown at once, then sent; when the backend
 * refuses, the store drops that command's patches and the command's promise rejects with the
 * backend's PortierError. After every command settles the store equals what the backend holds.
 * Commands are sent one at a time, in order.
 * @example
 * const portier = createPortier({ backend: createMemoryBackend() });
 * await portier.ready;
 * await portier.users.setRole(userId, 'superuser');
 */
export function createPortier(options: PortierOptions): Portier {
  const { backend } = options;
  const clock = options.clock ?? systemClock;
  const listeners = new Set<(state: PortierState) => void>();
  /** The backend's data as last confirmed. */
  let confirmed: PortierData = emptyData();
  /** The actor whose view `confirmed` is, as the backend named it (none before the first load). */
  let confirmedActor: string | undefined;
  /**
   * Whether `confirmed` is the view of the actor a load asked for: the one it names, or the
   * backend's own session's (asked as `undefined`) once a load has named it.
   */
  const holdsViewOf = (asked: string | undefined) => confirmedActor !== undefined && confirmedActor === (asked ?? state.actorId);
  /**
   * Commands in flight, in order, with what each changed in the view and the temporary ids it gave.
   * `builtOn`: the commands before it whose predicted version of its user its `expectedVersion`
   * names; `refused` once the backend refused it.
   */
  const inFlight: InFlight[] = [];
  let tempIds = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * Commands fired before the first load named the actor (acting as the backend's session), in
   * the order fired: sent as soon as a load names it, before anything fired after that answer.
   */
  const unnamed: { command: Command; settle: (result: Promise<Changes>) => void }[] = [];
  /** Sends the waiting commands (the actor is named), or refuses them all with `error`. */
  function releaseUnnamed(error?: PortierError): void {
    for (const { command, settle } of unnamed.splice(0)) settle(error ? Promise.reject(error) : dispatch(command));
  }
  let state: PortierState = {
    status: 'loading',
    error: undefined,
    locale: options.locale ?? 'en',
    actorId: options.actorId,
    data: confirmed,
    pending: 0,
    now: clock.now(),
  };

  /** What the store shows: the confirmed data with the commands in flight applied over it. */
  let view: PortierData = confirmed;

  /**
   * Predicts `command` over the view: the view then shows it, and its patches and temporary ids
   * are kept. A temporary id is given again when the same command is predicted again, so a
   * created user keeps its id on screen. Throws what `execute` refuses.
   */
  function predict(entry: InFlight): void {
    let given = 0;
    const newId = (prefix: string) => (entry.tempIds[given++] ??= `tmp-${prefix}-${++tempIds}`);
    const outcome = execute(view, entry.actorId, entry.command, { now: clock.now(), newId });
    entry.patches = outcome.patches;
    // The same as applying the patches to the view, already built: no second copy of the records.
    view = outcome.data;
  }

  /**
   * Rebuilds the view after the confirmed data changed or a command left the flight: the commands
   * still in flight are predicted again over the new base. Replaying their old patches instead
   * would bring back what a refused command changed, since a patch carries the whole record as
   * it was predicted over that command.
   */
  function replay(): void {
    view = confirmed;
    for (const entry of inFlight) {
      // Fired by the actor the store acted as before `actAs`: not part of this actor's view.
      if (entry.actorId !== state.actorId) {
        entry.patches = [];
        continue;
      }
      try {
        predict(entry);
      } catch {
        // Refused over the new base: it shows nothing, and the backend will most likely refuse it too.
        entry.patches = [];
      }
    }
  }

  function emit(patch: Partial<PortierState>): void {
    state = { ...state, ...patch, data: view, pending: inFlight.length, now: clock.now() };
    // The actor's own end date passed while the store showed its view (SPEC rule 10): the backend
    // refuses it from now on, so the store says so instead of showing what it may no longer see.
    const actor = state.actorId === undefined ? undefined : own(view.users, state.actorId);
    if (state.status === 'ready' && actor?.activeUntil !== undefined && effectiveStatus(actor, state.now) === 'deactivated') {
      state = { ...state, status: 'error', error: new PortierError('forbidden', { reason: 'actor-inactive' }) };
    }
    for (const listener of [...listeners]) {
      // Stopped by a listener before it in this round: it hears nothing more.
      if (!listeners.has(listener)) continue;
      // A listener's bug is the host's: it must not stop a command half-way, fail one the backend
      // applied, or keep the other listeners from hearing. It is reported as an uncaught error.
      try {
        listener(state);
      } catch (error) {
        reportListenerError(error);
      }
    }
  }

  /**
   * Stores the time-driven transitions due now (expiries, past end dates) in the confirmed data, as
   * a backend does before every answer: one it swept while answering a call that carries no users
   * (an audit read, another tab's sign-in) is then stored here too, and the store equals it.
   */
  function sweepConfirmed(): void {
    const swept = sweepTimedTransitions(confirmed, clock.now()).data;
    if (swept === confirmed) return;
    confirmed = swept;
    replay();
  }

  const ctx = (): BackendContext => ({ actorId: state.actorId });

  /** How many times `actAs` changed the actor: a read asked before then answers for another actor. */
  let actorChanges = 0;
  /** How many loads were started, and the number of the latest that answered (data or error). */
  let loads = 0;
  let answered = 0;
  /** The latest load; an overtaken one settles with it. */
  let latestLoad: Promise<void> = Promise.resolve();
  /** How many times a command's answer (or a resync) changed the confirmed data. */
  let confirmations = 0;

  /**
   * Reads everything the actor may see. Answers can come back in any order: one is dropped when a
   * load started later has already answered (with data or a refusal), or when it was asked for
   * another actor than the store now acts as (`actAs`); the later load decides. It is read again
   * when a command's answer changed the confirmed data meanwhile: the snapshot may have been
   * taken before that command ran, and would undo it on screen. Commands go one at a time, so
   * this ends when they do; past {@link MAX_REREADS} the store keeps the view it holds.
   */
  function load(): Promise<void> {
    const started = ++loads;
    // Not the actor id: a load asked as the backend's session (`undefined`) answers for the actor the first answer names.
    const overtaken = (asOf: number) => started < answered || asOf !== actorChanges;
    const run = (async (): Promise<void> => {
      /**
       * An answer that a command's answer may have overtaken. If reading again fails, it is shown
       * only when the store holds another actor's view (after `actAs`): otherwise what the store
       * holds, with that command's answer in it, is the better view, and the load fails.
       */
      let inHand: Snapshot | undefined;
      for (let attempt = 0; ; attempt++) {
        const actorId = state.actorId;
        const asOf = actorChanges;
        const seen = confirmations;
        let snapshot: Snapshot;
        try {
          snapshot = await backend.load({ actorId });
        } catch (error) {
          if (overtaken(asOf) && started !== loads) return latestLoad;
          if (inHand === undefined || overtaken(asOf) || holdsViewOf(actorId)) {
            const portierError = toPortierError(error);
            const unreachable = portierError.code === 'network';
            // A refusal is an answer; a network failure says nothing of the data, so an earlier
            // load's answer arriving after it still counts, and the view the store holds for
            // this actor stays on screen (marked by `error`).
            if (!unreachable) answered = Math.max(answered, started);
            emit(unreachable && holdsViewOf(actorId) && state.status === 'ready' ? { error: portierError } : { status: 'error', error: portierError });
            // No actor named: what waited for one fails as the load did.
            if (state.actorId === undefined) releaseUnnamed(portierError);
            throw portierError;
          }
          snapshot = inHand;
        }
        if (overtaken(asOf)) return started === loads ? undefined : latestLoad;
        if (snapshot !== inHand && confirmations !== seen) {
          if (attempt < MAX_REREADS) {
            inHand = snapshot;
            continue;
          }
          if (holdsViewOf(actorId)) {
            // What the store holds has every answer in it: better than a snapshot older than some.
            answered = started;
            emit({ status: 'ready', error: undefined });
            return;
          }
        }
        answered = started;
        confirmed = snapshot.data;
        confirmedActor = snapshot.actorId;
        replay();
        emit({ status: 'ready', error: undefined, actorId: snapshot.actorId });
        releaseUnnamed();
        return;
      }
    })();
    latestLoad = run;
    return run;
  }

  /**
   * The commands in flight whose prediction gave the version `command` expects of its user: that
   * version exists only if they are applied. (A user only predicted, created by a command in
   * flight, is left to the backend: if that creation fails, it answers `not-found`.)
   */
  function builtOn(actorId: string, command: Command): InFlight[] {
    const { userId, expectedVersion } = command as { userId?: unknown; expectedVersion?: unknown };
    const user = typeof userId === 'string' ? own(confirmed.users, userId) : undefined;
    if (!user || expectedVersion === undefined || user.version === expectedVersion) return [];
    return inFlight.filter((earlier) => earlier.actorId === actorId && earlier.patches.some(({ path }) => path[0] === 'users' && path[1] === userId));
  }

  /** Whether the confirmed data holds every record (user, rights) `entry` predicted: its answer lost, it was applied. */
  function holdsPrediction(entry: InFlight): boolean {
    // No patches: the command was not predicted over the current view (refused there, or another actor's).
    return (
      entry.patches.length > 0 &&
      entry.patches.every(({ op, path, value }) => same(own(confirmed[path[0] as RecordCollection] as Record<string, unknown>, String(path[1])), op === 'remove' ? undefined : value))
    );
  }

  function dispatch(command: Command): Promise<Changes> {
    const actorId = state.actorId;
    if (actorId === undefined) {
      if (state.status !== 'loading') return Promise.reject(state.error ?? new PortierError('forbidden', { reason: 'unknown-actor' }));
      // Acting as the backend's session, whose actor the first load names: the command waits for it
      // (see `unnamed`), and fails as the load failed.
      return new Promise<Changes>((resolve, reject) => unnamed.push({ command, settle: (result) => result.then(resolve, reject) }));
    }
    const entry: InFlight = { actorId, command, patches: [], tempIds: [], builtOn: builtOn(actorId, command), refused: false };
    // Local first: validation and policy refuse here without a round trip.
    try {
      predict(entry);
    } catch (error) {
      // The view may not hold the entity (a plain user's view, a paged list), or not yet the actor
      // (fired before the first load or while `actAs` loads): the backend decides.
      if (!isPortierError(error) || !(error.code === 'not-found' || (error.code === 'forbidden' && error.details?.reason === 'unknown-actor'))) {
        // The actor's own account is no longer active as of now (an end date passed): the backend
        // will refuse it too, so the store reads again and says so rather than go on showing data.
        if (isPortierError(error) && error.details?.reason === 'actor-inactive') void load().catch(() => undefined);
        return Promise.reject(toPortierError(error));
      }
    }
    inFlight.push(entry);
    emit({});
    const settle = async (changes?: Changes, failed = false): Promise<void> => {
      inFlight.splice(inFlight.indexOf(entry), 1);
      if (changes) confirmations++;
      // A user created meanwhile has its real id now: the commands fired on its temporary id
      // (still queued behind this one) go out, and are shown, with the real one.
      const createdAs = command.type === 'users.create' ? entry.tempIds[0] : undefined;
      const created = changes?.users[0];
      if (createdAs && created) for (const later of inFlight) later.command = withUserId(later.command, createdAs, created.id);
      if (entry.actorId !== state.actorId) {
        // Fired as the actor acted as before `actAs`: its answer is that actor's view, not this
        // one's. This actor's view learns what it changed (or may have changed, when its answer
        // was lost) by reading again; a load under way reads again too, see `load`.
        replay();
        emit({});
        if (changes || failed) await load().catch(() => undefined);
        return;
      }
      // Still behind (the read failed): users the view's actor may not see wait for the next load.
      const unseen = changes ? unseenBy(confirmed, state.actorId, changes, clock.now()) : [];
      if (changes && unseen.length > 0) {
        const grants = Object.fromEntries(Object.entries(changes.grants).filter(([userId]) => !unseen.includes(userId)));
        changes = { ...changes, users: changes.users.filter((user) => !unseen.includes(user.id)), grants };
      }
      if (changes && inFlight.length === 0 && confirmsPrediction(view, entry.patches, changes)) {
        // The view is this command over the confirmed data, and the backend agrees with all of it.
        confirmed = view;
      } else {
        if (changes) confirmed = mergeChanges(confirmed, changes);
        replay();
      }
      if (changes) sweepConfirmed();
      emit({});
    };
    // Sent as the actor who fired it, whoever the store acts as by the time its turn comes.
    let staleBase: PortierError | undefined;
    const sent = queue.then(() => {
      // Its `expectedVersion` is one a refused command only predicted: on the backend that number
      // may be another client's save, which this command's author never saw.
      if (entry.builtOn.some((earlier) => earlier.refused)) throw (staleBase = new PortierError('conflict', { reason: 'version-from-refused-command' }));
      return backend.execute({ actorId: entry.actorId }, entry.command);
    });
    const settled = sent.then(
      async (changes) => {
        // The backend let the actor reach users its own record here may not see: the view is behind
        // on the actor itself (promoted meanwhile, its load lost). Read again before showing them.
        // Or the answer leaves out what the view predicted: the view is behind, or the answer short.
        if (entry.actorId === state.actorId && (unseenBy(confirmed, state.actorId, changes, clock.now()).length > 0 || !namesEveryWrite(entry, changes))) await resync();
        await settle(changes);
        return changes;
      },
      async (error: unknown) => {
        const portierError = toPortierError(error);
        // The backend refused what the local view allowed, so the view is behind (another client's
        // save, an answer lost after the save, a role changed meanwhile): read it again, so that
        // the store equals the backend once the command has settled. (Refused here, unsent, the
        // command before it has just read it again.)
        if (entry.actorId === state.actorId && error !== staleBase) await resync();
        // A lost answer may hide a save the backend applied: it counts as refused unless the data
        // read since holds what it predicted.
        entry.refused = portierError.code !== 'network' || entry.actorId !== state.actorId || !holdsPrediction(entry);
        await settle(undefined, /* failed */ true);
        throw portierError;
      },
    );
    queue = settled.catch(() => undefined);
    return settled;
  }

  /**
   * Reloads the confirmed data quietly: a failure leaves the store as it was, and so does an
   * answer overtaken by a load started meanwhile (that one decides) or by `actAs`.
   */
  async function resync(): Promise<void> {
    const started = loads;
    const asOf = actorChanges;
    try {
      const snapshot = await backend.load({ actorId: state.actorId });
      if (started !== loads || asOf !== actorChanges) return;
      confirmed = snapshot.data;
      confirmedActor = snapshot.actorId;
      confirmations++;
    } catch {
      // The backend is unreachable: nothing better to show than what the store has.
    }
  }

  /** A backend call outside the command queue; whatever it throws reaches the caller as a PortierError. */
  async function ask<T>(call: (context: BackendContext) => Promise<T>): Promise<T> {
    try {
      return await call(ctx());
    } catch (error) {
      throw toPortierError(error);
    }
  }

  const onUser = (type: Command['type']) => (userId: string, options: { expectedVersion?: number } = {}) =>
    dispatch({ type, userId, ...options } as Command).then(() => undefined);

  const ready = load();
  ready.catch(() => undefined);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ready,
    backend,
    clock,
    refresh: load,
    setLocale(locale) {
      emit({ locale });
    },
    dispatch,
    users: {
      async create(input) {
        const created = (await dispatch({ type: 'users.create', input })).users[0];
        // A backend that answers a creation without the user broke its contract: no user to return.
        if (!created) throw new PortierError('server', { reason: 'invalid-response' });
        return created;
      },
      updateProfile: (userId, changes, options = {}) =>
        dispatch({ type: 'users.updateProfile', userId, changes, ...options }).then(() => undefined),
      setRole: (userId, role, options = {}) => dispatch({ type: 'users.setRole', userId, role, ...options }).then(() => undefined),
      setSignature: (userId, signature, options = {}) =>
        dispatch({ type: 'users.setSignature', userId, signature, ...options }).then(() => undefined),
      activate: onUser('users.activate'),
      deactivate: (userId, options = {}) => dispatch({ type: 'users.deactivate', userId, ...options }).then(() => undefined),
      block: onUser('users.block'),
      unblock: onUser('users.unblock'),
      resetPassword: onUser('users.resetPassword'),
      resendInvitation: onUser('users.resendInvitation'),
      makeLogin: onUser('users.makeLogin'),
      remove: onUser('users.remove'),
    },
    access: {
      set: (userId, grants, options = {}) =>
        dispatch({ type: 'access.set', userId, grants: Array.isArray(grants) ? grants : [grants], ...options }).then(() => undefined),
      copyFrom: (sourceUserId, userId, options = {}) =>
        dispatch({ type: 'access.copyFrom', userId, sourceUserId, ...options }).then(() => undefined),
      authorizeAll: (userId, levels, options = {}) =>
        dispatch({ type: 'access.authorizeAll', userId, levels, ...options }).then(() => undefined),
    },
    clients: {
      search: (text, limit) => ask((context) => backend.searchClients(context, limit === undefined ? { text } : { text, limit })),
      setManaged: (userId, clientIds, options = {}) =>
        dispatch({ type: 'clients.setManaged', userId, clientIds, ...options }).then(() => undefined),
    },
    audit: {
      list: (query = {}) => ask((context) => backend.listAudit(context, query)),
    },
    session: {
      async actAs(userId) {
        actorChanges++;
        // Fired by the session's user, not sent as the one chosen now.
        releaseUnnamed(new PortierError('forbidden', { reason: 'unknown-actor' }));
        state = { ...state, actorId: userId, status: 'loading' };
        emit({});
        await load();
      },
      signIn: (email, password) => ask(() => backend.signIn({ email, password })),
      inspectToken: (token) => ask(() => backend.inspectToken({ token })),
      acceptInvitation: (token, password) => ask(() => backend.acceptInvitation({ token, password })),
      requestNewInvitation: (token) => ask(() => backend.requestNewInvitation({ token })),
      requestPasswordReset: (email) => ask(() => backend.requestPasswordReset({ email })),
      completePasswordReset: (token, password) => ask(() => backend.completePasswordReset({ token, password })),
      changePassword: (email, currentPassword, newPassword) => ask(() => backend.changePassword({ email, currentPassword, newPassword })),
    },
  };
}

/** The ids of the answer's users that the actor, as `data` records it, may not see (SPEC rule 1, 2). */
function unseenBy(data: PortierData, actorId: string | undefined, changes: Changes, now: number): string[] {
  const actor = actorId === undefined ? undefined : own(data.users, actorId);
  if (!actor) return [];
  return changes.users.filter((user) => user.id !== actor.id && !can(actor, 'user.view', { now, user }).allowed).map((user) => user.id);
}

/**
 * `command` with the user id `from` replaced by `to` wherever it names a user: the user acted on,
 * a copy's source, or the source of a creation's copied access.
 */
function withUserId(command: Command, from: string, to: string): Command {
  if (command.type === 'users.create') {
    const access = command.input?.access;
    if (access?.mode !== 'copy' || access.sourceUserId !== from) return command;
    return { ...command, input: { ...command.input, access: { ...access, sourceUserId: to } } };
  }
  const named = command as { userId: string; sourceUserId?: string };
  if (named.userId !== from && named.sourceUserId !== from) return command;
  return {
    ...command,
    ...(named.userId === from ? { userId: to } : {}),
    ...(named.sourceUserId === from ? { sourceUserId: to } : {}),
  } as Command;
}

/**
 * Reports an error thrown by a listener where uncaught errors go in a browser (`reportError`),
 * without throwing here; where there is none (Node), to the console: a listener's bug must not
 * bring down a server process.
 */
function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}
