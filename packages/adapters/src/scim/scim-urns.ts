/** SCIM core User schema. */
export const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
/** SCIM enterprise User extension: `organization` carries the Portier organization id. */
export const SCIM_ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
/**
 * Portier's own User extension (not under `urn:ietf`): role, kind, signature, status, managed
 * clients, grants and the account facts SCIM has no attribute for.
 */
export const PORTIER_EXTENSION = 'urn:portier:params:scim:schemas:extension:portier:2.0:User';
/** SCIM messages. */
export const SCIM_LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
