import * as z from 'zod/mini';
import { levelSchema } from '../application/application.schema.js';
import { grantSchema } from '../grant/grant.schema.js';
import { languageSchema, roleSchema, signatureSchema, userKindSchema } from '../user/user.schema.js';

/** A person's name as a form may send it: trimmed, 1 to 100 characters. */
export const nameInputSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/** The login e-mail as a form may send it: trimmed, a valid address, at most 254 characters. */
export const emailInputSchema = z.string().check(z.trim(), z.maxLength(254), z.email());

/** A phone number, or empty: digits with spaces, dots, dashes, brackets and a leading `+`. */
export const phoneInputSchema = z.string().check(z.trim(), z.maxLength(30), z.regex(/^$|^\+?[0-9][0-9 ()./-]{4,28}$/));

const id = z.string().check(z.minLength(1), z.maxLength(200));
const ids = z.array(id).check(z.maxLength(10_000));
const expectedVersion = z.optional(z.number().check(z.int(), z.nonnegative()));

/** The three ways of seed 004 to set access, usable at creation and later. */
export const accessSetupSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('individual'), grants: z.array(grantSchema).check(z.maxLength(100_000)) }),
  z.object({ mode: z.literal('copy'), sourceUserId: id, excludeApplications: z.optional(ids) }),
  z.object({ mode: z.literal('authorize-all'), levels: z.record(z.string(), levelSchema) }),
]);
export type AccessSetup = z.infer<typeof accessSetupSchema>;

/** What a form sends to create a user (seed 000 §4, seed 003 kinds, seed 004 access). */
export const createUserInputSchema = z.object({
  email: emailInputSchema,
  firstName: nameInputSchema,
  lastName: nameInputSchema,
  phone: z.optional(phoneInputSchema),
  mobile: z.optional(phoneInputSchema),
  language: languageSchema,
  /** Default `user`. */
  role: z.optional(roleSchema),
  /** Default `login` (invited); `contact` cannot sign in. */
  kind: z.optional(userKindSchema),
  /** Default `individual`. */
  signature: z.optional(signatureSchema),
  managedClientIds: z.optional(ids),
  access: z.optional(accessSetupSchema),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** Profile fields an update may carry. `email` is accepted here only to be refused as `not-editable`. */
export const profileChangesSchema = z.object({
  email: z.optional(z.string()),
  firstName: z.optional(nameInputSchema),
  lastName: z.optional(nameInputSchema),
  phone: z.optional(phoneInputSchema),
  mobile: z.optional(phoneInputSchema),
  language: z.optional(languageSchema),
});
export type ProfileChanges = z.input<typeof profileChangesSchema>;

/** One grant to set: level `none` keeps the client listed with no right. */
export const grantChangeSchema = grantSchema;

const onUser = <T extends string>(type: T) => ({ type: z.literal(type), userId: id, expectedVersion });

/** Every command a store sends to a backend; `execute` in core applies one to data. */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('users.create'), input: createUserInputSchema }),
  z.object({ ...onUser('users.updateProfile'), changes: profileChangesSchema }),
  z.object({ ...onUser('users.setRole'), role: roleSchema }),
  z.object({ ...onUser('users.setSignature'), signature: signatureSchema }),
  z.object(onUser('users.activate')),
  z.object({ ...onUser('users.deactivate'), until: z.optional(z.iso.date()) }),
  z.object(onUser('users.block')),
  z.object(onUser('users.unblock')),
  z.object(onUser('users.resetPassword')),
  z.object(onUser('users.resendInvitation')),
  z.object(onUser('users.makeLogin')),
  z.object(onUser('users.remove')),
  z.object({
    ...onUser('access.set'),
    grants: z.array(grantChangeSchema).check(z.maxLength(100_000)),
    removeClientIds: z.optional(ids),
  }),
  z.object({ ...onUser('access.copyFrom'), sourceUserId: id, excludeApplications: z.optional(ids) }),
  z.object({ ...onUser('access.authorizeAll'), levels: z.record(z.string(), levelSchema) }),
  z.object({ ...onUser('clients.setManaged'), clientIds: ids }),
]);

/** One command (input type: what a caller may send). */
export type Command = z.input<typeof commandSchema>;
/** One command after validation. */
export type ParsedCommand = z.output<typeof commandSchema>;
/** The command type names. */
export type CommandType = Command['type'];
