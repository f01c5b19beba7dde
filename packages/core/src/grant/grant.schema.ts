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

/**
 * Grants by client then application: nested maps, so that thousands of lookups build no
 * concatenated string keys (authorize all over 1,000 contracts stays within a few milliseconds).
 */
export class GrantTable<T = Grant> {
  readonly #byClient = new Map<string, Map<string, T>>();

  get(clientId: string, applicationId: string): T | undefined {
    return this.#byClient.get(clientId)?.get(applicationId);
  }

  set(clientId: string, applicationId: string, value: T): void {
    let byApplication = this.#byClient.get(clientId);
    if (!byApplication) this.#byClient.set(clientId, (byApplication = new Map()));
    byApplication.set(applicationId, value);
  }

  deleteClient(clientId: string): void {
    this.#byClient.delete(clientId);
  }

  /** Every value, client by client (a plain loop: generators cost too much at thousands of grants). */
  values(): T[] {
    const values: T[] = [];
    for (const byApplication of this.#byClient.values()) for (const value of byApplication.values()) values.push(value);
    return values;
  }

  /** A table of the grants, keyed by their own client and application. */
  static of(grants: readonly Grant[]): GrantTable<Grant> {
    const table = new GrantTable<Grant>();
    for (const grant of grants) table.set(grant.clientId, grant.applicationId, grant);
    return table;
  }
}
