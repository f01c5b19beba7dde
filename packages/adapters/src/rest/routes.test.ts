import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMAND_TYPES, type Command } from '@portier/core';
import { COMMAND_ROUTES, ROUTES, bodyOfCommand, commandOfRequest, etagOf, fillPath, matchRoute, noneMatchHolds, versionOfIfMatch } from './routes.js';

const SAMPLES: Command[] = [
  { type: 'users.create', input: { email: 'a@b.example', firstName: 'A', lastName: 'B', language: 'fr', access: { mode: 'copy', sourceUserId: 'u-1' } } },
  { type: 'users.updateProfile', userId: 'u/1', changes: { firstName: 'X', phone: '' }, expectedVersion: 3 },
  { type: 'users.setRole', userId: 'u-1', role: 'superuser', expectedVersion: 0 },
  { type: 'users.setSignature', userId: 'u-1', signature: 'collective' },
  { type: 'users.activate', userId: 'u-1' },
  { type: 'users.deactivate', userId: 'u-1', until: '2030-01-31', expectedVersion: 9 },
  { type: 'users.block', userId: 'u-1' },
  { type: 'users.unblock', userId: 'u-1' },
  { type: 'users.resetPassword', userId: 'u-1' },
  { type: 'users.resendInvitation', userId: 'u-1' },
  { type: 'users.makeLogin', userId: 'u-1' },
  { type: 'users.remove', userId: 'u-1', expectedVersion: 2 },
  { type: 'access.set', userId: 'u-1', grants: [{ clientId: 'c', applicationId: 'a', level: 'read', profile: 'P' }], removeClientIds: ['d'] },
  { type: 'access.copyFrom', userId: 'u-1', sourceUserId: 'u-2', excludeApplications: ['a'] },
  { type: 'access.authorizeAll', userId: 'u-1', levels: { supply: 'full' } },
  { type: 'clients.setManaged', userId: 'u-1', clientIds: ['c', 'd'] },
];

describe('the route table', () => {
  it('has one route per command type', () => {
    assert.deepEqual(Object.keys(COMMAND_ROUTES).sort(), [...COMMAND_TYPES].sort());
    assert.equal(new Set(ROUTES.map((route) => `${route.method} ${route.path}`)).size, ROUTES.length);
  });

  it('carries every command there and back: path, body and If-Match', () => {
    assert.equal(SAMPLES.length, Object.keys(COMMAND_ROUTES).length);
    for (const command of SAMPLES) {
      const route = COMMAND_ROUTES[command.type];
      const id = 'userId' in command ? command.userId : undefined;
      const path = route.path.replace('{id}', encodeURIComponent(id ?? ''));
      const match = matchRoute(route.method, path);
      assert.ok(match && 'route' in match && match.route === route, command.type);
      const version = 'expectedVersion' in command ? command.expectedVersion : undefined;
      const header = version === undefined ? null : etagOf(version);
      const body = JSON.parse(JSON.stringify(bodyOfCommand(command) ?? {}));
      assert.deepEqual(commandOfRequest(route, match.params, body, versionOfIfMatch(header)), command, command.type);
    }
  });

  it('reads If-Match as a version, a wildcard, or nonsense', () => {
    assert.deepEqual([versionOfIfMatch('W/"12"'), versionOfIfMatch('"4"'), versionOfIfMatch('*'), versionOfIfMatch(null)], [12, 4, undefined, undefined]);
    assert.ok(Number.isNaN(versionOfIfMatch('W/"x"')));
    assert.ok(Number.isNaN(versionOfIfMatch('W/"1", nonsense')));
  });

  it('reads a list in If-Match: the current version when listed, else the first (a conflict)', () => {
    assert.equal(versionOfIfMatch('W/"2", W/"5"', 5), 5);
    assert.equal(versionOfIfMatch('W/"2" ,"5"', 5), 5);
    assert.equal(versionOfIfMatch('W/"2", W/"5"', 7), 2);
    assert.equal(versionOfIfMatch('W/"2", W/"5"'), 2);
  });

  it('compares If-None-Match weakly, with lists and the wildcard', () => {
    assert.equal(noneMatchHolds('W/"3"', 3), true);
    assert.equal(noneMatchHolds('"3"', 3), true);
    assert.equal(noneMatchHolds('W/"1", W/"3"', 3), true);
    assert.equal(noneMatchHolds('*', 3), true);
    assert.equal(noneMatchHolds('W/"1", W/"2"', 3), false);
    assert.equal(noneMatchHolds(null, 3), false);
    assert.equal(noneMatchHolds('', 3), false);
    assert.equal(noneMatchHolds('garbage', 3), false);
  });

  it('ignores empty elements of an ETag list, as RFC 9110 asks, and reads a list of nothing but commas as nonsense', () => {
    assert.equal(versionOfIfMatch('W/"0", '), 0);
    assert.equal(versionOfIfMatch(', W/"0"'), 0);
    assert.equal(versionOfIfMatch('W/"2",, W/"5"', 5), 5);
    assert.equal(noneMatchHolds('W/"1",', 1), true);
    assert.ok(Number.isNaN(versionOfIfMatch(' , ,')));
    assert.equal(noneMatchHolds(',', 1), false);
  });

  it('matches no route where a path’s id segment is empty', () => {
    for (const [method, path] of [['POST', '/users//block'], ['POST', '/users//role'], ['POST', '/users//grants/copy']] as const) assert.equal(matchRoute(method, path), undefined, path);
    assert.ok(matchRoute('POST', '/users/u-1/block/'), 'a trailing slash is still the route');
  });

  it('reads a version of more than 15 digits as nonsense: no tag names a version no integer holds exactly', () => {
    assert.equal(versionOfIfMatch(`W/"${'9'.repeat(15)}"`), 999_999_999_999_999);
    assert.ok(Number.isNaN(versionOfIfMatch(`W/"${'1'.repeat(16)}"`)));
    assert.ok(Number.isNaN(versionOfIfMatch(`"9007199254740993"`)));
  });

  it('encodes an id into its path segment, and a path whose escapes do not decode matches no route', () => {
    const path = fillPath('/users/{id}/block', { id: 'u/1?x#y %' });
    assert.equal(path, '/users/u%2F1%3Fx%23y%20%25/block');
    const match = matchRoute('POST', path);
    assert.ok(match && 'route' in match);
    assert.deepEqual(match.params, { id: 'u/1?x#y %' });
    for (const [method, bad] of [['GET', '/users/%E0%A4%A'], ['POST', '/users/%/block'], ['POST', '/users/%zz/role']]) assert.equal(matchRoute(method!, bad!), undefined, bad);
  });
});
