import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { clickDeep } from './support/play.js';
import { hostileSeed } from './support/seeds.js';
import { screen, standardStates } from './support/render.js';

/** `<portier-user-list>`: the users table of seed 000, with filters, sorting and status actions. */
const meta: Meta = { title: 'Screens/User list', component: 'portier-user-list' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-user-list',
  {},
  {
    backend: () => refusingBackend('last-super-user'),
    description: 'Every change is refused with `last-super-user`: deactivate a super user to see the refusal.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = states.Empty;
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = states.TenThousandUsers;
export const RefusedAction: Story = {
  ...states.Refused,
  // Opens on the refusal: deactivates the super user Bart Peeters (u-002) and confirms; the backend answers `last-super-user`.
  play: async ({ canvasElement }) => {
    await clickDeep(canvasElement, '[data-user-id="u-002"] [data-action="deactivate"]');
    await clickDeep(canvasElement, 'dialog[open] [data-action="dialog-confirm"]');
  },
};

/** As the collective-signature super user (u-003). Approvals (SPEC rule 6) are not built: its changes are made at once. */
export const CollectiveSignature: Story = {
  render: (_args, context) => screen('portier-user-list', { actorId: 'u-003' }, context),
};

/** A filter that matches nobody: the "no match" state with its "clear the filter" button. */
export const NoMatch: Story = {
  render: (_args, context) => screen('portier-user-list', { attributes: { 'email-filter': 'nobody-here' } }, context),
};

/** Filtered by client (seed 000 "Filtrer sur le client") and sorted by last name, descending. */
export const FilteredByClient: Story = {
  render: (_args, context) =>
    screen('portier-user-list', { attributes: { 'client-id': 'c-logistics', 'sort-key': 'lastName', 'sort-direction': 'desc' } }, context),
};

/** Hostile names and e-mails (u-020) show as text; the row keeps its height. */
export const HostileInput: Story = {
  render: (_args, context) => screen('portier-user-list', { backend: memoryBackend(hostileSeed()), attributes: { 'sort-key': 'firstName' } }, context),
};
