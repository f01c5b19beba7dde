import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { refusingBackend } from './support/backends.js';
import { clickDeep, typeInto, waitForDeep } from './support/play.js';
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
    description: 'Saving is refused with `conflict` (changed elsewhere meanwhile): opens after a new phone number was saved, on the message, with the input kept.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-own-profile', { backend: 'empty', actorId: 'u-001' }, context),
  parameters: { docs: { description: { story: 'The only user of a new organization, on its own profile.' } } },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
// No "10,000 users" story: the screen shows the signed-in user's own profile only; how many users
// the organization has changes nothing it shows.
export const RefusedConflict: Story = {
  ...states.Refused,
  // Opens on the refusal: types a new phone number and saves; the backend answers `conflict`.
  play: async ({ canvasElement }) => {
    typeInto(await waitForDeep<HTMLInputElement>(canvasElement, '#phone'), '+32 2 555 0142');
    await clickDeep(canvasElement, '[part~="save-button"]');
  },
};
