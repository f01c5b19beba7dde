import { isPortierError, type FieldIssue, type PortierError } from '@portier/core';
import type { Messages } from './messages.js';

/** The sentence that explains a failure to the user: a reason-specific one when the policy named one. */
export function errorMessage(t: Messages, error: unknown): string {
  if (!isPortierError(error)) return t.errors.server;
  const reason = (error as PortierError).details?.reason;
  // The reason comes from the backend: only the table's own keys (`constructor` would find a function).
  if (typeof reason === 'string' && Object.hasOwn(t.reasons, reason)) return t.reasons[reason as keyof Messages['reasons']];
  return t.errors[error.code] ?? t.errors.server;
}

/** A field problem from the core's schemas, in the user's words. */
export function issueMessage(t: Messages, issue: Pick<FieldIssue, 'code' | 'message'> & { format?: string; maximum?: number | bigint; origin?: string; minimum?: number | bigint }, field?: string): string {
  switch (issue.code) {
    case 'too_small':
      return t.validation.required;
    case 'too_big': {
      // A server's issue may not say the limit: then "at most 0 characters" would be false.
      const maximum = Number(issue.maximum);
      return Number.isSafeInteger(maximum) && maximum > 0 ? t.validation.tooLong(maximum) : t.validation.invalid;
    }
    case 'invalid_format':
      if (issue.format === 'email' || field === 'email') return t.validation.email;
      if (field === 'phone' || field === 'mobile') return t.validation.phone;
      return t.validation.invalid;
    case 'custom':
      if (field === 'firstName' || field === 'lastName') return t.validation.name;
      return t.validation.invalid;
    default:
      return t.validation.invalid;
  }
}

/**
 * A command's failure that came back after the screen had moved on to another user: the screen
 * shows it all the same (nothing fails unseen), with the name of the user it was about.
 */
export class OtherUserFailure {
  constructor(
    readonly userName: string,
    readonly error: unknown,
  ) {}
}

/**
 * What a screen says of a failure: `say(error)`; for another user's, whose change was not saved and
 * why (a conflict's usual words speak of input and a user on screen, which are gone).
 */
export function sayFailure(t: Messages, failure: unknown, say: (error: unknown) => string): string {
  if (!(failure instanceof OtherUserFailure)) return say(failure);
  const { error } = failure;
  return t.common.notSavedFor(failure.userName, isPortierError(error) && error.code === 'conflict' ? t.common.changedMeanwhile : say(error));
}
