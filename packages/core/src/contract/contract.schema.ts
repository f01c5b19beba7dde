import * as z from 'zod/mini';

/** A contract of the organization, held by one of its clients. */
export const contractSchema = z.object({
  id: z.string().check(z.minLength(1)),
  organizationId: z.string(),
  clientId: z.string(),
  number: z.string(),
  /** The contract type, e.g. `supply` or `services`; "authorize all" takes one level per type. */
  type: z.string().check(z.minLength(1)),
  startDate: z.iso.date(),
  applicationIds: z.array(z.string()),
  /** Seats: individual [CI] and shared [CP] connections. */
  seats: z.object({ individual: z.number().check(z.int(), z.nonnegative()), shared: z.number().check(z.int(), z.nonnegative()) }),
  noticePeriodDays: z.number().check(z.int(), z.nonnegative()),
});

export type Contract = z.infer<typeof contractSchema>;
