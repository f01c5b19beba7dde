import { execute, selectGrants, selectUser, type Command, type Grant, type Level, type PortierState } from '@portier/core';

/** What the "copy" and "authorize all" fields hold while the administrator chooses. */
export interface AccessSetupChoices {
  /** `''` until a user is chosen. */
  sourceUserId: string;
  excludeApplications: string[];
  /** The levels chosen per contract type; a type not chosen yet is `full` (see `levelPerType`). */
  typeLevels: Record<string, Level>;
}

/** Nothing chosen yet. */
export const emptySetupChoices = (): AccessSetupChoices => ({ sourceUserId: '', excludeApplications: [], typeLevels: {} });

/** One way of setting a user's access other than the matrix (seed 004), ready to preview and apply. */
export type AccessSetup =
  | { mode: 'copy'; sourceUserId: string; excludeApplications: string[] }
  | { mode: 'authorize-all'; levels: Record<string, Level> };

/** The store command that applies `setup` to the user. */
export function setupCommand(userId: string, setup: AccessSetup, expectedVersion: number): Command {
  return setup.mode === 'copy'
    ? { type: 'access.copyFrom', userId, expectedVersion, sourceUserId: setup.sourceUserId, excludeApplications: setup.excludeApplications }
    : { type: 'access.authorizeAll', userId, expectedVersion, levels: setup.levels };
}

/**
 * The user's grants once `setup` is applied, as the core computes them over the store's view:
 * the same `execute` (policy included) that the store and the backend run, so the preview cannot
 * drift from what the command does. Throws the core's refusal (a PortierError).
 */
export function previewSetup(state: PortierState, userId: string, setup: AccessSetup): Grant[] {
  const user = selectUser(state, userId);
  if (!state.actorId || !user) return selectGrants(state, userId);
  const outcome = execute(state.data, state.actorId, setupCommand(userId, setup, user.version), { now: state.now, newId: () => 'preview' });
  // A command that changes nothing writes nothing: the grants stay as they are.
  return (Object.hasOwn(outcome.changes.grants, userId) ? outcome.changes.grants[userId] : undefined) ?? selectGrants(state, userId);
}
