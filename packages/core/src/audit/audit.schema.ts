import * as z from 'zod/mini';

/** One audited change (SPEC rule 13): who, when, what, before and after (changed fields only). */
export const auditEntrySchema = z.object({
  id: z.string(),
  /** ISO instant. */
  at: z.string(),
  organizationId: z.string(),
  /** The user who acted, or `system` for time-driven transitions (expiry, active-until). */
  actorId: z.string(),
  /** The command type, e.g. `users.setRole`, or a lifecycle event such as `account.expired`. */
  action: z.string(),
  targetId: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
