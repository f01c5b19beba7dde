import { isPortierError, type PortierBackend, type PortierErrorCode } from '@portier/core';
import assert from 'node:assert/strict';

/** One backend under test, on the demo seed (u-001 … u-040, organization Groupe Lambert). */
export interface ConformanceSubject {
  backend: PortierBackend;
  /** The e-mails the backend sent (invitation tokens); absent when the path cannot show them. */
  outbox?: () => Promise<{ to: string; kind: string; token?: string }[]>;
  /** Stops servers started for this subject. */
  close?: () => Promise<void>;
}

/** What a path can carry; everything defaults to `true`. */
export interface ConformanceCapabilities {
  /** The audit log (`listAudit`). */
  audit?: boolean;
  /** Sign-in, tokens, invitations and passwords. */
  session?: boolean;
}

/** Options of `runConformance`. */
export interface ConformanceOptions {
  /** Names the `describe` block, e.g. `memory` or `REST over MSW`. */
  name: string;
  /** A fresh subject for one test (each test makes its own data). */
  create: () => ConformanceSubject | Promise<ConformanceSubject>;
  capabilities?: ConformanceCapabilities;
}

/** Demo accounts the suite acts as. */
export const ACTORS = {
  /** Super user managing all four clients. */
  admin: 'u-001',
  /** Super user managing c-brasserie and c-logistics. */
  second: 'u-002',
  /** Collective-signature super user. */
  collective: 'u-003',
  /** Plain user. */
  plain: 'u-004',
  /** An active plain user managed by the admin, handy target. */
  target: 'u-005',
} as const;

/** The demo password. */
export const PASSWORD = 'Portier-Demo-2026!';

/** Awaits `promise` and asserts it rejects with a PortierError of `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: PortierErrorCode, fieldPaths: string[] = []): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isPortierError(error), `expected a PortierError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code} ${JSON.stringify(error.details)}`);
    // A validation names the fields at fault, as a form needs them.
    const paths = (error.details?.issues ?? []).map((issue) => issue.path.join('.'));
    for (const path of fieldPaths) assert.ok(paths.includes(path), `expected an issue at ${path}, got ${JSON.stringify(paths)}`);
    return true;
  });
}

let counter = 0;

/** An e-mail no other test uses. */
export function uniqueEmail(prefix = 'conformance'): string {
  return `${prefix}.${Date.now().toString(36)}.${(++counter).toString(36)}@lambert.example`;
}

/** Runs `body` on a fresh subject and closes it afterwards. */
export async function withSubject(options: ConformanceOptions, body: (subject: ConformanceSubject) => Promise<void>): Promise<void> {
  const subject = await options.create();
  try {
    await body(subject);
  } finally {
    await subject.close?.();
  }
}
