import * as z from 'zod/mini';
import { levelSchema } from '../application/application.schema.js';

/** (user, client, application) → level; stored per user, so the user id is the key around it. */
export const grantSchema = z.object({
  clientId: z.string().check(z.minLength(1)),
  applicationId: z.string().check(z.minLength(1)),
  level: levelSchema,
  /** A functional profile of the application, chosen from its `profiles`. */
  profile: z.optional(z.string().check(z.minLength(1))),
});

export type Grant = z.infer<typeof grantSchema>;

/** The key of a grant inside one user's grant list. */
export function grantKey(clientId: string, applicationId: string): string {
  return `${clientId}\u0000${applicationId}`;
}
