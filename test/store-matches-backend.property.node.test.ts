/**
 * Model-based property test of the store (CONVENTIONS: fast-check): one store, acting as a random
 * actor over the memory backend, runs random command sequences through a network that delivers
 * requests and answers in any order (fast-check's scheduler) and loses some of them, while the
 * caller fires commands, `refresh()` and `session.actAs()` without awaiting them, and another
 * administrator saves directly on the backend now and then. The model is the backend itself:
 * once everything has settled, the store must show exactly what `backend.load` gives its actor
 * (the promise of `createPortier`: "after every command settles the store equals the backend").
 *
 * Checked after every sequence: (1) `getState().data` deep-equals the backend's snapshot for the
 * actor the caller last chose, (2) `pending` is 0, (3) every promise the store returned settled,
 * and every rejection is a PortierError, (4) no temporary id (`tmp-…`) is left, and every command
 * the store took in was sent once, in order, as the actor who fired it. Checked on every ready
 * state the store emits: the view holds only users its actor may see, and `pending` never exceeds
 * the commands still unsettled.
 *
 * Runs PORTIER_STORE_PROPERTY_RUNS sequences (2,000 by default, about three seconds; run 20,000
 * or more locally); PORTIER_STORE_PROPERTY_SEED and _PATH replay a failure fast-check printed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  can,
  createManualClock,
  createPortier,
  DAY_MS,
  PortierError,
  sweepTimedTransitions,
  type Command,
  type Level,
  type Portier,
  type PortierBackend,
  type PortierData,
  type PortierState,
  type User,
} from '@portier/core';
import { createMemoryBackend, type MemoryBackend } from '@portier/adapters';
import { propertySeed } from '../packages/adapters/src/memory/property-seed.js';

const RUNS = Number(process.env.PORTIER_STORE_PROPERTY_RUNS ?? 2_000);
const SEED = process.env.PORTIER_STORE_PROPERTY_SEED === undefined ? undefined : Number(process.env.PORTIER_STORE_PROPERTY_SEED);
const PATH = process.env.PORTIER_STORE_PROPERTY_PATH;

/** How often each command outcome happened: shows the sequences reach accepted commands, not only refusals. */
const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

// The vocabulary of the backend's property test (memory-backend.property.test.ts), over the same
// seed (property-seed.ts): its arbitraries are local to that file, so they are restated here as
// command templates whose user ids are filled in when the command is fired.
const CLIENTS = ['c-1', 'c-2', 'c-3', 'c-4'];
const APPS = ['invoices', 'portfolio', 'guard'];
const LEVELS: Level[] = ['none', 'alert', 'read', 'full'];
const EMAILS = ['new@a.example', 'NEW@a.example', 'a1@a.example', 'B2@A.EXAMPLE', 'other@b.example', 'x@y.example'];
const TARGET = '<target>';
const SOURCE = '<source>';

const commandTemplates: fc.Arbitrary<Command>[] = [
  fc.record({ email: fc.constantFrom(...EMAILS), role: fc.constantFrom('user', 'superuser'), kind: fc.constantFrom('login', 'contact'), clients: fc.subarray(CLIENTS), bad: fc.boolean() }).map(
    ({ email, role, kind, clients, bad }) =>
      ({ type: 'users.create', input: { email, firstName: bad ? '' : 'N', lastName: 'L', language: 'fr', role, kind, managedClientIds: clients } }) as Command,
  ),
  fc.record({ firstName: fc.constantFrom('Ann', 'Bob'), email: fc.constantFrom(...EMAILS) }, { requiredKeys: [] }).map(
    (changes) => ({ type: 'users.updateProfile', userId: TARGET, changes }) as Command,
  ),
  fc.constantFrom('user', 'superuser').map((role) => ({ type: 'users.setRole', userId: TARGET, role }) as Command),
  fc.constantFrom('individual', 'collective').map((signature) => ({ type: 'users.setSignature', userId: TARGET, signature }) as Command),
  fc.option(fc.constantFrom('2026-03-01', '2025-12-01'), { nil: undefined }).map(
    (until) => (until === undefined ? { type: 'users.deactivate', userId: TARGET } : { type: 'users.deactivate', userId: TARGET, until }) as Command,
  ),
  ...(['users.activate', 'users.block', 'users.unblock', 'users.resetPassword', 'users.resendInvitation', 'users.makeLogin', 'users.remove'] as const).map((type) =>
    fc.constant({ type, userId: TARGET } as Command),
  ),
  fc.array(
    fc.record(
      { clientId: fc.constantFrom(...CLIENTS), applicationId: fc.constantFrom(...APPS), level: fc.constantFrom(...LEVELS), profile: fc.constantFrom('REFERENT', 'BOGUS') },
      { requiredKeys: ['clientId', 'applicationId', 'level'] },
    ),
    { maxLength: 3 },
  ).map((grants) => ({ type: 'access.set', userId: TARGET, grants }) as Command),
  fc.subarray(APPS).map((excludeApplications) => ({ type: 'access.copyFrom', userId: TARGET, sourceUserId: SOURCE, excludeApplications }) as Command),
  fc.record({ supply: fc.constantFrom(...LEVELS), services: fc.constantFrom(...LEVELS) }).map((levels) => ({ type: 'access.authorizeAll', userId: TARGET, levels }) as Command),
  fc.subarray(CLIENTS).map((clientIds) => ({ type: 'clients.setManaged', userId: TARGET, clientIds }) as Command),
];

