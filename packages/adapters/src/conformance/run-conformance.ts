import { describe } from 'node:test';
import { accessCases } from './access-cases.js';
import type { ConformanceOptions } from './conformance-subject.js';
import { auditCases, sessionCases } from './session-cases.js';
import { userCases } from './users-cases.js';

export type { ConformanceOptions, ConformanceSubject, ConformanceCapabilities } from './conformance-subject.js';
export { ACTORS, PASSWORD, rejectsWith, uniqueEmail } from './conformance-subject.js';

/**
 * The one conformance suite every backend passes with the same results and error codes
 * (memory, REST over MSW, REST over a real HTTP server, SCIM). Each test gets a fresh subject on
 * the demo seed. Parts a path cannot carry are left out through `capabilities`, and named in the
 * suite so that a reader sees what was not run.
 * @example runConformance({ name: 'memory', create: () => ({ backend: createMemoryBackend() }) });
 */
export function runConformance(options: ConformanceOptions): void {
  const capabilities = { audit: true, session: true, ...options.capabilities };
  const left = Object.entries(capabilities).filter(([, on]) => !on).map(([name]) => name);
  describe(`conformance: ${options.name}${left.length ? ` (without ${left.join(', ')}: carried by a fallback)` : ''}`, () => {
    describe('users', () => userCases(options));
    describe('access', () => accessCases(options));
    if (capabilities.audit) describe('audit', () => auditCases(options));
    if (capabilities.session) describe('session', () => sessionCases(options));
  });
}
