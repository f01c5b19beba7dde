import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countSchema, integerSchema, isIsoDay, isoDaySchema, positiveIntegerSchema } from './common-schemas.js';

describe('common schemas', () => {
  it('a day is YYYY-MM-DD and exists in the calendar', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2026-12-01']) assert.ok(isIsoDay(day), day);
    for (const day of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-05', '2026-01-05T00:00:00Z', '', 'tomorrow']) assert.ok(!isIsoDay(day), day);
    assert.equal(isoDaySchema.safeParse('2026-02-30').success, false);
  });
  it('counts are integers from 0, positive integers from 1', () => {
    assert.equal(countSchema.safeParse(0).success, true);
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2, '3']) assert.equal(countSchema.safeParse(bad).success, false, String(bad));
    assert.equal(positiveIntegerSchema.safeParse(0).success, false);
    assert.equal(positiveIntegerSchema.safeParse(30).success, true);
    const limit = integerSchema(1, 1000);
    assert.deepEqual([0, 1, 1000, 1001].map((value) => limit.safeParse(value).success), [false, true, true, false]);
  });
});
