import { grantKey, type Application, type Client, type Grant, type Level } from '@portier/core';

/**
 * The unsaved edits of the rights matrix: changed cells, added and removed clients. Plain data,
 * so a failed save keeps every edit and the summary is computed from the same source as the save.
 */
export interface AccessDraft {
  /** grantKey(client, application) → the level chosen. */
  levels: ReadonlyMap<string, Level>;
  /** grantKey(client, application) → the functional profile chosen (`''`: no profile). */
  profiles: ReadonlyMap<string, string>;
  /** Clients added in this edit, in the order they were added. */
  added: readonly string[];
  /** Clients of the saved rights that this edit removes. */
  removed: ReadonlySet<string>;
}

/** One change, as the summary dialog lists it. */
export type AccessChange =
  | { type: 'level'; clientId: string; applicationId: string; from: Level; to: Level }
  /** `''` is "no profile". */
  | { type: 'profile'; clientId: string; applicationId: string; from: string; to: string }
  | { type: 'add-client'; clientId: string }
  | { type: 'remove-client'; clientId: string };

/** A draft with no edit. */
export const emptyDraft = (): AccessDraft => ({ levels: new Map(), profiles: new Map(), added: [], removed: new Set() });

/** True when the draft holds at least one edit. */
export function isDirty(draft: AccessDraft): boolean {
  return draft.levels.size > 0 || draft.profiles.size > 0 || draft.added.length > 0 || draft.removed.size > 0;
}

/** The saved rights of one user, indexed for the matrix: level by grantKey, and the clients in them. */
export interface SavedAccess {
  levels: Map<string, Level>;
  /** The functional profile of a grant, kept when only its level changes. */
  profiles: Map<string, string>;
  clientIds: Set<string>;
}

/** Indexes a user's saved grants for the matrix. */
export function indexGrants(grants: readonly Grant[]): SavedAccess {
  const levels = new Map<string, Level>();
  const profiles = new Map<string, string>();
  const clientIds = new Set<string>();
  for (const grant of grants) {
    const key = grantKey(grant.clientId, grant.applicationId);
    levels.set(key, grant.level);
    if (grant.profile !== undefined) profiles.set(key, grant.profile);
    clientIds.add(grant.clientId);
  }
  return { levels, profiles, clientIds };
}

/** The clients shown as rows: the saved ones (by name) without the removed, then the added. */
export function rowClientIds(saved: SavedAccess, draft: AccessDraft, clients: Readonly<Record<string, Client>>): string[] {
  const kept = [...saved.clientIds].filter((id) => !draft.removed.has(id));
  // The same order as String#localeCompare (default locale), with one collator for every comparison.
  const compare = (collator ??= new Intl.Collator()).compare;
  const names = new Map(kept.map((id) => [id, clients[id]?.name ?? id]));
  kept.sort((a, b) => compare(names.get(a)!, names.get(b)!));
  return [...kept, ...draft.added.filter((id) => !saved.clientIds.has(id))];
}

let collator: Intl.Collator | undefined;

/** The level a cell shows: the edit, else the saved level, else `none`. */
export function levelOf(saved: SavedAccess, draft: AccessDraft, clientId: string, applicationId: string): Level {
  const key = grantKey(clientId, applicationId);
  return draft.levels.get(key) ?? saved.levels.get(key) ?? 'none';
}

/**
 * Sets one cell; choosing the saved level again drops the edit. Level `none` has no profile, so it
 * drops the cell's profile edit too: else "Read, a profile, back to No access" would leave an edit
 * that changes nothing and that the summary cannot name.
 */
export function withLevel(saved: SavedAccess, draft: AccessDraft, clientId: string, applicationId: string, level: Level): AccessDraft {
  const key = grantKey(clientId, applicationId);
  const levels = new Map(draft.levels);
  const isNewClient = !saved.clientIds.has(clientId);
  if (!isNewClient && (saved.levels.get(key) ?? 'none') === level) levels.delete(key);
  else levels.set(key, level);
  if (level !== 'none' || !draft.profiles.has(key)) return { ...draft, levels };
  const profiles = new Map(draft.profiles);
  profiles.delete(key);
  return { ...draft, levels, profiles };
}

