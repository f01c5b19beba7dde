import * as z from 'zod/mini';

/** Access levels, lowest first: `none` [Désactivé] < `alert` [Alarmer] < `read` [Lecture seule] < `full` [Complet]. */
export const LEVELS = ['none', 'alert', 'read', 'full'] as const;

/** One access level. */
export type Level = (typeof LEVELS)[number];

export const levelSchema = z.enum(LEVELS);

/** A portal application and what may be granted on it. `levels` always contains `none`. */
export const applicationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  levels: z.array(levelSchema).check(
    z.minLength(1),
    z.refine((levels) => levels.includes('none'), { message: 'levels must include none' }),
  ),
  profiles: z.array(z.string()),
});

/** A portal application (the catalogue comes from the backend). */
export type Application = z.infer<typeof applicationSchema>;

/** Rank of a level: 0 for `none` up to 3 for `full`. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/**
 * The highest level the application allows that is not above `wanted` (SPEC rule 11:
 * never above). `none` is always allowed, so there is always an answer.
 * @example nearestAllowedLevel({ levels: ['none', 'full'] }, 'read') // 'none'
 */
export function nearestAllowedLevel(application: Pick<Application, 'levels'>, wanted: Level): Level {
  for (let rank = levelRank(wanted); rank >= 0; rank--) {
    const level = LEVELS[rank] as Level;
    if (application.levels.includes(level)) return level;
  }
  return 'none';
}
