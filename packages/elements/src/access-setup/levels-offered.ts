import { LEVELS, levelRank, type Application, type Level } from '@portier/core';

/** Every level, highest first, as the seed portals list them (Complet, Lecture seule, Alarmer, Désactivé). */
export const LEVELS_HIGHEST_FIRST: readonly Level[] = [...LEVELS].sort((a, b) => levelRank(b) - levelRank(a));

/**
 * The levels an application offers, highest first: the one order of every level choice (the
 * matrix, the create form, "authorize all"), so the arrow keys go the same way on each.
 */
export function offeredLevels(application: Application): Level[] {
  return LEVELS_HIGHEST_FIRST.filter((level) => application.levels.includes(level));
}
