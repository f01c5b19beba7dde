import * as z from 'zod/mini';
import { PortierError } from '../errors.js';
import { parseOrThrow } from '../internal/validate.js';
import { countSchema, isoDaySchema } from '../internal/common-schemas.js';
import { levelSchema } from '../application/application.schema.js';
import { grantSchema } from '../grant/grant.schema.js';
import { languageSchema, roleSchema, signatureSchema, userKindSchema } from '../user/user.schema.js';

/**
 * Control characters and line or paragraph separators (NUL, line breaks), unpaired surrogates
 * (no character at all), the bidi marks, overrides and isolates, which make a name display as
 * something else in a list or the log, the byte-order mark and the interlinear annotations.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/u;

/** Hangul fillers: letters by category that show as blank space. */
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0]/gu;

/**
 * A person's name as a form may send it: trimmed, 1 to 100 characters, with at least one letter
 * or digit and nothing {@link UNPRINTABLE} (a database would refuse a NUL later, as a server error).
 */
export const nameInputSchema = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(100),
  // An empty name already fails minLength: one issue per problem.
  z.refine((name) => name === '' || (!UNPRINTABLE.test(name) && /[\p{L}\p{N}]/u.test(name.replace(BLANK_LETTERS, ''))), { message: 'a name needs a letter or a digit, and no control character' }),
);

/** The login e-mail as a form may send it: trimmed, a valid address, at most 254 characters. */
export const emailInputSchema = z.string().check(z.trim(), z.maxLength(254), z.email());

/**
 * A phone number, or empty: digits with spaces, dots, dashes, slashes and brackets, a leading `+`
 * and an area code in brackets (`(02) 555 66 77`); 5 to 17 digits, so two numbers pasted into one
 * field, or a row of zeros, are refused (E.164 has at most 15, a national prefix adds two).
 */
export const phoneInputSchema = z.string().check(z.trim(), z.maxLength(30), z.regex(/^$|^(?=(?:\D*\d){5,17}\D*$)\+?\(?[0-9][0-9 ()./-]{3,28}$/));

const id = z.string().check(z.minLength(1), z.maxLength(200));
const ids = z.array(id).check(z.maxLength(10_000));
const expectedVersion = z.optional(countSchema);

/** One grant to set: level `none` keeps the client listed with no right. */
export const grantChangeSchema = z.strictObject(grantSchema.shape);

/** The three ways of seed 004 to set access, usable at creation and later. */
export const accessSetupSchema = z.union([
  z.strictObject({ mode: z.literal('individual'), grants: z.array(grantChangeSchema).check(z.maxLength(100_000)) }),
  z.strictObject({ mode: z.literal('copy'), sourceUserId: id, excludeApplications: z.optional(ids) }),
  z.strictObject({ mode: z.literal('authorize-all'), levels: z.record(z.string(), levelSchema) }),
]);
export type AccessSetup = z.infer<typeof accessSetupSchema>;

/** What a form sends to create a user (seed 000 §4, seed 003 kinds, seed 004 access). */
export const createUserInputSchema = z.strictObject({
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
export const profileChangesSchema = z.strictObject({
  email: z.optional(z.string()),
  firstName: z.optional(nameInputSchema),
  lastName: z.optional(nameInputSchema),
  phone: z.optional(phoneInputSchema),
  mobile: z.optional(phoneInputSchema),
  language: z.optional(languageSchema),
});
export type ProfileChanges = z.input<typeof profileChangesSchema>;

const onUser = { userId: id, expectedVersion };

/**
 * The schema of each command's fields, by command type. A command is `{ type, ...fields }`;
 * {@link parseCommand} picks the schema by `type`, so a mistake is reported at its own field
 * path (and without the weight of a discriminated union in every host page). Every object of a
 * command is strict: a key it does not know (`exludeApplications`) is a `validation` error, not
 * dropped, which would run the command without what the caller meant.
 */
export const COMMAND_SCHEMAS = {
  'users.create': z.strictObject({ input: createUserInputSchema }),
  'users.updateProfile': z.strictObject({ ...onUser, changes: profileChangesSchema }),
  'users.setRole': z.strictObject({ ...onUser, role: roleSchema }),
  'users.setSignature': z.strictObject({ ...onUser, signature: signatureSchema }),
  'users.activate': z.strictObject(onUser),
  'users.deactivate': z.strictObject({ ...onUser, until: z.optional(isoDaySchema) }),
  'users.block': z.strictObject(onUser),
  'users.unblock': z.strictObject(onUser),
  'users.resetPassword': z.strictObject(onUser),
  'users.resendInvitation': z.strictObject(onUser),
  'users.makeLogin': z.strictObject(onUser),
  'users.remove': z.strictObject(onUser),
  'access.set': z.strictObject({
    ...onUser,
    grants: z.array(grantChangeSchema).check(z.maxLength(100_000)),
    removeClientIds: z.optional(ids),
  }),
  'access.copyFrom': z.strictObject({ ...onUser, sourceUserId: id, excludeApplications: z.optional(ids) }),
  'access.authorizeAll': z.strictObject({ ...onUser, levels: z.record(z.string(), levelSchema) }),
  'clients.setManaged': z.strictObject({ ...onUser, clientIds: ids }),
};

type CommandSchemas = typeof COMMAND_SCHEMAS;
/** The command type names. */
export type CommandType = keyof CommandSchemas;
/** One command (input type: what a caller may send). */
export type Command = { [T in CommandType]: { type: T } & z.input<CommandSchemas[T]> }[CommandType];
/** One command after validation. */
export type ParsedCommand = { [T in CommandType]: { type: T } & z.output<CommandSchemas[T]> }[CommandType];

/** Every command type. */
export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as CommandType[];

/**
 * Validates one command from anywhere (a store, a request body): an unknown `type` is a
 * `validation` error at path `type`; a bad field is one at that field's path.
 */
export function parseCommand(input: unknown): ParsedCommand {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(COMMAND_SCHEMAS, type)) {
    throw new PortierError('validation', { issues: [{ path: ['type'], code: 'invalid_union' }] });
  }
  const { type: _type, ...fields } = input as Record<string, unknown>;
  return { type, ...parseOrThrow(COMMAND_SCHEMAS[type as CommandType], fields) } as ParsedCommand;
}
