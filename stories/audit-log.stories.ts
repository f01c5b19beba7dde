import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createPortier, type Portier } from '@portier/core';
import type { MemoryBackend } from '@portier/adapters';
import { memoryBackend } from './support/backends.js';
import { screen } from './support/render.js';
import { largeSeed, type demoData } from './support/seeds.js';

/** `<portier-audit-log>`: the organization's recent changes (who, when, what, before → after), filtered by user. */
const meta: Meta = { title: 'Screens/Audit log', component: 'portier-audit-log' };
export default meta;
type Story = StoryObj;

/** A few changes, so that the log has something to show. */
async function someChanges(store: Portier): Promise<void> {
  await store.users.updateProfile('u-005', { phone: '+32 2 555 0199' });
  await store.users.setRole('u-006', 'superuser').catch(() => undefined);
  await store.users.block('u-010').catch(() => undefined);
  await store.access.set('u-004', { clientId: 'c-brasserie', applicationId: 'portfolio-manager', level: 'full' });
  await store.users.create({ email: 'nouvelle.collegue@lambert.example', firstName: 'Léa', lastName: 'Fontaine', language: 'fr' });
}

/** A loader: a memory backend on which a super user already made some changes. */
const withChanges = (seed?: ReturnType<typeof demoData>) => async () => {
  const backend = memoryBackend(seed);
  const store = createPortier({ backend, clock: backend.clock });
  await store.ready;
  await someChanges(store);
  return { backend };
};

const loadedBackend = (loaded: Record<string, unknown>) => loaded['backend'] as MemoryBackend;

export const Default: Story = {
  loaders: [withChanges()],
  render: (_args, context) => screen('portier-audit-log', { backend: loadedBackend(context.loaded) }, context),
};
export const Empty: Story = {
  render: (_args, context) => screen('portier-audit-log', { backend: 'empty' }, context),
  parameters: { docs: { description: { story: 'Nothing changed yet.' } } },
};
export const Loading: Story = { render: (_args, context) => screen('portier-audit-log', { backend: 'loading' }, context) };
export const LoadError: Story = { render: (_args, context) => screen('portier-audit-log', { backend: 'error' }, context) };
export const TenThousandUsers: Story = {
  loaders: [withChanges(largeSeed(10_000))],
  render: (_args, context) => screen('portier-audit-log', { backend: loadedBackend(context.loaded) }, context),
};
/** A plain user (u-004) may not read the organization's log: the refusal. */
export const RefusedPlainUser: Story = {
  loaders: [withChanges()],
  render: (_args, context) => screen('portier-audit-log', { backend: loadedBackend(context.loaded), actorId: 'u-004' }, context),
};
