import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { grantKey, type Application, type Client, type Grant } from '@portier/core';
import {
  emptyDraft,
  grantChanges,
  indexGrants,
  isDirty,
  levelOf,
  rowClientIds,
  summarize,
  toSave,
  withClientAdded,
  withClientRemoved,
  pruneDraft,
  withLevel,
  withProfile,
  profileOf,
} from './access-draft.js';

const applications: Application[] = [
  { id: 'invoices', name: 'Invoices', levels: ['none', 'full'], profiles: [] },
  { id: 'portfolio', name: 'Portfolio', levels: ['none', 'read', 'full'], profiles: ['REFERENT'] },
];
const clients: Record<string, Client> = {
  a: { id: 'a', organizationId: 'o', name: 'Alpha', number: '1', vat: 'BE1' },
  b: { id: 'b', organizationId: 'o', name: 'Beta', number: '2', vat: 'BE2' },
  c: { id: 'c', organizationId: 'o', name: 'Gamma', number: '3', vat: 'BE3' },
};
const grants: Grant[] = [
  { clientId: 'b', applicationId: 'invoices', level: 'full' },
  { clientId: 'b', applicationId: 'portfolio', level: 'read', profile: 'REFERENT' },
  { clientId: 'a', applicationId: 'invoices', level: 'none' },
];

