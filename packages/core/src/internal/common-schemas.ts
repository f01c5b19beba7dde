import * as z from 'zod/mini';
import { isoDay } from '../clock.js';

/** `YYYY-MM-DD` and a real calendar day (`2026-02-30` is refused): what `z.iso.date()` checks, without its 0.7 KiB. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(value)) return false;
  const epochMs = Date.parse(value);
  return !Number.isNaN(epochMs) && isoDay(epochMs) === value;
}

/** A calendar day, `YYYY-MM-DD`. */
export const isoDaySchema = z.string().check(z.refine(isIsoDay, 'expected a YYYY-MM-DD day'));

/**
 * An integer from `min` to `max`: one check instead of zod's number formats and bounds (their
 * classes cost half a KiB in every host page for the counts and versions of the model).
 */
export function integerSchema(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.number().check(z.refine((value) => Number.isSafeInteger(value) && value >= min && value <= max, `expected an integer from ${min} to ${max}`));
}

/** An integer ≥ 0 (a count, a version). */
export const countSchema = integerSchema(0);

/** An integer ≥ 1 (a limit, a number of days). */
export const positiveIntegerSchema = integerSchema(1);
