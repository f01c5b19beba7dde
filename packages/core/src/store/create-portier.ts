import type { BackendContext } from '../backend.js';
import { systemClock } from '../clock.js';
import { execute, type Patch } from '../command/execute.js';
import type { Command } from '../command/command.schema.js';
import type { Changes } from '../command/effects.js';
import { emptyData, type PortierData } from '../data.js';
import { isPortierError, toPortierError } from '../errors.js';
import { writeRecords, type RecordCollection } from '../internal/write-records.js';
import type { User } from '../user/user.schema.js';
import type { Portier, PortierOptions, PortierState } from './store.types.js';

/** Applies patches made by `execute` (whole records one level down: `['users', id]`, `['grants', id]`). */
export function applyPatches(data: PortierData, patches: readonly Patch[]): PortierData {
  return writeRecords(
    data,
    patches.map(({ op, path, value }) => [path[0] as RecordCollection, String(path[1]), op === 'remove' ? undefined : value] as const),
  );
}

/** Merges a backend's answer into data (the store's confirmed view). */
export function mergeChanges(data: PortierData, changes: Changes): PortierData {
  return writeRecords(data, [
    ...changes.users.map((user) => ['users', user.id, user] as const),
    ...Object.entries(changes.grants).map(([userId, grants]) => ['grants', userId, grants] as const),
    ...changes.removedUserIds.flatMap((id) => [['users', id, undefined] as const, ['grants', id, undefined] as const]),
  ]);
}

/**
 * Whether the backend's answer is exactly what the local `execute` predicted: every record the
 * patches wrote is in the answer, and every record of the answer equals the prediction's. Then
 * `predicted` can stand as the confirmed data unchanged, and selectors keep the caches they built
 * for it (at 100,000 users, a new users record means sorting them all again).
 */
function confirmsPrediction(predicted: PortierData, patches: readonly Patch[], changes: Changes): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const answered = new Set([
    ...changes.users.map((user) => `users/${user.id}`),
    ...Object.keys(changes.grants).map((userId) => `grants/${userId}`),
    ...changes.removedUserIds.flatMap((userId) => [`users/${userId}`, `grants/${userId}`]),
  ]);
  return (
    patches.every(({ path }) => answered.has(`${path[0]}/${path[1]}`)) &&
    changes.users.every((user) => same(predicted.users[user.id], user)) &&
    Object.entries(changes.grants).every(([userId, grants]) => same(predicted.grants[userId] ?? [], grants)) &&
    changes.removedUserIds.every((userId) => predicted.users[userId] === undefined && predicted.grants[userId] === undefined)
  );
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
  /** Commands in flight, in order, with what each changed in the view and the temporary ids it gave. */
  const inFlight: { actorId: string; command: Command; patches: Patch[]; tempIds: string[] }[] = [];
  let tempIds = 0;
  let queue: Promise<unknown> = Promise.resolve();
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
  function predict(entry: (typeof inFlight)[number]): void {
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
    for (const listener of [...listeners]) listener(state);
  }

  const ctx = (): BackendContext => ({ actorId: state.actorId });

  async function load(): Promise<void> {
    try {
      const snapshot = await backend.load(ctx());
      confirmed = snapshot.data;
      replay();
      emit({ status: 'ready', error: undefined, actorId: snapshot.actorId });
    } catch (error) {
      const portierError = toPortierError(error);
      emit({ status: 'error', error: portierError });
      throw portierError;
    }
  }

  function dispatch(command: Command): Promise<Changes> {
    const actorId = state.actorId;
    if (actorId === undefined) return Promise.reject(toPortierError(new Error('not signed in')));
    const entry = { actorId, command, patches: [] as Patch[], tempIds: [] as string[] };
    // Local first: validation and policy refuse here without a round trip.
    try {
      predict(entry);
    } catch (error) {
      // The view may not hold the entity (a plain user's view, a paged list): the backend decides.
      if (!isPortierError(error) || error.code !== 'not-found') return Promise.reject(toPortierError(error));
    }
    inFlight.push(entry);
    emit({});
    const settle = (changes?: Changes) => {
      inFlight.splice(inFlight.indexOf(entry), 1);
      if (changes && inFlight.length === 0 && confirmsPrediction(view, entry.patches, changes)) {
        // The view is this command over the confirmed data, and the backend agrees with all of it.
        confirmed = view;
      } else {
        if (changes) confirmed = mergeChanges(confirmed, changes);
        replay();
      }
      emit({});
    };
    const sent = queue.then(() => backend.execute(ctx(), command));
    const settled = sent.then(
      (changes) => {
        settle(changes);
        return changes;
      },
      async (error: unknown) => {
        const portierError = toPortierError(error);
        // The backend refused what the local view allowed, so the view is behind (another client's
        // save, an answer lost after the save, a role changed meanwhile): read it again, so that
        // the store equals the backend once the command has settled.
        await resync();
        settle();
        throw portierError;
      },
    );
    queue = settled.catch(() => undefined);
    return settled;
  }

  /** Reloads the confirmed data quietly: a failure leaves the store as it was. */
  async function resync(): Promise<void> {
    try {
      confirmed = (await backend.load(ctx())).data;
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
        const changes = await dispatch({ type: 'users.create', input });
        return changes.users[0] as User;
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
