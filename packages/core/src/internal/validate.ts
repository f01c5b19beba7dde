import type * as z from 'zod/mini';
import { PortierError, type FieldIssue } from '../errors.js';

/**
 * Parses `input` with `schema`; on failure throws a `validation` PortierError whose
 * `details.issues` carry each field path and zod issue code (screens map them to messages).
 */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    code: issue.code,
    ...(issue.message && issue.message !== 'Invalid input' ? { message: issue.message } : {}),
  }));
  throw new PortierError('validation', { issues });
}