/** A user picked when the command is fired: among those the store shows (as a screen would), or among all. */
interface Pick {
  shown: boolean;
  index: number;
}

type Action =
  /** The store's actor fires a command and does not wait for it. */
  | { kind: 'command'; template: Command; target: Pick; source: Pick; version: -1 | 0 | 1 | undefined }
  /** `refresh()`, not awaited. */
  | { kind: 'refresh' }
  /** The network delivers up to `count` messages (requests or answers), in the scheduler's order. */
  | { kind: 'deliver'; count: number }
  /** The caller awaits everything fired so far (the network delivers until nothing is left). */
  | { kind: 'settle' }
  /** Another administrator (another browser) saves something directly on the backend. */
  | { kind: 'elsewhere'; actorId: 'a1' | 'b1'; template: Command; target: number; source: number }
  /** `session.actAs(actorId)` (the demo's switch), not awaited. */
  | { kind: 'actAs'; actorId: string }
  /** Time passes: invitations and end dates run out, which every backend call then stores. */
  | { kind: 'time'; days: number };

const pickArbitrary = fc.record({ shown: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), index: fc.nat(20) });

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      template: fc.oneof(...commandTemplates),
      target: pickArbitrary,
      source: pickArbitrary,
      // The version the screen showed (0), a stale one (-1), or one the store has not seen yet (+1).
      version: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(-1 as const, 0 as const, 1 as const), weight: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'refresh' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'settle' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('elsewhere' as const), actorId: fc.constantFrom('a1' as const, 'b1' as const), template: fc.oneof(...commandTemplates), target: fc.nat(20), source: fc.nat(20) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('actAs' as const), actorId: fc.constantFrom('a1', 'a2', 'u1', 'b1', 'b2') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('time' as const), days: fc.constantFrom(1, 31, 60, 400) }) },
);

/**
 * What happens to one backend call on the way: delivered, or lost before the backend got the
 * request, or lost on the way back after the backend acted. A loss rejects the way a real
 * network does: a PortierError `network` (a REST client's answer) or a raw TypeError (a bare fetch).
 */
type Fault = 'ok' | 'lost-request' | 'lost-answer' | 'lost-answer-typeerror';
const faultArbitrary: fc.Arbitrary<Fault> = fc.oneof(
  { arbitrary: fc.constant('ok' as const), weight: 6 },
  { arbitrary: fc.constantFrom('lost-request' as const, 'lost-answer' as const, 'lost-answer-typeerror' as const), weight: 2 },
);

// Users of the seed, by how much there is to see: a1 is org A's super user with three clients,
// a2 a collective-signature super user, u1 a plain user (sees itself only), b1/b2 org B; u2, u3
// and ct cannot sign in at all (every load and command is refused).
const actorArbitrary = fc.oneof(
  { arbitrary: fc.constant('a1'), weight: 8 },
  { arbitrary: fc.constantFrom('a2', 'u1', 'b1', 'b2'), weight: 4 },
  { arbitrary: fc.constantFrom('u2', 'u3', 'ct'), weight: 1 },
);

