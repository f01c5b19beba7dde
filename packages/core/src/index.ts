/**
 * @portier/core — the rules of Portier: model, policy, account lifecycle, passwords, store.
 * No DOM: runs in browsers and in Node.
 */
export { PortierError, PORTIER_ERROR_CODES, isPortierError, isPortierErrorCode, toPortierError } from './errors.js';
export type { PortierErrorCode, PortierErrorDetails, FieldIssue } from './errors.js';
export { systemClock, createManualClock, isoDay, DAY_MS } from './clock.js';
export type { Clock, ManualClock } from './clock.js';

export { LEVELS, levelSchema, applicationSchema, levelRank, nearestAllowedLevel } from './application/application.schema.js';
export type { Level, Application } from './application/application.schema.js';
export { clientSchema } from './client/client.schema.js';
export type { Client } from './client/client.schema.js';
export { searchClients } from './client/client.selectors.js';
export { grantSchema, grantKey, GrantTable } from './grant/grant.schema.js';
export type { Grant } from './grant/grant.schema.js';
export { contractSchema } from './contract/contract.schema.js';
export type { Contract } from './contract/contract.schema.js';
export { auditEntrySchema } from './audit/audit.schema.js';
export type { AuditEntry } from './audit/audit.schema.js';
export { organizationSchema, organizationSettingsSchema, DEFAULT_ORGANIZATION_SETTINGS } from './organization/organization.schema.js';
export type { Organization, OrganizationSettings } from './organization/organization.schema.js';
export {
  userSchema,
  LANGUAGES,
  ROLES,
  USER_KINDS,
  SIGNATURES,
  ACCOUNT_STATUSES,
  BLOCK_REASONS,
  languageSchema,
  roleSchema,
  userKindSchema,
  signatureSchema,
  accountStatusSchema,
  displayName,
  normalizeEmail,
} from './user/user.schema.js';
export type { User, Language, Role, UserKind, Signature, AccountStatus, BlockReason } from './user/user.schema.js';
export {
  accountTransitions,
  accountReducer,
  canTransition,
  effectiveStatus,
  dueTimedEvent,
  applyTimedTransitions,
  recordFailedSignIn,
} from './user/user.machine.js';
export type { AccountEvent, AccountAction, TransitionTable, FailedSignInOutcome } from './user/user.machine.js';
export { selectUsers, selectUserPage, selectUser, selectGrants, userQuerySchema, USER_SORT_KEYS } from './user/user.selectors.js';
export type { UserQuery, UserSort, UserSortKey, SelectorState } from './user/user.selectors.js';
export { portierDataSchema, emptyData, grantsOf } from './data.js';
export type { PortierData } from './data.js';

export { can, assertCan, isAccountAction, OWN_PROFILE_FIELDS } from './policy/can.js';
export type { Decision } from './policy/can.js';
export { ACTIONS } from './policy/actions.js';
export { clientsOfUser } from './policy/clients-of-user.js';
export { countSuperUsers, isActiveSuperUser, superUserLoss } from './policy/super-users.js';
export type { SuperUserCounts } from './policy/super-users.js';
export type { Action, PolicyTarget, RequestedAccess } from './policy/actions.js';

export { checkPassword } from './password/check-password.js';
export type { PasswordIssue, PasswordContext } from './password/check-password.js';
export { loadCommonPasswords } from './password/common-passwords.js';
export {
  PASSWORD_PRESETS,
  SIX_MIXED_PASSWORD_RULES,
  passwordPolicySchema,
  passwordRulesSchema,
  resolvePasswordPolicy,
} from './password/password-policy.js';
export type { PasswordPolicy, PasswordRules } from './password/password-policy.js';

export {
  COMMAND_SCHEMAS,
  COMMAND_TYPES,
  parseCommand,
  createUserInputSchema,
  profileChangesSchema,
  accessSetupSchema,
  emailInputSchema,
  nameInputSchema,
  phoneInputSchema,
} from './command/command.schema.js';
export type { Command, ParsedCommand, CommandType, CreateUserInput, ProfileChanges, AccessSetup } from './command/command.schema.js';
export { execute } from './command/execute.js';
export type { ExecuteOutcome, Patch } from './command/execute.js';
export type { ExecuteEnv } from './command/command-context.js';
export { sweepTimedTransitions } from './command/sweep.js';
export type { SweepOutcome } from './command/sweep.js';
export { noChanges } from './command/effects.js';
export type { Changes, Effect, AuditDraft } from './command/effects.js';
export { planAuthorizeAll, planCopy, planIndividual, applyPlan } from './command/access-plan.js';
export type { AccessPlan } from './command/access-plan.js';
export { parseOrThrow } from './internal/validate.js';

export type { PortierBackend, BackendContext, Snapshot, UserPage, SignInResult, TokenInfo } from './backend.js';
export { createPortier, mergeChanges, applyPatches } from './store/create-portier.js';
export type { Portier, PortierState, PortierOptions, CommandOptions } from './store/store.types.js';
