import * as z from 'zod/mini';
import { countSchema, isoDaySchema } from '../internal/common-schemas.js';

/** A contract of the organization, held by one of its clients. */
export const contractSchema = z.object({
  id: z.string().check(z.minLength(1)),
  organizationId: z.string(),
  clientId: z.string(),
  number: z.string(),
  /** The contract type, e.g. `supply` or `services`; "authorize all" takes one level per type. */
  type: z.string().check(z.minLength(1)),
  startDate: isoDaySchema,
  applicationIds: z.array(z.string()),
  /** Seats: individual [CI] and shared [CP] connections. */
  seats: z.object({ individual: countSchema, shared: countSchema }),
  noticePeriodDays: countSchema,
});

export type Contract = z.infer<typeof contractSchema>;
