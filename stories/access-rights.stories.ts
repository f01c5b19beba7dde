import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { choose, clickDeep, waitForDeep } from './support/play.js';
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
export const TenThousandUsers: Story = {
  ...states.TenThousandUsers,
  parameters: {
    docs: {
      description: {
        story:
          '10,000 users in the organization: the matrix is the same, but "copy an existing user" offers all of them. Opens with that way open and the 10,000th user (Thomas Renard, g-009999) chosen.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    await clickDeep(canvasElement, 'details[data-method="copy"] > summary', 10_000);
    choose(await waitForDeep<HTMLSelectElement>(canvasElement, '#setup-sourceUserId', 10_000), 'g-009999');
  },
};
export const RefusedOutOfScope: Story = {
  ...states.Refused,
  // Opens on the refusal: gives Energy Guard on Brasserie Lambert, saves and confirms; the backend answers `out-of-scope`.
  play: async ({ canvasElement }) => {
    const cell = await waitForDeep<HTMLSelectElement>(canvasElement, 'select[data-client="c-brasserie"][data-application="energy-guard"]');
    choose(cell, 'full');
    await clickDeep(canvasElement, '[data-save]');
    await clickDeep(canvasElement, 'dialog[open] [data-apply]');
  },
};

/** The matrix at scale: 500 clients × 7 applications. */
export const FiveHundredClients: Story = {
  render: (_args, context) => screen('portier-access-rights', { backend: memoryBackend(manyClientsSeed(500)), attributes: { 'user-id': 'u-005' } }, context),
};

/** Seen by the second super user (u-002), who manages two of the four clients only. */
export const LimitedScope: Story = {
  render: (_args, context) => screen('portier-access-rights', { actorId: 'u-002', attributes: { 'user-id': 'u-005' } }, context),
};

/** The store of {@link DeletedWhileEditing}: its play function deletes the user behind the screen's back. */
let deletedWhileEditing: ReturnType<typeof memoryBackend> | undefined;
/**
 * Another administrator deletes the user while a level is being changed: the matrix gives way to
 * the list of the edits that could not be saved, worded as the summary words them.
 */
export const DeletedWhileEditing: Story = {
  render: (_args, context) => screen('portier-access-rights', { backend: (deletedWhileEditing = memoryBackend()), attributes: { 'user-id': 'u-004' } }, context),
  play: async ({ canvasElement }) => {
    const cell = await waitForDeep<HTMLSelectElement>(canvasElement, 'select[data-client="c-brasserie"][data-application="energy-guard"]');
    cell.value = 'full';
    cell.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await deletedWhileEditing?.execute({ actorId: 'u-002' }, { type: 'users.remove', userId: 'u-004' });
    (await waitForDeep(canvasElement, '[data-save]')).click();
    (await waitForDeep(canvasElement, 'dialog[open] [data-apply]')).click();
  },
};
