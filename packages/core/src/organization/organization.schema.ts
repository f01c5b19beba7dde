import * as z from 'zod/mini';
import { integerSchema, positiveIntegerSchema } from '../internal/common-schemas.js';
import { passwordPolicySchema } from '../password/password-policy.js';

/** Per-organization settings. Defaults: 30-day invitations, 5 failed sign-ins, the `nist` password preset. */
export const organizationSettingsSchema = z.object({
  /** Days an invitation stays valid (SPEC rule 7), at most ten years: past that no date can hold the expiry. */
  invitationDays: integerSchema(1, 3650),
  /** Consecutive failed sign-ins that block the account (SPEC rule 8). */
  failedSignInLimit: positiveIntegerSchema,
  passwordPolicy: passwordPolicySchema,
  /** Contract console mode: names are not editable either (SPEC rule 5). */
  identityLock: z.boolean(),
});

export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

/** The settings an organization gets when it names none. */
export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  invitationDays: 30,
  failedSignInLimit: 5,
  passwordPolicy: 'nist',
  identityLock: false,
};

/** The customer relationship [relation client]: owns clients, users and contracts. */
export const organizationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  settings: organizationSettingsSchema,
});

export type Organization = z.infer<typeof organizationSchema>;
