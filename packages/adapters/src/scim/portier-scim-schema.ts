import SCIMMY from 'scimmy';
import { PORTIER_EXTENSION } from './scim-urns.js';

const { Attribute, SchemaDefinition, Schema } = SCIMMY.Types;

const text = (name: string, description: string, config: Record<string, unknown> = {}) => new Attribute('string', name, { description, ...config });

/** The Portier extension as a SCIM schema definition (what `/Schemas` describes). */
export const portierSchemaDefinition = new SchemaDefinition('PortierUser', 'urn:ietf:params:scim:schemas:extension:portier:2.0:User', 'Portier account, role and rights', [
  text('role', 'superuser or user', { canonicalValues: ['superuser', 'user'] }),
  text('kind', 'login (can sign in) or contact', { canonicalValues: ['login', 'contact'] }),
  text('signature', 'individual or collective (four-eyes)', { canonicalValues: ['individual', 'collective'] }),
  text('status', 'The account lifecycle state', { canonicalValues: ['contact', 'invited', 'expired', 'active', 'blocked', 'deactivated', 'deleted'] }),
  text('blockReason', 'admin or failed-sign-ins'),
  text('activeUntil', 'YYYY-MM-DD: the last active day'),
  // Complex with `value`, as SCIM models multi-valued references (emails, groups), so filters can reach it.
  new Attribute('complex', 'managedClients', { multiValued: true, description: 'Clients the user works for' }, [text('value', 'Client id', { required: true })]),
  new Attribute('complex', 'grants', { multiValued: true, description: 'Rights: (client, application) → level' }, [
    text('clientId', 'Client id', { required: true }),
    text('applicationId', 'Application id', { required: true }),
    text('level', 'none, alert, read or full', { required: true }),
    text('profile', 'A functional profile of the application'),
  ]),
  new Attribute('integer', 'failedSignIns', { description: 'Consecutive failed sign-ins' }),
  text('signInLockedUntil', 'ISO instant until which sign-in is refused'),
  new Attribute('boolean', 'passwordSet', { description: 'Whether a password was ever set' }),
  new Attribute('boolean', 'passwordExpired', { description: 'The password must change at the next sign-in' }),
  text('invitationExpiresAt', 'ISO instant when the invitation expires'),
  text('createdAt', 'ISO instant of creation in Portier'),
  new Attribute('integer', 'version', { description: 'Portier version, bumped on every change of the user or its grants' }),
]);
// scimmy only constructs definitions under urn:ietf; RFC 7643 §3.3 lets an extension use any URN, and Portier's is its own.
portierSchemaDefinition.id = PORTIER_EXTENSION;

/** The Portier extension as a scimmy Schema class (for `SCIMMY.Resources.User.extend`). */
export class PortierUserSchema extends Schema {
  static override get id(): string {
    return PORTIER_EXTENSION;
  }

  static override get definition() {
    return portierSchemaDefinition;
  }

  constructor(resource: object, direction = 'both', basepath?: string, filters?: unknown) {
    super(resource, direction);
    Object.assign(this, portierSchemaDefinition.coerce(resource, direction, basepath, filters as never));
  }
}
