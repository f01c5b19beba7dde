import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { refusingBackend, unreachableAfterLoadBackend } from './support/backends.js';
import { clickDeep } from './support/play.js';
import { screen, standardStates } from './support/render.js';

/**
 * `<portier-admin>`: every screen composed, with its own navigation (list → detail → back).
 * Switch the locale and the theme in the toolbar.
 */
const meta: Meta = {
  title: 'Screens/Admin (all screens)',
  component: 'portier-admin',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-admin',
  {},
  {
    backend: () => refusingBackend('last-super-user'),
    description: 'Every change is refused with `last-super-user`: open a super user and demote them to read how seed 000 §5.1 explains it.',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = states.Empty;
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = states.TenThousandUsers;
export const RefusedDemotion: Story = {
  ...states.Refused,
  // Opens on the refusal: opens the super user Bart Peeters (u-002), presses "Demote" and confirms; the backend answers `last-super-user`.
  play: async ({ canvasElement }) => {
    await clickDeep(canvasElement, '[data-user-id="u-002"] [data-open="profile"]');
    await clickDeep(canvasElement, '[data-action="demote"]');
    await clickDeep(canvasElement, 'dialog[open] [data-action="dialog-confirm"]');
  },
};

/** The collective-signature super user (u-003). Approvals (SPEC rule 6) are not built: its changes are made at once. */
export const CollectiveSignatureSuperUser: Story = {
  render: (_args, context) => screen('portier-admin', { actorId: 'u-003' }, context),
};

/** A plain user (u-004) opening the admin: only its own profile is theirs to edit. */
export const PlainUser: Story = {
  render: (_args, context) => screen('portier-admin', { actorId: 'u-004' }, context),
};

/**
 * A refresh that cannot reach the backend (an outage after the first load): the screens keep the
 * data as last loaded, and the admin says so, with Retry.
 */
export const RefreshFailed: Story = {
  render: (_args, context) =>
    screen('portier-admin', { backend: unreachableAfterLoadBackend(), setup: (store) => store.refresh().catch(() => undefined) }, context),
};
