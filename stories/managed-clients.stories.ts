import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { screen, standardStates } from './support/render.js';
import { manyClientsSeed } from './support/seeds.js';

/** `<portier-managed-clients user-id="…">`: search clients by name, number or VAT number; add; remove (seed 000 §6). */
const meta: Meta = { title: 'Screens/Managed clients', component: 'portier-managed-clients' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-managed-clients',
  { attributes: { 'user-id': 'u-005' } },
  {
    backend: () => refusingBackend('out-of-scope'),
    description: 'Saving is refused with `out-of-scope`: add or remove a client to see the refusal.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-managed-clients', { backend: 'empty', attributes: { 'user-id': 'u-001' } }, context),
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = states.TenThousandUsers;
export const RefusedOutOfScope: Story = states.Refused;

/** 500 clients to search among. */
export const FiveHundredClients: Story = {
  render: (_args, context) => screen('portier-managed-clients', { backend: memoryBackend(manyClientsSeed(500)), attributes: { 'user-id': 'u-005' } }, context),
};