describe('access draft', () => {
  const saved = indexGrants(grants);

  it('lists the saved clients by name, then the added ones', () => {
    const draft = withClientAdded(saved, emptyDraft(), 'c');
    assert.deepEqual(rowClientIds(saved, draft, clients), ['a', 'b', 'c']);
    assert.deepEqual(rowClientIds(saved, withClientRemoved(saved, draft, 'a'), clients), ['b', 'c']);
  });

  it('drops an edit that goes back to the saved level', () => {
    const changed = withLevel(saved, emptyDraft(), 'b', 'invoices', 'none');
    assert.equal(levelOf(saved, changed, 'b', 'invoices'), 'none');
    assert.equal(isDirty(changed), true);
    assert.equal(isDirty(withLevel(saved, changed, 'b', 'invoices', 'full')), false);
  });

  it('takes back a removal when the client is added again, and forgets an added client that is removed', () => {
    const removed = withClientRemoved(saved, emptyDraft(), 'b');
    assert.equal(isDirty(withClientAdded(saved, removed, 'b')), false);
    const added = withClientAdded(saved, emptyDraft(), 'c');
    assert.equal(isDirty(withClientRemoved(saved, withLevel(saved, added, 'c', 'invoices', 'full'), 'c')), false);
  });

  it('saves every cell of an added client, the changed cells with their profile, and the removed clients', () => {
    let draft = withClientAdded(saved, emptyDraft(), 'c');
    draft = withLevel(saved, draft, 'c', 'portfolio', 'read');
    draft = withLevel(saved, draft, 'b', 'portfolio', 'full');
    draft = withClientRemoved(saved, draft, 'a');
    const { grants: sent, removeClientIds } = toSave(saved, draft, applications);
    assert.deepEqual(sent, [
      { clientId: 'c', applicationId: 'invoices', level: 'none' },
      { clientId: 'c', applicationId: 'portfolio', level: 'read' },
      { clientId: 'b', applicationId: 'portfolio', level: 'full', profile: 'REFERENT' },
    ]);
    assert.deepEqual(removeClientIds, ['a']);
    assert.deepEqual(summarize(saved, draft, applications), [
      { type: 'add-client', clientId: 'c' },
      { type: 'remove-client', clientId: 'a' },
      { type: 'level', clientId: 'b', applicationId: 'portfolio', from: 'read', to: 'full' },
      { type: 'level', clientId: 'c', applicationId: 'portfolio', from: 'none', to: 'read' },
    ]);
  });

  it('edits a profile: back to the saved one drops the edit; saved with the cell’s level; summarized as its own change', () => {
    const changed = withProfile(saved, emptyDraft(), 'b', 'portfolio', '');
    assert.equal(profileOf(saved, changed, 'b', 'portfolio'), '');
    assert.equal(isDirty(withProfile(saved, changed, 'b', 'portfolio', 'REFERENT')), false);
    assert.deepEqual(toSave(saved, changed, applications).grants, [{ clientId: 'b', applicationId: 'portfolio', level: 'read' }]);
    assert.deepEqual(summarize(saved, changed, applications), [
      { type: 'profile', clientId: 'b', applicationId: 'portfolio', from: 'REFERENT', to: '' },
    ]);
    // A new level keeps the chosen profile; level none drops it, with no line of its own.
    const both = withLevel(saved, withProfile(saved, emptyDraft(), 'b', 'portfolio', 'OTHER'), 'b', 'portfolio', 'full');
    assert.deepEqual(toSave(saved, both, applications).grants, [{ clientId: 'b', applicationId: 'portfolio', level: 'full', profile: 'OTHER' }]);
    const off = withLevel(saved, both, 'b', 'portfolio', 'none');
    assert.deepEqual(toSave(saved, off, applications).grants, [{ clientId: 'b', applicationId: 'portfolio', level: 'none' }]);
    assert.deepEqual(summarize(saved, off, applications), [{ type: 'level', clientId: 'b', applicationId: 'portfolio', from: 'read', to: 'none' }]);
    // Read, a profile, then back to No access on a cell with no right: nothing is left to save.
    const tried = withLevel(saved, withProfile(saved, withLevel(saved, emptyDraft(), 'a', 'portfolio', 'read'), 'a', 'portfolio', 'REFERENT'), 'a', 'portfolio', 'none');
    assert.deepEqual([isDirty(tried), summarize(saved, tried, applications)], [false, []]);
    // Removing the client drops its profile edits too.
    assert.equal(isDirty(withClientAdded(saved, withClientRemoved(saved, both, 'b'), 'b')), false);
  });

  it('drops the edits the saved rights now hold anyway (another administrator saved the same), and keeps the others', () => {
    let draft = withLevel(saved, emptyDraft(), 'b', 'invoices', 'none');
    draft = withProfile(saved, withLevel(saved, draft, 'a', 'portfolio', 'read'), 'a', 'portfolio', 'REFERENT');
    draft = withClientRemoved(saved, draft, 'a');
    draft = withLevel(saved, withClientAdded(saved, draft, 'c'), 'c', 'invoices', 'none');
    assert.equal(pruneDraft(saved, draft), draft, 'nothing saved meanwhile: the same draft');
    // Meanwhile: b's invoices set to none and client a removed, as this draft does.
    const now = indexGrants([{ clientId: 'b', applicationId: 'invoices', level: 'none' }, { clientId: 'b', applicationId: 'portfolio', level: 'read', profile: 'REFERENT' }]);
    const pruned = pruneDraft(now, draft);
    assert.deepEqual([...pruned.levels.keys()], [grantKey('c', 'invoices')], 'the added client keeps its cells');
    assert.deepEqual([...pruned.profiles.keys()], []);
    assert.deepEqual([...pruned.removed], []);
    assert.deepEqual(summarize(now, pruned, applications), [{ type: 'add-client', clientId: 'c' }]);
  });

  it('lists the changes between two grant lists like the summary of an edit', () => {
    const after: Grant[] = [
      { clientId: 'b', applicationId: 'invoices', level: 'full' },
      { clientId: 'b', applicationId: 'portfolio', level: 'full' },
      { clientId: 'c', applicationId: 'portfolio', level: 'read', profile: 'REFERENT' },
    ];
    assert.deepEqual(grantChanges(grants, after, applications), [
      { type: 'add-client', clientId: 'c' },
      { type: 'remove-client', clientId: 'a' },
      { type: 'level', clientId: 'b', applicationId: 'portfolio', from: 'read', to: 'full' },
      { type: 'profile', clientId: 'b', applicationId: 'portfolio', from: 'REFERENT', to: '' },
      { type: 'level', clientId: 'c', applicationId: 'portfolio', from: 'none', to: 'read' },
      { type: 'profile', clientId: 'c', applicationId: 'portfolio', from: '', to: 'REFERENT' },
    ]);
    assert.deepEqual(grantChanges(grants, [...grants].reverse(), applications), []);
  });
});