/** Everything queued in the microtask queue has run (the memory backend and the store only use microtasks). */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The backend behind a network: every call's request and answer are separate messages delivered
 * when the scheduler says, so answers come back late and out of order; `faults` say, call by
 * call, which message is lost. While `live` is false the network is perfect and immediate.
 */
function overNetwork(inner: MemoryBackend, s: fc.Scheduler, faults: readonly Fault[]) {
  let live = false;
  /** Every command sent, with the actor it was sent as. */
  const sent: { actorId: string | undefined; command: Command }[] = [];
  let calls = 0;
  // A lost answer after the backend acted cannot be known until the store reads again: the next
  // load gets through, so the store has a way to learn it (with no way, no store could converge).
  let owedLoad = false;
  /** Loads that a fault made fail: one may have been the store's only way to learn something. */
  let loadsLost = 0;
  const lost = (fault: Fault) => (fault === 'lost-answer-typeerror' ? new TypeError('Failed to fetch') : new PortierError('network', { cause: 'lost' }));

  async function travel<T>(label: string, isLoad: boolean, send: () => Promise<T>): Promise<T> {
    if (!live) return send();
    let fault: Fault = faults[calls++] ?? 'ok';
    if (isLoad && owedLoad) {
      fault = 'ok';
      owedLoad = false;
    }
    await s.schedule(Promise.resolve(), `${label} request`);
    if (isLoad && fault !== 'ok') loadsLost++;
    if (fault === 'lost-request') throw lost(fault);
    const outcome = await send().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    await s.schedule(Promise.resolve(), `${label} answer${fault === 'ok' ? '' : ' (lost)'}`);
    if (fault !== 'ok') {
      if (!isLoad && outcome.ok) owedLoad = true;
      throw lost(fault);
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  const backend: PortierBackend = {
    ...inner,
    load: (ctx) => travel('load', true, () => inner.load(ctx)),
    execute: (ctx, command) => {
      if (live) sent.push({ actorId: ctx.actorId, command });
      return travel(`${command.type} as ${ctx.actorId}`, false, () => inner.execute(ctx, command));
    },
  };
  return {
    backend,
    sent,
    get loadsLost() {
      return loadsLost;
    },
    setLive(value: boolean) {
      live = value;
    },
    /** The next load gets through (the load of `actAs`: there is no store to compare before it). */
    oweLoad() {
      owedLoad = true;
    },
  };
}

/** Fires `command` through the store's command groups (what a screen calls), not awaited. */
function fire(portier: Portier, command: Command): Promise<unknown> {
  const options = 'expectedVersion' in command && command.expectedVersion !== undefined ? { expectedVersion: command.expectedVersion } : {};
  switch (command.type) {
    case 'users.create':
      return portier.users.create(command.input);
    case 'users.updateProfile':
      return portier.users.updateProfile(command.userId, command.changes, options);
    case 'users.setRole':
      return portier.users.setRole(command.userId, command.role, options);
    case 'users.setSignature':
      return portier.users.setSignature(command.userId, command.signature, options);
    case 'users.deactivate':
      return portier.users.deactivate(command.userId, command.until === undefined ? options : { ...options, until: command.until });
    case 'users.activate':
      return portier.users.activate(command.userId, options);
    case 'users.block':
      return portier.users.block(command.userId, options);
    case 'users.unblock':
      return portier.users.unblock(command.userId, options);
    case 'users.resetPassword':
      return portier.users.resetPassword(command.userId, options);
    case 'users.resendInvitation':
      return portier.users.resendInvitation(command.userId, options);
    case 'users.makeLogin':
      return portier.users.makeLogin(command.userId, options);
    case 'users.remove':
      return portier.users.remove(command.userId, options);
    case 'access.set':
      return portier.access.set(command.userId, command.grants, options);
    case 'access.copyFrom':
      return portier.access.copyFrom(command.sourceUserId, command.userId, { ...options, excludeApplications: command.excludeApplications ?? [] });
    case 'access.authorizeAll':
      return portier.access.authorizeAll(command.userId, command.levels, options);
    case 'clients.setManaged':
      return portier.clients.setManaged(command.userId, command.clientIds, options);
    default:
      return portier.dispatch(command);
  }
}

/** The template with its user ids filled in (and the expected version, relative to what the store shows). */
function instantiate(template: Command, target: string, source: string, data: PortierData, version?: number): Command {
  const command = { ...template } as Record<string, unknown>;
  if (command.userId === TARGET) command.userId = target;
  if (command.sourceUserId === SOURCE) command.sourceUserId = source;
  if (version !== undefined && command.type !== 'users.create') command.expectedVersion = Math.max(0, (data.users[target]?.version ?? 0) + version);
  return command as unknown as Command;
}

function pick(choice: Pick, shown: string[], all: string[]): string {
  const from = choice.shown && shown.length > 0 ? shown : all;
  return from[choice.index % from.length]!;
}

/**
 * What is wrong with a state the store emitted, if anything (checked while commands are in flight).
 * Only a ready state is checked: while `actAs` loads, the store may still show what it had.
 */
function midFlightProblem(state: PortierState, unsettled: number): string | undefined {
  if (state.pending > unsettled) return `pending ${state.pending} while ${unsettled} commands are unsettled`;
  const users = Object.values(state.data.users);
  if (state.status !== 'ready' || users.length === 0) return undefined;
  const actor = state.actorId === undefined ? undefined : state.data.users[state.actorId];
  if (!actor) return `the view lost its actor ${state.actorId}`;
  for (const user of users) {
    if (user.organizationId !== actor.organizationId) return `${actor.id}'s view shows ${user.id} of ${user.organizationId}`;
    if (!can(actor, 'user.view', { now: state.now, user }).allowed) return `${actor.id}'s view shows ${user.id}, whom it may not see`;
  }
  return undefined;
}

function temporaryIds(data: PortierData): string[] {
  const ids = [...Object.keys(data.users), ...Object.values(data.users).map((user) => user.id), ...Object.keys(data.grants)];
  return [...new Set(ids.filter((id) => id.startsWith('tmp-')))];
}

/** The records where the store and the backend differ, in short (the full diff of two portals is unreadable). */
function differences(store: PortierData, backend: PortierData): string[] {
  const found: string[] = [];
  for (const collection of Object.keys(backend) as (keyof PortierData)[]) {
    const mine = store[collection] as Record<string, unknown>;
    const theirs = backend[collection] as Record<string, unknown>;
    for (const id of [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort()) {
      const [a, b] = [mine[id], theirs[id]];
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      if (a === undefined || b === undefined) {
        found.push(`${collection}/${id}: ${a === undefined ? 'missing in the store' : 'only in the store'}`);
      } else if (collection === 'users') {
        const fields = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].filter(
          (key) => JSON.stringify((a as Record<string, unknown>)[key]) !== JSON.stringify((b as Record<string, unknown>)[key]),
        );
        found.push(`users/${id}: ${fields.map((key) => `${key} ${JSON.stringify((a as Record<string, unknown>)[key])} in the store, ${JSON.stringify((b as Record<string, unknown>)[key])} in the backend`).join('; ')}`);
      } else found.push(`${collection}/${id}: ${JSON.stringify(a)} in the store, ${JSON.stringify(b)} in the backend`);
    }
  }
  return found;
}

/** The user a command is about, to match a command sent with the one fired. */
/** What a command is about; `realIds` turns a created user's temporary id into the backend's. */
const aboutWhom = (command: Command, realIds = new Map<string, string>()) =>
  command.type === 'users.create' ? `create ${command.input.email}` : `${command.type} ${realIds.get(command.userId) ?? command.userId}`;

async function runSequence(firstActorId: string, actions: readonly Action[], faults: readonly Fault[], s: fc.Scheduler): Promise<void> {
  const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
  const inner = createMemoryBackend({ seed: propertySeed(), clock });
  const network = overNetwork(inner, s, faults);
  const portier = createPortier({ backend: network.backend, clock, actorId: firstActorId });
  // The first load is not what is tested here: it gets through (a failed one leaves an empty store, as it should).
  await portier.ready.catch(() => undefined);
  network.setLive(true);

  const fired: { label: string; settled: boolean; error?: unknown }[] = [];
  /** The commands the store took in (not refused locally), in order, with the actor it acted as then. */
  const queued: { actorId: string | undefined; command: Command; record: (typeof fired)[number] }[] = [];
  let unsettledCommands = 0;
  let changedElsewhere = false;
  const problems: string[] = [];
  portier.subscribe((state) => {
    const problem = midFlightProblem(state, unsettledCommands);
    if (problem) problems.push(problem);
  });

  /** The backend's id of each user created through the store, by the temporary id it was shown with. */
  const realIds = new Map<string, string>();

  function track(label: string, call: () => Promise<unknown>, isCommand: boolean): Promise<unknown> {
    const record: (typeof fired)[number] = { label, settled: false };
    fired.push(record);
    // Counted before the call: the store emits its optimistic state synchronously, inside it.
    if (isCommand) unsettledCommands++;
    const result = call();
    result.then(
      () => {
        record.settled = true;
        if (isCommand) unsettledCommands--, count('ok');
      },
      (error: unknown) => {
        record.settled = true;
        record.error = error;
        if (isCommand) unsettledCommands--, count(error instanceof PortierError ? error.code : 'not a PortierError');
      },
    );
    return result;
  }

  async function deliver(max: number): Promise<void> {
    for (let i = 0; i < max; i++) {
      await tick();
      if (s.count() === 0) return;
      await s.waitNext(1);
    }
    await tick();
  }

  for (const action of actions) {
    switch (action.kind) {
      case 'command': {
        const { data, actorId } = portier.getState();
        const shown = Object.keys(data.users).sort();
        const all = [...new Set([...shown, ...Object.keys(inner.currentData().users)])].sort();
        const target = pick(action.target, shown, all);
        const command = instantiate(action.template, target, pick(action.source, shown, all), data, action.version);
        const before = portier.getState().pending;
        const temporaryBefore = new Set(temporaryIds(portier.getState().data));
        const result = track(`${actorId}: ${JSON.stringify(command)}`, () => fire(portier, command), true);
        // A creation's temporary id gets the backend's id when it settles: commands on it go out with that one.
        const temporary = command.type === 'users.create' ? temporaryIds(portier.getState().data).find((id) => !temporaryBefore.has(id)) : undefined;
        if (temporary) result.then((user) => realIds.set(temporary, (user as User).id), () => undefined);
        // The store shows a command it took in at once (pending + 1); one it refused locally is never sent.
        if (portier.getState().pending > before) queued.push({ actorId, command, record: fired.at(-1)! });
        break;
      }
      case 'refresh':
        track('refresh', () => portier.refresh(), false);
        break;
      case 'actAs':
        network.oweLoad();
        track(`actAs ${action.actorId}`, () => portier.session.actAs(action.actorId), false);
        break;
      case 'deliver':
        await deliver(action.count);
        break;
      case 'time':
        clock.advance(action.days * DAY_MS);
        break;
      case 'settle':
        await deliver(Infinity);
        break;
      case 'elsewhere': {
        // Never on an actor the store acts as, who would then be unable to load at all.
        const actors = new Set([firstActorId, ...actions.flatMap((a) => (a.kind === 'actAs' ? [a.actorId] : []))]);
        const all = Object.keys(inner.currentData().users)
          .filter((id) => !actors.has(id))
          .sort();
        const command = instantiate(action.template, all[action.target % all.length]!, all[action.source % all.length]!, inner.currentData() as PortierData);
        const changed = await inner.execute({ actorId: action.actorId }, command).then(
          () => true,
          () => false,
        );
        changedElsewhere ||= changed;
        break;
      }
    }
    await tick();
  }
  await deliver(Infinity);
  network.setLive(false);

  // (3) Every promise settled, and every refusal is a PortierError.
  for (const record of fired) {
    assert.ok(record.settled, `never settled: ${record.label}`);
    if (record.error !== undefined) assert.ok(record.error instanceof PortierError, `${record.label} rejected with ${String(record.error)}, not a PortierError`);
  }
  assert.deepEqual(problems, [], 'while commands were in flight');
  // A command whose expected version only a command refused before it predicted is refused unsent
  // (it would pass over another client's save of that number): one was refused before it, on its user, as its actor.
  const withheld = (record: (typeof fired)[number]) =>
    record.error instanceof PortierError && record.error.code === 'conflict' && record.error.details?.['reason'] === 'version-from-refused-command';
  const userOf = (command: Command) => (command.type === 'users.create' ? undefined : (realIds.get(command.userId) ?? command.userId));
  queued.forEach(({ actorId, command, record }, index) => {
    if (!withheld(record)) return;
    assert.notEqual((command as { expectedVersion?: number }).expectedVersion, undefined, `${record.label}: withheld with no expected version`);
    const refusedBefore = queued
      .slice(0, index)
      .some((earlier) => earlier.actorId === actorId && earlier.record.error !== undefined && userOf(earlier.command) === userOf(command));
    assert.ok(refusedBefore, `${record.label}: withheld, but no command on its user was refused before it`);
  });
  // Every other command the store took in is sent once, in order, as the actor who fired it.
  assert.deepEqual(
    network.sent.map(({ actorId, command }) => `${aboutWhom(command)} as ${actorId}`),
    queued.filter(({ record }) => !withheld(record)).map(({ actorId, command }) => `${aboutWhom(command, realIds)} as ${actorId}`),
    'the commands sent (as whom) differ from those fired',
  );
  // Another browser's save is only seen on a reload, and so is a change made by a command of the
  // actor acted as before `actAs` when the load that would show it was lost: read again once,
  // over a working network. (Lost loads are rare in the sequences; most runs check without it.)
  if (changedElsewhere || network.loadsLost > 0) await portier.refresh().catch((error: unknown) => assert.ok(error instanceof PortierError, String(error)));
  const state = portier.getState();
  // (2) Nothing in flight.
  assert.equal(state.pending, 0, 'pending after everything settled');
  // (4) No temporary id left.
  assert.deepEqual(temporaryIds(state.data), [], 'temporary ids left in the store');
  // (1) The store shows what the backend holds for its actor.
  const snapshot = await inner.load({ actorId: state.actorId }).then(
    (value) => value,
    () => undefined,
  );
  if (!snapshot) {
    // An actor who may not sign in (never could, or was blocked or removed before `actAs` chose
    // it): the store cannot show its data and must say so.
    assert.equal(state.status, 'error', `${state.actorId} may not sign in, yet the store is ${state.status}`);
    return;
  }
  const lastActAs = actions.flatMap((a) => (a.kind === 'actAs' ? [a.actorId] : [])).at(-1);
  assert.equal(state.actorId, lastActAs ?? firstActorId, 'the store acts as someone else than the caller last asked');
  assert.equal(state.actorId, snapshot.actorId);
  // The backend stored what time changed since the store's last answer (it sweeps before answering);
  // the store stores it at its next answer: compared at the same instant.
  const shown = sweepTimedTransitions(state.data, clock.now()).data;
  assert.deepEqual(differences(shown, snapshot.data), [], `the store differs from the backend for ${state.actorId}`);
  assert.deepEqual(shown, snapshot.data, `the store differs from the backend for ${state.actorId}`);
}

describe('createPortier — model-based property test against the memory backend', () => {
  it(`equals the backend once every command settled, over ${RUNS.toLocaleString('en')} random sequences through a lossy, reordering network`, { timeout: 24 * 3_600_000 }, async () => {
    let sequences = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        actorArbitrary,
        fc.array(actionArbitrary, { minLength: 1, maxLength: 14 }),
        fc.array(faultArbitrary, { maxLength: 24 }),
        fc.scheduler(),
        async (actorId, actions, faults, s) => {
          sequences++;
          await runSequence(actorId, actions, faults, s);
        },
      ),
      { numRuns: RUNS, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }), ...(PATH === undefined ? {} : { path: PATH }) },
    );
    const commands = [...outcomes.values()].reduce((a, b) => a + b, 0);
    console.log(`store property: ${sequences.toLocaleString('en')} sequences, ${commands.toLocaleString('en')} commands in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`store property outcomes: ${[...outcomes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    assert.ok(sequences >= RUNS);
    assert.ok((outcomes.get('ok') ?? 0) > commands / 8, 'a fair share of the commands are accepted');
  });
});
