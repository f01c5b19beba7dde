import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createManualClock, createPortier, DAY_MS, PortierError, selectUsers, type PortierBackend } from '@portier/core';
import { createMemoryBackend } from '@portier/adapters';

async function setup(actorId = 'u-001') {
  const clock = createManualClock();
  const backend = createMemoryBackend({ clock });
  const portier = createPortier({ backend, clock, actorId });
  await portier.ready;
  return { clock, backend, portier };
}

async function assertStoreEqualsBackend(portier: ReturnType<typeof createPortier>, backend: PortierBackend) {
  const snapshot = await backend.load({ actorId: portier.getState().actorId });
  assert.deepEqual(portier.getState().data, snapshot.data);
}

/**
 * Makes the backend's next `load` read the data at once but answer only when the returned
 * function is called: a refresh overtaken by what happens meanwhile. Later loads answer at once.
 */
function holdFirstLoadAnswer(backend: PortierBackend): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = backend.load;
  let first = true;
  backend.load = async (ctx) => {
    const snapshot = await load(ctx);
    if (first) {
      first = false;
      await gate;
    }
    return snapshot;
  };
  return release;
}

describe('createPortier', () => {
  it('loads what the actor may see: its organization only', async () => {
    const { portier } = await setup();
    const state = portier.getState();
    assert.equal(state.status, 'ready');
    assert.equal(Object.keys(state.data.organizations).join(), 'org-lambert');
    assert.ok(Object.values(state.data.users).every((user) => user.organizationId === 'org-lambert'));
    assert.equal(Object.keys(state.data.users).length, 40);
  });

  it('sends a command as the actor who fired it, and keeps it out of the view of the actor chosen next', async () => {
    const { portier, backend } = await setup();
    const blocked = portier.users.block('u-005');
    const switched = portier.session.actAs('u-004');
    await Promise.all([blocked, switched]);
    assert.equal(backend.currentData().users['u-005']!.status, 'blocked', 'sent as u-001, not as the plain user u-004');
    assert.deepEqual(Object.keys(portier.getState().data.users), ['u-004']);
    await assertStoreEqualsBackend(portier, backend);
  });

  it('a refresh answered late does not undo a command that settled meanwhile', async () => {
    const { portier, backend } = await setup();
    // The refresh reads the data now, and its answer comes back only after the block has settled.
    const release = holdFirstLoadAnswer(backend);
    const refreshed = portier.refresh();
    await portier.users.block('u-005');
    release();
    await refreshed;
    assert.equal(portier.getState().data.users['u-005']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('a command answered after a refresh that read later keeps the refresh’s newer record (another tab’s change)', async () => {
    const { backend } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let ran!: () => void;
    const executed = new Promise<void>((resolve) => (ran = resolve));
    const slow: PortierBackend = { ...backend, execute: async (ctx, command) => { const changes = await backend.execute(ctx, command); ran(); await gate; return changes; } };
    const portier = createPortier({ backend: slow, clock: backend.clock, actorId: 'u-001' });
    await portier.ready;
    const blocking = portier.users.block('u-005');
    await executed;
    await backend.execute({ actorId: 'u-003' }, { type: 'users.updateProfile', userId: 'u-005', changes: { firstName: 'Renamed' } });
    await portier.refresh();
    release();
    await blocking;
    assert.deepEqual([portier.getState().data.users['u-005']!.status, portier.getState().data.users['u-005']!.firstName], ['blocked', 'Renamed']);
    await assertStoreEqualsBackend(portier, backend);
  });

  it('without an actorId (the backend’s own session), a failed re-read does not put an older snapshot back', async () => {
    const { backend } = await setup();
    let hold = false;
    let fail = false;
    let release!: () => void;
    const flaky: PortierBackend = {
      ...backend,
      load: async (ctx) => {
        if (fail) {
          fail = false;
          throw new PortierError('network', { reason: 'fetch-failed' });
        }
        const snapshot = await backend.load(ctx);
        if (hold) {
          hold = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return snapshot;
      },
    };
    const portier = createPortier({ backend: flaky, clock: backend.clock });
    await portier.ready;
    hold = true;
    const refreshed = portier.refresh();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await portier.users.block('u-005');
    fail = true;
    release();
    await refreshed.catch(() => undefined);
    assert.equal(portier.getState().data.users['u-005']!.status, 'blocked');
  });

  it('a plain user sees only itself', async () => {
    const { portier } = await setup('u-004');
    assert.deepEqual(Object.keys(portier.getState().data.users), ['u-004']);
  });

  it('shows a command at once (optimistic), then equals the backend', async () => {
    const { portier, backend } = await setup();
    const seen: string[] = [];
    portier.subscribe((state) => seen.push(state.data.users['u-005']!.firstName));
    const done = portier.users.updateProfile('u-005', { firstName: 'Optimistic' });
    assert.equal(portier.getState().data.users['u-005']!.firstName, 'Optimistic');
    assert.equal(portier.getState().pending, 1);
    await done;
    assert.equal(portier.getState().pending, 0);
    assert.deepEqual(seen, ['Optimistic', 'Optimistic']);
    await assertStoreEqualsBackend(portier, backend);
  });

  it('a listener that throws stops neither a command nor the other listeners: its error is reported as uncaught', async () => {
    const { portier, backend } = await setup();
    const reported: unknown[] = [];
    const globals = globalThis as { reportError?: (error: unknown) => void };
    const before = globals.reportError;
    globals.reportError = (error) => reported.push(error);
    try {
      const bug = new Error('a host listener bug');
      portier.subscribe(() => {
        throw bug;
      });
      const heard: number[] = [];
      portier.subscribe((state) => heard.push(state.pending));
      const blocked = portier.users.block('u-005');
      await blocked;
      assert.equal(backend.currentData().users['u-005']!.status, 'blocked');
      assert.equal(portier.getState().pending, 0);
      assert.deepEqual(heard, [1, 0], 'the listener after the broken one hears every change');
      assert.ok(reported.length >= 2 && reported.every((error) => error === bug));
      await portier.users.updateProfile('u-005', { firstName: 'Still' });
      await assertStoreEqualsBackend(portier, backend);
    } finally {
      globals.reportError = before;
    }
  });

  it('a listener stopped by another listener hears nothing more, not even the change being told', async () => {
    const { portier } = await setup();
    const heard: string[] = [];
    let stopSecond = () => {};
    portier.subscribe(() => {
      heard.push('first');
      stopSecond();
    });
    stopSecond = portier.subscribe(() => heard.push('second'));
    portier.setLocale('fr');
    portier.setLocale('nl');
    assert.deepEqual(heard, ['first', 'first']);
  });

  it('rolls back when the backend refuses, rejecting with its code, and keeps the state unchanged', async () => {
    const { portier, backend } = await setup();
    const before = portier.getState().data;
    // The local view cannot know this e-mail is taken in another organization: the backend refuses.
    const attempt = portier.users.create({ email: 'ADMIN@horizon.example', firstName: 'Dup', lastName: 'Licate', language: 'fr' });
    assert.equal(Object.keys(portier.getState().data.users).length, 41);
    await assert.rejects(attempt, (error: PortierError) => error.code === 'email-taken');
    assert.deepEqual(portier.getState().data, before);
    await assertStoreEqualsBackend(portier, backend);
  });

  it('refuses locally, without a round trip, what the policy forbids', async () => {
    const { portier } = await setup('u-004');
    let calls = 0;
    const original = portier.backend.execute;
    portier.backend.execute = (...args) => (calls++, original(...args));
    await assert.rejects(portier.users.updateProfile('u-004', { email: 'me@else.example' }), (error: PortierError) => error.code === 'not-editable');
    await assert.rejects(portier.users.setRole('u-004', 'superuser'), (error: PortierError) => error.code === 'forbidden');
    assert.equal(calls, 0);
  });

  it('lets the backend decide about users the view does not hold', async () => {
    const { portier } = await setup('u-004');
    await assert.rejects(portier.users.block('u-001'), (error: PortierError) => error.code === 'forbidden');
  });

  it('refuses bad input with validation and field paths', async () => {
    const { portier } = await setup();
    await assert.rejects(
      portier.users.create({ email: 'nope', firstName: '', lastName: 'L', language: 'fr' }),
      (error: PortierError) => error.code === 'validation' && error.details!.issues!.some((issue) => issue.path.join('.') === 'input.email'),
    );
  });

  it('keeps commands in order and equal to the backend when several are in flight', async () => {
    const { portier, backend } = await setup();
    const created = portier.users.create({ email: 'flight@lambert.example', firstName: 'In', lastName: 'Flight', language: 'en' });
    const renamed = portier.users.updateProfile('u-005', { lastName: 'Renamed' });
    const blocked = portier.users.block('u-017');
    const refused = portier.users.setRole('u-013', 'superuser');
    const results = await Promise.allSettled([created, renamed, blocked, refused]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    await assertStoreEqualsBackend(portier, backend);
    assert.equal(selectUsers(portier.getState(), { email: 'flight@' }).length, 1);
  });

  it('drops a refused command from the view and keeps showing the commands still in flight behind it', async () => {
    const { portier, backend } = await setup();
    const refused = portier.users.create({ email: 'ADMIN@horizon.example', firstName: 'Dup', lastName: 'Licate', language: 'fr' });
    const renamed = portier.users.updateProfile('u-005', { lastName: 'Behind' });
    assert.equal(portier.getState().pending, 2);
    await assert.rejects(refused, (error: PortierError) => error.code === 'email-taken');
    const between = portier.getState();
    assert.equal(between.pending, 1);
    assert.equal(Object.keys(between.data.users).length, 40, 'the refused creation is gone from the view');
    assert.equal(between.data.users['u-005']!.lastName, 'Behind', 'the command behind it is still shown');
    await renamed;
    await assertStoreEqualsBackend(portier, backend);
  });

  it('rolls back a refused command even when the command behind it changed the same user', async () => {
    const { portier, backend } = await setup();
    const version = portier.getState().data.users['u-005']!.version;
    // Another administrator saves u-005 first: the store's version is now stale.
    await backend.execute({ actorId: 'u-003' }, { type: 'users.updateProfile', userId: 'u-005', changes: { lastName: 'Elsewhere' } });
    const stale = portier.users.updateProfile('u-005', { firstName: 'Refused' }, { expectedVersion: version });
    const behind = portier.users.updateProfile('u-005', { phone: '+32 2 555 0101' });
    assert.equal(portier.getState().data.users['u-005']!.firstName, 'Refused');
    await assert.rejects(stale, (error: PortierError) => error.code === 'conflict');
    const between = portier.getState().data.users['u-005']!;
    assert.equal(portier.getState().pending, 1);
    assert.notEqual(between.firstName, 'Refused', 'the refused change is gone at once, not when the command behind it settles');
    assert.equal(between.lastName, 'Elsewhere', 'the reloaded data shows');
    assert.equal(between.phone, '+32 2 555 0101', 'the command behind it is still shown');
    await behind;
    await assertStoreEqualsBackend(portier, backend);
  });

  it('keeps a created user’s temporary id while a command before it settles', async () => {
    const { portier } = await setup();
    const refused = portier.users.create({ email: 'ADMIN@horizon.example', firstName: 'Dup', lastName: 'Licate', language: 'fr' });
    const created = portier.users.create({ email: 'kept@lambert.example', firstName: 'Kept', lastName: 'Id', language: 'fr' });
    const [shown] = selectUsers(portier.getState(), { email: 'kept@' });
    await refused.catch(() => undefined);
    assert.equal(selectUsers(portier.getState(), { email: 'kept@' })[0]?.id, shown!.id);
    await created;
  });

  it('sends the commands fired on a just-created user (its temporary id) with the id the backend gave it', async () => {
    const { portier, backend } = await setup();
    const created = portier.users.create({ email: 'new@lambert.example', firstName: 'T', lastName: 'Mp', language: 'en' });
    const temporary = selectUsers(portier.getState(), { email: 'new@' })[0]!.id;
    assert.match(temporary, /^tmp-/);
    const renamed = portier.users.updateProfile(temporary, { firstName: 'Renamed' }, { expectedVersion: 0 });
    const copied = portier.users.create({ email: 'copy@lambert.example', firstName: 'C', lastName: 'Py', language: 'en', access: { mode: 'copy', sourceUserId: temporary } });
    assert.equal(selectUsers(portier.getState(), { email: 'new@' })[0]!.firstName, 'Renamed');
    const real = await created;
    assert.equal(selectUsers(portier.getState(), { email: 'new@' })[0]!.firstName, 'Renamed', 'still shown, now on the real id');
    await renamed;
    await copied;
    assert.equal(backend.currentData().users[real.id]!.firstName, 'Renamed');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('keeps the data it showed when the backend confirms the prediction, so selectors keep their caches', async () => {
    const { portier, backend } = await setup();
    const blocked = portier.users.block('u-017');
    const shown = portier.getState().data;
    await blocked;
    assert.equal(portier.getState().pending, 0);
    assert.equal(portier.getState().data, shown, 'the same data, not a copy equal to it');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('takes the backend’s records when they differ from the prediction', async () => {
    const { portier, backend } = await setup();
    // The backend ids a new user itself: the view's temporary id gives way to it.
    const created = await portier.users.create({ email: 'ids@lambert.example', firstName: 'Id', lastName: 'Given', language: 'en' });
    assert.ok(!created.id.startsWith('tmp-'));
    assert.equal(portier.getState().data.users[created.id]?.email, 'ids@lambert.example');
    // Another administrator renamed u-005 behind the view's back: the block's answer carries that too.
    await backend.execute({ actorId: 'u-003' }, { type: 'users.updateProfile', userId: 'u-005', changes: { firstName: 'Elsewhere' } });
    await portier.users.block('u-005');
    assert.equal(portier.getState().data.users['u-005']!.firstName, 'Elsewhere');
    assert.equal(portier.getState().data.users['u-005']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('seed 003: an invitation expires after 30 days and can be re-sent', async () => {
    const { portier, clock, backend } = await setup();
    const user = await portier.users.create({ email: 'late@lambert.example', firstName: 'Late', lastName: 'Comer', language: 'nl' });
    clock.advance(31 * DAY_MS);
    await portier.refresh();
    assert.equal(portier.getState().data.users[user.id]!.status, 'expired');
    await portier.users.resendInvitation(user.id);
    assert.equal(portier.getState().data.users[user.id]!.status, 'invited');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('an invitation that expired during another call (an audit read) does not make the next command on it a conflict', async () => {
    const { clock, portier, backend } = await setup();
    const invited = portier.getState().data.users['u-006']!;
    clock.set(Date.parse(invited.invitationExpiresAt!) + 1000);
    // The backend stores the expiry while answering something that carries no users.
    await portier.audit.list({ limit: 1 });
    assert.equal(backend.currentData().users['u-006']!.status, 'expired');
    const shown = portier.getState().data.users['u-006']!;
    await portier.users.resendInvitation('u-006', { expectedVersion: shown.version });
    assert.equal(backend.currentData().users['u-006']!.status, 'invited');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('sends a command fired before the first load answers: the backend decides, not an empty view', async () => {
    const clock = createManualClock();
    const backend = createMemoryBackend({ clock });
    const portier = createPortier({ backend, clock, actorId: 'u-001' });
    await portier.users.block('u-017');
    assert.equal(backend.currentData().users['u-017']!.status, 'blocked');
    await portier.ready;
    await assertStoreEqualsBackend(portier, backend);
    // What the backend refuses is still refused.
    await assert.rejects(portier.users.block('h-001'), (error: PortierError) => error.code === 'forbidden' || error.code === 'out-of-scope' || error.code === 'not-found');
  });

  it('without an actorId (the backend’s own session), a command fired before the first load waits for it, and fails as it failed', async () => {
    const backend = createMemoryBackend();
    const portier = createPortier({ backend });
    await portier.users.block('u-005');
    assert.equal(backend.currentData().users['u-005']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);

    const before = backend.currentData().users['u-006']!;
    const unreachable = createPortier({ backend: { ...backend, load: () => Promise.reject(new TypeError('Failed to fetch')) } });
    await assert.rejects(unreachable.users.block('u-006'), (error: PortierError) => error.code === 'network');
    await assert.rejects(unreachable.users.block('u-006'), (error: PortierError) => error.code === 'network', 'after the failed load too');
    assert.equal(backend.currentData().users['u-006'], before, 'never sent');
  });

  it('without an actorId, a refresh asked before the first load answered is applied, not dropped', async () => {
    const inner = createMemoryBackend();
    const answers: (() => void)[] = [];
    // Each load reads at once; its answer comes back when the test says.
    const backend: PortierBackend = {
      ...inner,
      load: async (context) => {
        const snapshot = await inner.load(context);
        await new Promise<void>((resolve) => answers.push(resolve));
        return snapshot;
      },
    };
    const portier = createPortier({ backend });
    while (answers.length < 1) await new Promise((resolve) => setImmediate(resolve));
    await inner.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Changed' } });
    const refreshed = portier.refresh();
    while (answers.length < 2) await new Promise((resolve) => setImmediate(resolve));
    answers[0]!();
    await portier.ready;
    answers[1]!();
    await refreshed;
    assert.equal(portier.getState().data.users['u-004']!.lastName, 'Changed', 'the refresh read after the change');
    await assertStoreEqualsBackend(portier, inner);
  });

  /** A memory backend whose loads read at once and answer when the test releases them; it records the commands sent. */
  function heldLoads() {
    const inner = createMemoryBackend();
    const answers: (() => void)[] = [];
    const sent: string[] = [];
    const backend: PortierBackend = {
      ...inner,
      load: async (context) => {
        const snapshot = await inner.load(context);
        await new Promise<void>((resolve) => answers.push(resolve));
        return snapshot;
      },
      execute: (context, command) => {
        sent.push(`${command.type} as ${context.actorId}`);
        return inner.execute(context, command);
      },
    };
    const loadsAsked = async (count: number) => {
      while (answers.length < count) await new Promise((resolve) => setImmediate(resolve));
    };
    return { inner, backend, answers, sent, loadsAsked };
  }

  it('without an actorId, commands fired before the first load go out in the order fired, even when a refresh answers first', async () => {
    const { inner, backend, answers, sent, loadsAsked } = heldLoads();
    const portier = createPortier({ backend });
    const blocked = portier.users.block('u-005');
    const refreshed = portier.refresh();
    const unblocked = portier.users.unblock('u-005');
    await loadsAsked(2);
    answers[1]!();
    await refreshed;
    answers[0]!();
    await Promise.all([blocked, unblocked]);
    assert.deepEqual(sent, ['users.block as u-001', 'users.unblock as u-001']);
    assert.equal(inner.currentData().users['u-005']!.status, 'active');
  });

  it('without an actorId, a command fired before the first load is not sent as an actor chosen with actAs meanwhile', async () => {
    const { inner, backend, answers, sent, loadsAsked } = heldLoads();
    const portier = createPortier({ backend });
    const before = inner.currentData().users['u-004'];
    // Refused at once, when actAs names another actor: the outcome is read right away.
    const blocked = portier.users.block('u-004').then(
      () => 'sent',
      (error: PortierError) => `${error.code} ${String(error.details?.['reason'])}`,
    );
    const switching = portier.session.actAs('u-002');
    await loadsAsked(2);
    answers[0]!();
    answers[1]!();
    await switching;
    assert.equal(await blocked, 'forbidden unknown-actor');
    assert.deepEqual(sent, []);
    assert.equal(inner.currentData().users['u-004'], before);
  });

  it('without an actorId, the commands fired before the first load are shown and sent as soon as it answers, before any fired after it', async () => {
    const { inner, backend, answers, sent, loadsAsked } = heldLoads();
    const portier = createPortier({ backend });
    const early = [portier.users.updateProfile('u-005', { firstName: 'First' }), portier.users.setRole('u-005', 'superuser')];
    await loadsAsked(1);
    answers[0]!();
    await portier.ready;
    assert.equal(portier.getState().pending, 2, 'both shown at once');
    const later = portier.users.setRole('u-005', 'user');
    await Promise.all([...early, later]);
    assert.deepEqual(sent, ['users.updateProfile as u-001', 'users.setRole as u-001', 'users.setRole as u-001']);
    assert.equal(inner.currentData().users['u-005']!.role, 'user', 'the last intent wins');
  });

  it('a lost answer of a command the backend did not apply stays a refusal, also when another client changed the same user’s rights meanwhile', async () => {
    const inner = createMemoryBackend();
    let first = true;
    const backend: PortierBackend = {
      ...inner,
      execute: async (context, command) => {
        if (first) {
          first = false;
          // Another administrator sets other rights; this request is lost before it reaches the server.
          await inner.execute({ actorId: 'u-002' }, { type: 'access.set', userId: 'u-004', grants: [{ clientId: 'c-brasserie', applicationId: 'invoice-viewer', level: 'none' }] });
          throw new TypeError('Failed to fetch');
        }
        return inner.execute(context, command);
      },
    };
    const portier = createPortier({ backend, actorId: 'u-001' });
    await portier.ready;
    const version = portier.getState().data.users['u-004']!.version;
    const lost = portier.access.set('u-004', [{ clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'none' }], { expectedVersion: version });
    const built = portier.users.updateProfile('u-004', { firstName: 'Built on it' }, { expectedVersion: version + 1 });
    await assert.rejects(lost, (error: PortierError) => error.code === 'network');
    await assert.rejects(built, (error: PortierError) => error.code === 'conflict');
    assert.notEqual(inner.currentData().users['u-004']!.firstName, 'Built on it');
  });

  it('a save whose answer was lost, but which the backend applied, lets the save built on it go through', async () => {
    const inner = createMemoryBackend();
    let loseNext = true;
    const backend: PortierBackend = {
      ...inner,
      execute: async (context, command) => {
        const changes = await inner.execute(context, command);
        if (loseNext) {
          loseNext = false;
          throw new TypeError('Failed to fetch');
        }
        return changes;
      },
    };
    const portier = createPortier({ backend, actorId: 'u-001' });
    await portier.ready;
    const version = portier.getState().data.users['u-004']!.version;
    const first = portier.users.updateProfile('u-004', { firstName: 'Mine' }, { expectedVersion: version });
    const second = portier.users.updateProfile('u-004', { lastName: 'MineToo' }, { expectedVersion: version + 1 });
    await assert.rejects(first, (error: PortierError) => error.code === 'network');
    await second;
    const saved = inner.currentData().users['u-004']!;
    assert.deepEqual([saved.firstName, saved.lastName], ['Mine', 'MineToo']);
    await assertStoreEqualsBackend(portier, inner);
  });

  it('refuses a save built on the version only a refused command predicted: it would overwrite another client’s save unseen', async () => {
    const { portier, backend } = await setup();
    const version = portier.getState().data.users['u-004']!.version;
    // Another administrator saves first: the number the store predicts next is now that save's.
    await backend.execute({ actorId: 'u-002' }, { type: 'users.updateProfile', userId: 'u-004', changes: { lastName: 'Theirs' } });
    const first = portier.users.updateProfile('u-004', { firstName: 'Mine' }, { expectedVersion: version });
    const shown = portier.getState().data.users['u-004']!;
    assert.equal(shown.version, version + 1, 'the screen shows the predicted version');
    const second = portier.users.updateProfile('u-004', { lastName: 'MineToo' }, { expectedVersion: shown.version });
    await assert.rejects(first, (error: PortierError) => error.code === 'conflict');
    await assert.rejects(second, (error: PortierError) => error.code === 'conflict');
    assert.equal(backend.currentData().users['u-004']!.lastName, 'Theirs', 'the other save stands');
    await assertStoreEqualsBackend(portier, backend);
    // Built on a prediction the backend confirms, the same chain goes through.
    const now = portier.getState().data.users['u-004']!.version;
    await Promise.all([
      portier.users.updateProfile('u-004', { firstName: 'One' }, { expectedVersion: now }),
      portier.users.updateProfile('u-004', { firstName: 'Two' }, { expectedVersion: now + 1 }),
    ]);
    assert.equal(backend.currentData().users['u-004']!.firstName, 'Two');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('sends a command fired while actAs loads as the new actor, judged by the backend', async () => {
    const { portier, backend } = await setup();
    const switching = portier.session.actAs('h-001');
    await portier.users.updateProfile('h-001', { firstName: 'Switched' });
    await switching;
    assert.equal(backend.currentData().users['h-001']!.firstName, 'Switched');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('acts as another user', async () => {
    const { portier } = await setup();
    await portier.session.actAs('u-004');
    assert.equal(portier.getState().actorId, 'u-004');
    assert.deepEqual(Object.keys(portier.getState().data.users), ['u-004']);
  });

  it('drops a user removed by a command when a command behind it is still in flight', async () => {
    const { portier, backend } = await setup();
    const removed = portier.users.remove('u-040');
    const blocked = portier.users.block('u-017');
    await Promise.all([removed, blocked]);
    assert.equal(portier.getState().data.users['u-040'], undefined);
    assert.equal(portier.getState().data.grants['u-040'], undefined);
    await assertStoreEqualsBackend(portier, backend);
  });

  it('takes the backend’s rights when only they differ from the prediction', async () => {
    const { portier, backend } = await setup();
    const execute = backend.execute;
    // A backend that stores rights its own way (here: one more right than asked) answers what it stored.
    const extra = { clientId: 'c-brasserie', applicationId: 'portfolio-manager', level: 'read' } as const;
    backend.execute = async (ctx, command) => {
      const changes = await execute(ctx, command);
      return command.type === 'access.set' ? { ...changes, grants: { 'u-017': [...changes.grants['u-017']!, extra] } } : changes;
    };
    const granted = { clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'full' } as const;
    await portier.access.set('u-017', [granted]);
    assert.deepEqual(portier.getState().data.grants['u-017']!.slice(-2), [granted, extra]);
  });

  it('reads again when the backend’s answer leaves out a record the command wrote, and then equals the backend', async () => {
    const { portier, backend } = await setup();
    const execute = backend.execute;
    // The answer names no user: the view cannot tell whether the backend did what it predicted.
    backend.execute = async (ctx, command) => ({ ...(await execute(ctx, command)), users: [] });
    await portier.users.updateProfile('u-017', { firstName: 'Short' });
    assert.equal(portier.getState().data.users['u-017']!.firstName, 'Short');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('a refresh whose read a command overtook reads again, and shows another client’s change it missed', async () => {
    const { portier, backend } = await setup();
    const release = holdFirstLoadAnswer(backend);
    // Another client blocks u-016 before the refresh reads; the view's own block settles before the refresh answers.
    await backend.execute({ actorId: 'u-003' }, { type: 'users.block', userId: 'u-016' });
    const refreshed = portier.refresh();
    await portier.users.block('u-017');
    release();
    await refreshed;
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
    assert.equal(portier.getState().data.users['u-017']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('after actAs, a command the previous actor fired does not show in the new actor’s view before it settles', async () => {
    const { portier, backend } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const execute = backend.execute;
    backend.execute = async (ctx, command) => {
      await gate;
      return execute(ctx, command);
    };
    const blocked = portier.users.block('u-017');
    assert.equal(portier.getState().data.users['u-017']!.status, 'blocked', 'shown at once to u-001');
    await portier.session.actAs('u-003');
    assert.equal(portier.getState().data.users['u-017']!.status, 'active', 'not u-003’s command, not yet applied');
    release();
    await blocked;
    assert.equal(portier.getState().data.users['u-017']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('rule 10: once the actor’s own active-until day has passed, the store says so (forbidden, actor-inactive) instead of showing data', async () => {
    const { portier, clock } = await setup('u-015');
    assert.equal(portier.getState().status, 'ready');
    clock.set(Date.UTC(2026, 11, 16, 9));
    portier.setLocale('fr');
    const state = portier.getState();
    assert.equal(state.status, 'error');
    assert.equal(state.error?.code, 'forbidden');
    assert.equal(state.error?.details?.reason, 'actor-inactive');
  });

  it('rule 10: a command refused because the actor’s own end date passed makes the store read again and report the refusal', async () => {
    const { portier, clock, backend } = await setup('u-015');
    clock.set(Date.UTC(2026, 11, 16, 9));
    let loads = 0;
    const load = backend.load;
    backend.load = (ctx) => {
      loads++;
      return load(ctx);
    };
    await assert.rejects(portier.users.updateProfile('u-015', { firstName: 'Late' }), (error: PortierError) => error.details?.reason === 'actor-inactive');
    // The read runs after the refusal settles: wait for its outcome (up to 2 s on a busy machine).
    const settled = () => loads > 0 && portier.getState().status === 'error';
    for (let waited = 0; !settled() && waited < 2_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(loads, 1, 'read again');
    assert.equal(portier.getState().status, 'error');
    assert.equal(portier.getState().error?.code, 'forbidden');
  });

  it('setLocale changes the locale in the state and tells the listeners', async () => {
    const { portier } = await setup();
    const heard: string[] = [];
    portier.subscribe((state) => heard.push(state.locale));
    assert.equal(portier.getState().locale, 'en');
    portier.setLocale('nl');
    assert.equal(portier.getState().locale, 'nl');
    assert.deepEqual(heard, ['nl']);
  });

  it('a refresh that cannot reach the backend keeps the ready view on screen, marked with the network error', async () => {
    const { portier, backend } = await setup();
    const shown = portier.getState().data;
    backend.load = () => Promise.reject(new TypeError('Failed to fetch'));
    await assert.rejects(portier.refresh(), (error: PortierError) => error.code === 'network');
    const state = portier.getState();
    assert.equal(state.status, 'ready');
    assert.equal(state.error?.code, 'network');
    assert.equal(state.data, shown);
  });

  it('an earlier refresh answering after a later one failed to reach the backend is still applied', async () => {
    const { portier, backend } = await setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = backend.load;
    let call = 0;
    backend.load = async (ctx) => {
      call++;
      if (call === 2) throw new TypeError('Failed to fetch');
      const snapshot = await load(ctx);
      await gate;
      return snapshot;
    };
    await backend.execute({ actorId: 'u-003' }, { type: 'users.block', userId: 'u-016' });
    const slow = portier.refresh();
    await assert.rejects(portier.refresh(), (error: PortierError) => error.code === 'network');
    release();
    await slow;
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
    assert.equal(portier.getState().error, undefined);
    assert.equal(portier.getState().status, 'ready');
  });

  it('an older refresh answering after a newer one is dropped: it does not put back what another client changed since', async () => {
    const { portier, backend } = await setup();
    const release = holdFirstLoadAnswer(backend);
    const older = portier.refresh();
    await backend.execute({ actorId: 'u-003' }, { type: 'users.block', userId: 'u-016' });
    await portier.refresh();
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
    release();
    await older;
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('users the actor may not see, per the record the store holds of it, wait for the next load when reading again fails', async () => {
    const { portier, backend } = await setup('u-004');
    // Another administrator made u-004 a super user; the store has not read it yet.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.setRole', userId: 'u-004', role: 'superuser' });
    backend.load = () => Promise.reject(new TypeError('Failed to fetch'));
    await portier.users.block('u-017');
    assert.equal(backend.currentData().users['u-017']!.status, 'blocked');
    assert.deepEqual(Object.keys(portier.getState().data.users), ['u-004']);
  });

  it('clients.search passes the limit to the backend', async () => {
    const { portier } = await setup();
    assert.ok((await portier.clients.search('')).length > 2);
    assert.equal((await portier.clients.search('', 2)).length, 2);
  });

  it('a quiet re-read answered after a newer refresh is dropped: a refused command does not bring back an older snapshot', async () => {
    const { portier, backend } = await setup();
    // Another client blocked u-017: the view does not know, so blocking it again is refused by the backend, which makes the store read again.
    await backend.execute({ actorId: 'u-003' }, { type: 'users.block', userId: 'u-017' });
    const load = backend.load;
    let armed = true;
    backend.load = async (ctx) => {
      const snapshot = await load(ctx);
      if (armed) {
        armed = false;
        // After this read, another client blocks u-016 and a refresh reads that before the re-read answers.
        await backend.execute({ actorId: 'u-003' }, { type: 'users.block', userId: 'u-016' });
        await portier.refresh();
      }
      return snapshot;
    };
    await assert.rejects(portier.users.block('u-017'), (error: PortierError) => error.code === 'not-editable');
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
    await assertStoreEqualsBackend(portier, backend);
  });

  it('users.create rejects with server (invalid-response) when the backend’s answer holds no user', async () => {
    const { portier, backend } = await setup();
    const execute = backend.execute;
    backend.execute = async (ctx, command) => ({ ...(await execute(ctx, command)), users: [] });
    await assert.rejects(
      portier.users.create({ email: 'nobody@lambert.example', firstName: 'No', lastName: 'Body', language: 'en' }),
      (error: PortierError) => error.code === 'server' && error.details?.reason === 'invalid-response',
    );
  });

  it('access.set takes a single grant as well as a list', async () => {
    const { portier, backend } = await setup();
    await portier.access.set('u-017', { clientId: 'c-brasserie', applicationId: 'energy-guard', level: 'alert' });
    assert.ok(backend.currentData().grants['u-017']!.some((grant) => grant.applicationId === 'energy-guard' && grant.level === 'alert'));
    await assertStoreEqualsBackend(portier, backend);
  });

  it('passes on a PortierError from another bundle copy (known by its shape) with its code; anything else thrown is server, with its message as cause', async () => {
    const { backend } = await setup();
    const thrown: unknown[] = [
      { name: 'PortierError', code: 'email-taken', details: { field: 'email' }, message: 'email-taken' },
      { name: 'PortierError', code: 'teapot', message: 'teapot' },
      new Error('boom'),
    ];
    const portier = createPortier({
      backend: { ...backend, listAudit: () => Promise.reject(thrown.shift()) } as PortierBackend,
      actorId: 'u-001',
    });
    await portier.ready;
    await assert.rejects(portier.audit.list(), (error: PortierError) => error.code === 'email-taken' && error.details?.field === 'email');
    await assert.rejects(portier.audit.list(), (error: PortierError) => error instanceof PortierError && error.code === 'server');
    await assert.rejects(portier.audit.list(), (error: PortierError) => error.code === 'server' && error.details?.cause === 'boom');
  });

  it('after an actAs whose load failed, a re-read made for a refused command holds the new actor’s view: a refresh whose re-read fails keeps it, not an older snapshot', async () => {
    const { portier, backend } = await setup();
    const load = backend.load;
    let mode: 'fail' | 'pass' | 'gate' = 'fail';
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    backend.load = async (ctx) => {
      if (mode === 'fail') throw new TypeError('Failed to fetch');
      if (mode === 'gate') {
        mode = 'fail';
        const snapshot = await load(ctx);
        await gate;
        return snapshot;
      }
      return load(ctx);
    };
    const network = (error: PortierError) => error.code === 'network';
    await assert.rejects(portier.session.actAs('u-003'), network);
    mode = 'pass';
    // Refused by the backend (another client blocked u-016 first): the store reads u-003's view again.
    await backend.execute({ actorId: 'u-001' }, { type: 'users.block', userId: 'u-016' });
    await assert.rejects(portier.users.block('u-016'), (error: PortierError) => error.code === 'not-editable');
    // A refresh reads, a command settles before it answers, and reading again fails.
    mode = 'gate';
    const refreshed = portier.refresh();
    await portier.users.block('u-017');
    release();
    await assert.rejects(refreshed, network);
    assert.equal(portier.getState().data.users['u-017']!.status, 'blocked');
    assert.equal(portier.getState().data.users['u-016']!.status, 'blocked');
  });

  it('reports a failed load in the state and through ready', async () => {
    const failing = { load: () => Promise.reject(new TypeError('offline')) } as unknown as PortierBackend;
    const portier = createPortier({ backend: failing });
    await assert.rejects(portier.ready, (error: PortierError) => error.code === 'network');
    assert.equal(portier.getState().status, 'error');
  });

  it('answers every backend call with a PortierError: an unreachable backend is network, however it fails', async () => {
    const { backend } = await setup();
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    const throwing = () => {
      throw new Error('boom');
    };
    const portier = createPortier({
      backend: { ...backend, inspectToken: offline, signIn: offline, searchClients: offline, listAudit: throwing } as PortierBackend,
      actorId: 'u-001',
    });
    await portier.ready;
    const network = (error: PortierError) => error.code === 'network';
    await assert.rejects(portier.session.inspectToken('t'), network);
    await assert.rejects(portier.session.signIn('a@b.example', 'x'), network);
    await assert.rejects(portier.clients.search('lambert'), network);
    await assert.rejects(portier.audit.list(), (error: PortierError) => error.code === 'server');
  });
});
