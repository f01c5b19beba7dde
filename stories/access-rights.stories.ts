import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { screen, standardStates } from './support/render.js';
import { manyClientsSeed } from './support/seeds.js';

/**
 * `<portier-access-rights user-id="…">`: the user's clients × applications; each cell offers only
 * the levels its application allows; one save applies every change after a summary.
 */
const meta: Meta = { title: 'Screens/Access rights', component: 'portier-access-rights' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-access-rights',
  { attributes: { 'user-id': 'u-004' } },
  {
    backend: () => refusingBackend('out-of-scope'),
    description: 'Saving is refused with `out-of-scope` (a client the super user does not manage): change a level, save, confirm.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-access-rights', { attributes: { 'user-id': 'u-013' } }, context),
  parameters: { docs: { description: { story: 'A user with no rights yet: add a client by name or number.' } } },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = states.TenThousandUsers;
export const RefusedOutOfScope: Story = states.Refused;

/** The matrix at scale: 500 clients × 7 applications. */
export const FiveHundredClients: Story = {
  render: (_args, context) => screen('portier-access-rights', { backend: memoryBackend(manyClientsSeed(500)), attributes: { 'user-id': 'u-005' } }, context),
};

/** Seen by the second super user (u-002), who manages two of the four clients only. */
export const LimitedScope: Story = {
  render: (_args, context) => screen('portier-access-rights', { actorId: 'u-002', attributes: { 'user-id': 'u-005' } }, context),
};
