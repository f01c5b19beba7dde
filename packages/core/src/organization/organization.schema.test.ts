import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ORGANIZATION_SETTINGS, organizationSettingsSchema } from './organization.schema.js';

describe('organization settings', () => {
  it('rule 7: an invitation period runs from 1 day to ten years; longer has no date to expire on', () => {
    const period = (invitationDays: number) => organizationSettingsSchema.safeParse({ ...DEFAULT_ORGANIZATION_SETTINGS, invitationDays }).success;
    assert.deepEqual([0, 1, 30, 3650, 3651, 200_000_000].map(period), [false, true, true, true, false, false]);
  });
});
