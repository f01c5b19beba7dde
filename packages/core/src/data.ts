import * as z from 'zod/mini';
import { applicationSchema, type Application } from './application/application.schema.js';
import { clientSchema, type Client } from './client/client.schema.js';
import { contractSchema, type Contract } from './contract/contract.schema.js';
import { grantSchema, type Grant } from './grant/grant.schema.js';
import { organizationSchema, type Organization } from './organization/organization.schema.js';
import { userSchema, type User } from './user/user.schema.js';
import { own } from './internal/own.js';

/**
 * Everything the rules work on, as plain data keyed by id. A backend holds the whole portal;
 * a store holds the part one actor may see. Grants are kept per user id.
 */
export interface PortierData {
  organizations: Record<string, Organization>;
  clients: Record<string, Client>;
  applications: Record<string, Application>;
  contracts: Record<string, Contract>;
  users: Record<string, User>;
  grants: Record<string, Grant[]>;
}

/** Validates data received from elsewhere (a server's snapshot, a persisted copy). */
export const portierDataSchema = z.object({
  organizations: z.record(z.string(), organizationSchema),
  clients: z.record(z.string(), clientSchema),
  applications: z.record(z.string(), applicationSchema),
  contracts: z.record(z.string(), contractSchema),
  users: z.record(z.string(), userSchema),
  grants: z.record(z.string(), z.array(grantSchema)),
});

/**
 * The user's grants (empty when none). Looked up as an own key: a user id such as `constructor`,
 * which any id from elsewhere may be, must not find what every object inherits.
 */
export function grantsOf(data: Pick<PortierData, 'grants'>, userId: string): Grant[] {
  return own(data.grants, userId) ?? [];
}

/** Data with nothing in it. */
export function emptyData(): PortierData {
  return { organizations: {}, clients: {}, applications: {}, contracts: {}, users: {}, grants: {} };
}
