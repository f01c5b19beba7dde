import { PortierError, isPortierErrorCode, type FieldIssue, type PortierErrorCode, type PortierErrorDetails } from '@portier/core';
import { defineOwn } from '../internal/define-own.js';

/** The media type of every error body (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';

/** The HTTP status each PortierError code is served with. */
export const STATUS_OF: Record<PortierErrorCode, number> = {
  validation: 400,
  forbidden: 403,
  'out-of-scope': 403,
  'self-approval': 403,
  'not-found': 404,
  'email-taken': 409,
  'last-super-user': 409,
  'no-seat': 409,
  'not-editable': 409,
  'invitation-expired': 410,
  'invitation-used': 410,
  conflict: 412,
  'level-not-allowed': 422,
  'profile-not-allowed': 422,
  'weak-password': 422,
  'account-blocked': 423,
  server: 500,
  network: 502,
};

/** An RFC 9457 problem document carrying the PortierError code and details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: PortierErrorCode;
  detail?: string;
  details?: PortierErrorDetails;
}

/** The problem document of `error` served with `status` (default: the code's status). */
export function problemOf(error: PortierError, status = STATUS_OF[error.code]): Problem {
  const problem: Problem = { type: `urn:portier:problem:${error.code}`, title: error.code, status, code: error.code };
  if (error.message !== error.code) problem.detail = error.message;
  if (error.details !== undefined) problem.details = error.details;
  return problem;
}

/** A `Response` with the problem document of `error`. */
export function problemResponse(error: PortierError, status?: number, headers: Record<string, string> = {}): Response {
  const problem = problemOf(error, status);
  let body: string;
  try {
    body = JSON.stringify(problem);
  } catch {
    // Details JSON cannot hold (a cycle, a nesting too deep for the stack): the code still goes.
    const { details: _details, ...plain } = problem;
    body = JSON.stringify(plain);
  }
  return new Response(body, { status: problem.status, headers: { 'content-type': PROBLEM_JSON, ...headers } });
}

/** The code a client reads from an error status when the body names none (a proxy's page, an empty body). */
function codeOfStatus(status: number): PortierErrorCode {
  if (status === 412) return 'conflict';
  if (status === 400 || status === 413 || status === 415 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 410) return 'invitation-expired';
  if (status === 423) return 'account-blocked';
  return 'server';
}

const MAX_DETAIL_DEPTH = 4;

/** Whether `value` is JSON nested at most `depth` levels deep (a primitive is 0). */
export function nestedWithin(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth === 0) return false;
  for (const entry of Array.isArray(value) ? value : Object.values(value)) if (!nestedWithin(entry, depth - 1)) return false;
  return true;
}

const isPathKey = (key: unknown): key is string | number => typeof key === 'string' || (typeof key === 'number' && Number.isInteger(key));

/** The field issues of a server's problem document that have a path and a code; undefined when it sent no list. */
function fieldIssuesOf(value: unknown): FieldIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const issues: FieldIssue[] = [];
  for (const issue of value as unknown[]) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, code, message, maximum } = issue as Record<string, unknown>;
    if (!Array.isArray(path) || !path.every(isPathKey) || typeof code !== 'string') continue;
    issues.push({
      path,
      code,
      ...(typeof message === 'string' ? { message } : {}),
      ...(typeof maximum === 'number' && Number.isSafeInteger(maximum) && maximum > 0 ? { maximum } : {}),
    });
  }
  return issues;
}

/**
 * Turns an error response into a PortierError: the problem document's code when it carries a
 * valid one, else a code read from the status. 412 is always `conflict` (a stale If-Match).
 */
export function errorFromResponse(status: number, body: unknown): PortierError {
  const problem = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const rawDetails = problem?.['details'];
  const details: PortierErrorDetails = {};
  if (typeof rawDetails === 'object' && rawDetails !== null && !Array.isArray(rawDetails)) {
    // Only what a screen could read: a value nested deeper would cost a stack to print.
    for (const [key, value] of Object.entries(rawDetails)) if (nestedWithin(value, MAX_DETAIL_DEPTH)) defineOwn(details, key, value);
  }
  // Screens read `issues` to mark fields: only well-formed ones reach them.
  if ('issues' in details) {
    const issues = fieldIssuesOf(details.issues);
    if (issues) details.issues = issues;
    else delete details.issues;
  }
  // `network` is this client's own word for an answer that never came: one that came is the server's.
  const named = isPortierErrorCode(problem?.['code']) && problem['code'] !== 'network' ? problem['code'] : undefined;
  const code = status === 412 ? 'conflict' : (named ?? codeOfStatus(status));
  if (status >= 500 || named === undefined) details['status'] = status;
  const detail = typeof problem?.['detail'] === 'string' ? problem['detail'] : undefined;
  return new PortierError(code, details, detail);
}
