import { createPortier, type Portier } from '@portier/core';
import type { MemoryBackend } from '@portier/adapters';

/** Builds the links of the account screens from what the memory backend "sends". */
export interface AccountLinks {
  backend: MemoryBackend;
  store: Portier;
  /** An open invitation token of a freshly invited user. */
  invitation: string;
  /** An open password-reset token of an active user (u-005). */
  reset: string;
}

/** Invites a user and sends a reset, as the super user u-001, and returns the two links' tokens. */
export async function accountLinks(backend: MemoryBackend): Promise<AccountLinks> {
  const store = createPortier({ backend, clock: backend.clock });
  await store.ready;
  await store.users.create({ email: 'nouvelle.collegue@lambert.example', firstName: 'Léa', lastName: 'Fontaine', language: 'fr' });
  await store.users.resetPassword('u-005');
  const mails = await backend.outbox();
  const invitation = mails.find((mail) => mail.kind === 'invitation')?.token ?? '';
  const reset = mails.find((mail) => mail.kind === 'password-reset')?.token ?? '';
  return { backend, store, invitation, reset };
}
