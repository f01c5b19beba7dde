import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { typeInto, waitForDeep } from './support/play.js';
import { hostileSeed } from './support/seeds.js';
import { screen, standardStates } from './support/render.js';

/**
 * `<portier-user-profile user-id="…">`: edit a user's profile, role, signature, active-until,
 * status; send a password reset or re-send the invitation.
 */
const meta: Meta = { title: 'Screens/User profile', component: 'portier-user-profile' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-user-profile',
  { attributes: { 'user-id': 'u-002' } },
  {
    backend: () => refusingBackend('last-super-user'),
    description: 'Demoting is refused with `last-super-user`: press "demote" to read the explanation of seed 000 §5.1 (create or promote another super user first).',
  },
);

export const Default: Story = states.Default;
export const Empty: Story = {
  render: (_args, context) => screen('portier-user-profile', { backend: 'empty', attributes: { 'user-id': 'u-001' } }, context),
  parameters: { docs: { description: { story: 'The only user of a new organization, seen by itself: nothing it may change but its profile.' } } },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = {
  render: (_args, context) => screen('portier-user-profile', { backend: 'large', attributes: { 'user-id': 'g-004242' } }, context),
};
export const RefusedDemotion: Story = {
  ...states.Refused,
  // Opens on the refusal: presses "Demote" and confirms; the backend answers `last-super-user`.
  play: async ({ canvasElement }) => {
    (await waitForDeep(canvasElement, '[data-action="demote"]')).click();
    (await waitForDeep(canvasElement, 'dialog[open] [data-action="dialog-confirm"]')).click();
  },
};

/** An invited user (u-006): re-send the invitation. */
export const Invited: Story = {
  render: (_args, context) => screen('portier-user-profile', { attributes: { 'user-id': 'u-006' } }, context),
};
/** Blocked after five failed sign-ins (u-009): unblock. */
export const Blocked: Story = {
  render: (_args, context) => screen('portier-user-profile', { attributes: { 'user-id': 'u-009' } }, context),
};
/** Its invitation expired (u-008). */
export const Expired: Story = {
  render: (_args, context) => screen('portier-user-profile', { attributes: { 'user-id': 'u-008' } }, context),
};
/** A contact (u-013): no sign-in; can be made a login user. */
export const Contact: Story = {
  render: (_args, context) => screen('portier-user-profile', { attributes: { 'user-id': 'u-013' } }, context),
};
/**
 * Hostile names and e-mails, as a server may send them (no input validation on the way in): markup,
 * event handlers, a `javascript:` URL, bidi overrides, zero-width characters, emoji and a
 * 10,000-character name. They show as text and break no layout.
 */
export const HostileInput: Story = {
  render: (_args, context) => screen('portier-user-profile', { backend: memoryBackend(hostileSeed()), attributes: { 'user-id': 'u-020' } }, context),
};

/** The store of {@link DeletedWhileEditing}: its play function deletes the user behind the screen's back. */
let deletedWhileEditing: ReturnType<typeof memoryBackend> | undefined;
/**
 * Another administrator deletes Dirk Janssens (u-004) while his phone number is being changed: the
 * save is refused, and what was typed stays on screen, read-only, under the reason.
 */
export const DeletedWhileEditing: Story = {
  render: (_args, context) => screen('portier-user-profile', { backend: (deletedWhileEditing = memoryBackend()), attributes: { 'user-id': 'u-004' } }, context),
  play: async ({ canvasElement }) => {
    typeInto(await waitForDeep<HTMLInputElement>(canvasElement, '#phone'), '+32 2 111 22 33');
    await deletedWhileEditing?.execute({ actorId: 'u-002' }, { type: 'users.remove', userId: 'u-004' });
    (await waitForDeep(canvasElement, '[part="save-button"]')).click();
  },
};