/** The profile a cell shows (`''`: none): the edit, else the saved profile. */
export function profileOf(saved: SavedAccess, draft: AccessDraft, clientId: string, applicationId: string): string {
  const key = grantKey(clientId, applicationId);
  return draft.profiles.get(key) ?? saved.profiles.get(key) ?? '';
}

/** Sets one cell's profile (`''`: none); choosing the saved profile again drops the edit. */
export function withProfile(saved: SavedAccess, draft: AccessDraft, clientId: string, applicationId: string, profile: string): AccessDraft {
  const key = grantKey(clientId, applicationId);
  const profiles = new Map(draft.profiles);
  if ((saved.profiles.get(key) ?? '') === profile) profiles.delete(key);
  else profiles.set(key, profile);
  return { ...draft, profiles };
}

/**
 * The draft without the edits the saved rights now hold anyway (another administrator saved the
 * same values meanwhile): else it would stay "changed" with nothing to list or save. The same
 * draft when nothing drops.
 */
export function pruneDraft(saved: SavedAccess, draft: AccessDraft): AccessDraft {
  const levels = new Map([...draft.levels].filter(([key, level]) => !saved.clientIds.has(key.split('\u0000')[0]!) || (saved.levels.get(key) ?? 'none') !== level));
  const pruned = { ...draft, levels };
  const profiles = new Map(
    [...draft.profiles].filter(([key, profile]) => {
      const [clientId = '', applicationId = ''] = key.split('\u0000');
      return (saved.profiles.get(key) ?? '') !== profile && levelOf(saved, pruned, clientId, applicationId) !== 'none';
    }),
  );
  const removed = new Set([...draft.removed].filter((clientId) => saved.clientIds.has(clientId)));
  if (levels.size === draft.levels.size && profiles.size === draft.profiles.size && removed.size === draft.removed.size) return draft;
  return { ...draft, levels, profiles, removed };
}

/** Adds a client row (or takes back its removal). */
export function withClientAdded(saved: SavedAccess, draft: AccessDraft, clientId: string): AccessDraft {
  if (draft.removed.has(clientId)) {
    const removed = new Set(draft.removed);
    removed.delete(clientId);
    return { ...draft, removed };
  }
  if (saved.clientIds.has(clientId) || draft.added.includes(clientId)) return draft;
  return { ...draft, added: [...draft.added, clientId] };
}

/** Removes a client row and drops the edits of its cells. */
export function withClientRemoved(saved: SavedAccess, draft: AccessDraft, clientId: string): AccessDraft {
  const prefix = grantKey(clientId, '');
  const levels = new Map([...draft.levels].filter(([key]) => !key.startsWith(prefix)));
  const profiles = new Map([...draft.profiles].filter(([key]) => !key.startsWith(prefix)));
  if (!saved.clientIds.has(clientId)) return { ...draft, levels, profiles, added: draft.added.filter((id) => id !== clientId) };
  const removed = new Set(draft.removed);
  removed.add(clientId);
  return { ...draft, levels, profiles, removed };
}

/** A grant as a cell shows it: a profile only above level `none`. */
function cellGrant(saved: SavedAccess, draft: AccessDraft, clientId: string, applicationId: string): Grant {
  const level = levelOf(saved, draft, clientId, applicationId);
  const profile = level === 'none' ? '' : profileOf(saved, draft, clientId, applicationId);
  return profile === '' ? { clientId, applicationId, level } : { clientId, applicationId, level, profile };
}

/** The cells whose level or profile this draft edits, as `[clientId, applicationId]`. */
function editedCells(draft: AccessDraft): [string, string][] {
  return [...new Set([...draft.levels.keys(), ...draft.profiles.keys()])].map((key) => {
    const [clientId = '', applicationId = ''] = key.split('\u0000');
    return [clientId, applicationId];
  });
}

/**
 * What the save sends: every edited cell (level and profile), and every cell of an added client
 * (level `none` included, so the client stays listed), plus the removed clients.
 */
