/** Every code a Portier operation can fail with (SPEC.md → Errors). Closed: screens translate each one. */
export const PORTIER_ERROR_CODES = [
  'forbidden',
  'out-of-scope',
  'not-found',
  'validation',
  'email-taken',
  'last-super-user',
  'level-not-allowed',
  'profile-not-allowed',
  'self-approval',
  'not-editable',
  'conflict',
  'invitation-expired',
  'invitation-used',
  'weak-password',
  'account-blocked',
  'no-seat',
  'network',
  'server',
] as const;

/** A code from {@link PORTIER_ERROR_CODES}. */
export type PortierErrorCode = (typeof PORTIER_ERROR_CODES)[number];

/** One field problem of a `validation` error: where (`path`) and what (`code`, zod's issue code). */
export interface FieldIssue {
  path: (string | number)[];
  code: string;
  message?: string;
  /** On `too_big`: the most characters (or items) allowed, so a form can say it. */
  maximum?: number;
}

/** Extra facts about a failure. `issues` is set on `validation`; other keys depend on the code. */
export interface PortierErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

/**
 * The one error class of Portier. Branch on `code`, never on `message`.
 * @example
 * try { await portier.users.setRole(id, 'user') }
 * catch (e) { if (isPortierError(e) && e.code === 'last-super-user') showHint() }
 */
export class PortierError extends Error {
  override readonly name = 'PortierError';
  readonly code: PortierErrorCode;
  readonly details: PortierErrorDetails | undefined;

  constructor(code: PortierErrorCode, details?: PortierErrorDetails, message?: string) {
    super(message ?? code);
    this.code = code;
    this.details = details;
  }

  /** A plain-data copy, for JSON transport (REST problem documents). */
  toJSON(): { code: PortierErrorCode; details?: PortierErrorDetails; message: string } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, details: this.details, message: this.message };
  }
}

/** True when `value` is a {@link PortierError} (also across bundle copies, by shape). */
export function isPortierError(value: unknown): value is PortierError {
  return (
    value instanceof PortierError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'PortierError' &&
      PORTIER_ERROR_CODES.includes((value as { code: PortierErrorCode }).code))
  );
}

/** True for a code in the closed union. */
export function isPortierErrorCode(value: unknown): value is PortierErrorCode {
  return typeof value === 'string' && (PORTIER_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Turns anything thrown into a PortierError: PortierErrors pass through, a failed `fetch`
 * (TypeError) becomes `network`, anything else `server`. Abort errors are rethrown untouched by callers.
 */
export function toPortierError(error: unknown): PortierError {
  if (isPortierError(error)) return error;
  if (error instanceof TypeError) return new PortierError('network', { cause: error.message });
  const message = error instanceof Error ? error.message : String(error);
  return new PortierError('server', { cause: message });
}
