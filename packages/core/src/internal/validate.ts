import type * as z from 'zod/mini';
import { PortierError, type FieldIssue } from '../errors.js';

/**
 * Parses `input` with `schema`; on failure throws a `validation` PortierError whose
 * `details.issues` carry each field path and zod issue code (screens map them to messages).
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue): FieldIssue[] => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    const message = issue.message && issue.message !== 'Invalid input' ? { message: issue.message } : {};
    // A key a strict object does not know is reported at its own path, one issue per key.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: [...path, key], code: issue.code }));
    const maximum = issue.code === 'too_big' && typeof issue.maximum === 'number' ? { maximum: issue.maximum } : {};
    return [{ path, code: issue.code, ...message, ...maximum }];
  });
  throw new PortierError('validation', { issues });
}