export function toSave(saved: SavedAccess, draft: AccessDraft, applications: readonly Application[]): { grants: Grant[]; removeClientIds: string[] } {
  const grants: Grant[] = [];
  const added = new Set(draft.added);
  for (const clientId of draft.added) {
    for (const application of applications) grants.push(cellGrant(saved, draft, clientId, application.id));
  }
  for (const [clientId, applicationId] of editedCells(draft)) {
    if (added.has(clientId) || draft.removed.has(clientId)) continue;
    grants.push(cellGrant(saved, draft, clientId, applicationId));
  }
  return { grants, removeClientIds: [...draft.removed] };
}

/** One cell as a summary line compares it: its level, and its profile (`''` when none). */
interface CellState {
  level: Level;
  profile: string;
}

/** A cell of saved grants (`none` and no profile when the user has no grant there). */
function savedCell(saved: SavedAccess, key: string): CellState {
  return { level: saved.levels.get(key) ?? 'none', profile: saved.levels.has(key) ? (saved.profiles.get(key) ?? '') : '' };
}

/**
 * The level and profile lines of `cells`, sorted by client then by the applications' order.
 * A profile goes with its level: a cell dropping to `none` drops its profile without a line of its own.
 */
function cellChanges(
  cells: [string, string][],
  applications: readonly Application[],
  before: (key: string) => CellState,
  after: (clientId: string, applicationId: string) => CellState,
): AccessChange[] {
  const order = new Map(applications.map((application, index) => [application.id, index]));
  cells.sort(([clientA, applicationA], [clientB, applicationB]) => clientA.localeCompare(clientB) || (order.get(applicationA) ?? 0) - (order.get(applicationB) ?? 0));
  const changes: AccessChange[] = [];
  for (const [clientId, applicationId] of cells) {
    const from = before(grantKey(clientId, applicationId));
    const to = after(clientId, applicationId);
    if (from.level !== to.level) changes.push({ type: 'level', clientId, applicationId, from: from.level, to: to.level });
    if (to.level !== 'none' && from.profile !== to.profile) changes.push({ type: 'profile', clientId, applicationId, from: from.profile, to: to.profile });
  }
  return changes;
}

/** The changes in reading order: added clients, removed clients, then changed cells (level, then profile). */
export function summarize(saved: SavedAccess, draft: AccessDraft, applications: readonly Application[]): AccessChange[] {
  const cells = editedCells(draft).filter(([clientId]) => !draft.removed.has(clientId));
  return [
    ...[...draft.added].map((clientId): AccessChange => ({ type: 'add-client', clientId })),
    ...[...draft.removed].map((clientId): AccessChange => ({ type: 'remove-client', clientId })),
    ...cellChanges(cells, applications, (key) => savedCell(saved, key), (clientId, applicationId) => {
      const cell = cellGrant(saved, draft, clientId, applicationId);
      return { level: cell.level, profile: cell.profile ?? '' };
    }),
  ];
}

/**
 * The changes from one grant list to another, in the order of {@link summarize}: clients that
 * appear, clients that go, then each cell whose level or profile differs. The summary dialog
 * lists a copy or an "authorize all" with it, from the grants the core says the command gives.
 */
export function grantChanges(before: readonly Grant[], after: readonly Grant[], applications: readonly Application[]): AccessChange[] {
  const from = indexGrants(before);
  const to = indexGrants(after);
  const cells = [...new Set([...from.levels.keys(), ...to.levels.keys()])]
    .map((key) => key.split('\u0000') as [string, string])
    // A client that goes takes its cells with it: its one line says so.
    .filter(([clientId]) => to.clientIds.has(clientId));
  return [
    ...[...to.clientIds].filter((clientId) => !from.clientIds.has(clientId)).map((clientId): AccessChange => ({ type: 'add-client', clientId })),
    ...[...from.clientIds].filter((clientId) => !to.clientIds.has(clientId)).map((clientId): AccessChange => ({ type: 'remove-client', clientId })),
    ...cellChanges(cells, applications, (key) => savedCell(from, key), (clientId, applicationId) => savedCell(to, grantKey(clientId, applicationId))),
  ];
}
