import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { refusingBackend } from './support/backends.js';
import { screen, standardStates } from './support/render.js';

/** `<portier-own-profile>`: the signed-in user's names, phones and language (seed 000 §5.2). */
const meta: Meta = { title: 'Screens/Own profile', component: 'portier-own-profile' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-own-profile',
  { actorId: 'u-004' },
  {
    backend: () => refusingBackend('conflict'),
    description: 'Saving is refused with `conflict` (changed elsewhere meanwhile): the message says so and the input is kept.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-own-profile', { backend: 'empty', actorId: 'u-001' }, context),
  parameters: { docs: { description: { story: 'The only user of a new organization, on its own profile.' } } },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = states.TenThousandUsers;
export const RefusedConflict: Story = states.Refused;
