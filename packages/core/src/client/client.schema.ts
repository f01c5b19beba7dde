import * as z from 'zod/mini';

/** A company or entity of the organization [client, société]. */
export const clientSchema = z.object({
  id: z.string().check(z.minLength(1)),
  organizationId: z.string(),
  name: z.string(),
  /** Client number, as the provider prints it on invoices. */
  number: z.string(),
  vat: z.string(),
});

export type Client = z.infer<typeof clientSchema>;
