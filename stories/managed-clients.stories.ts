import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { clickDeep } from './support/play.js';
import { screen, standardStates } from './support/render.js';
import { manyClientsSeed, newSuperUserSeed } from './support/seeds.js';

/** `<portier-managed-clients user-id="…">`: search clients by name, number or VAT number; add; remove (seed 000 §6). */
const meta: Meta = { title: 'Screens/Managed clients', component: 'portier-managed-clients' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-managed-clients',
  { attributes: { 'user-id': 'u-005' } },
  {
    backend: () => refusingBackend('out-of-scope'),
    description: 'Saving is refused with `out-of-scope`: opens after removing Brasserie Lambert SA, on the refusal.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-managed-clients', { backend: memoryBackend(newSuperUserSeed()), attributes: { 'user-id': 'u-002' } }, context),
  parameters: {
    docs: { description: { story: 'Day one: a second super user (u-002), just named, manages no client yet: the empty line, and the search to add one.' } },
  },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
// No "10,000 users" story: this screen shows one user's clients and searches the organization's
// clients; how many users the organization has changes nothing it shows (see FiveHundredClients).
export const RefusedOutOfScope: Story = {
  ...states.Refused,
  // Opens on the refusal: removes the first managed client; the backend answers `out-of-scope`.
  play: async ({ canvasElement }) => {
    await clickDeep(canvasElement, '[data-remove]');
  },
};

/** 500 clients to search among. */
export const FiveHundredClients: Story = {
  render: (_args, context) => screen('portier-managed-clients', { backend: memoryBackend(manyClientsSeed(500)), attributes: { 'user-id': 'u-005' } }, context),
};
