import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { refusingBackend } from './support/backends.js';
import { choose, clickDeep, typeInto, waitForDeep } from './support/play.js';
import { screen, standardStates } from './support/render.js';

/**
 * `<portier-user-create>`: e-mail (the login), names, phones, language, role, kind (login or
 * contact), and the three ways to set access: individual, copy a user, authorize all.
 */
const meta: Meta = { title: 'Screens/Create a user', component: 'portier-user-create' };
export default meta;
type Story = StoryObj;

const states = standardStates(
  'portier-user-create',
  {},
  {
    backend: () => refusingBackend('email-taken'),
    description: 'Saving is refused with `email-taken`: fill the form and save; the message says why and nothing typed is lost.',
  },
);

export const Default: Story = states.Default;
/** Chooses "copy an existing user" as the way to set access: the picker of the users to copy shows. */
const openCopy = async (canvasElement: HTMLElement): Promise<HTMLSelectElement> => {
  await clickDeep(canvasElement, '#mode-copy', 10_000);
  return waitForDeep<HTMLSelectElement>(canvasElement, '#sourceUserId', 10_000);
};

export const Empty: Story = {
  ...states.Empty,
  parameters: {
    docs: {
      description: {
        story: 'No other user to copy rights from: opens on "copy an existing user", whose picker offers the super user alone (chosen here: she has no rights yet, so there is nothing to copy).',
      },
    },
  },
  play: async ({ canvasElement }) => {
    choose(await openCopy(canvasElement), 'u-001');
  },
};
export const Loading: Story = states.Loading;
export const LoadError: Story = states.Error;
export const TenThousandUsers: Story = {
  ...states.TenThousandUsers,
  parameters: {
    docs: {
      description: {
        story: 'Copy the rights of one of 10,000 users: opens on "copy an existing user", with the 10,000th user (Thomas Renard, g-009999) chosen and the rights that would be copied.',
      },
    },
  },
  play: async ({ canvasElement }) => {
    choose(await openCopy(canvasElement), 'g-009999');
  },
};
export const RefusedEmailTaken: Story = {
  ...states.Refused,
  // Opens on the refusal: fills the form and saves; the backend answers `email-taken`.
  play: async ({ canvasElement }) => {
    typeInto(await waitForDeep<HTMLInputElement>(canvasElement, 'input[name="email"]'), 'amelie.dubois@lambert.example');
    typeInto(await waitForDeep<HTMLInputElement>(canvasElement, 'input[name="firstName"]'), 'Amélie');
    typeInto(await waitForDeep<HTMLInputElement>(canvasElement, 'input[name="lastName"]'), 'Dubois');
    (await waitForDeep(canvasElement, '[part~="submit-button"]')).click();
  },
};

/** As the collective-signature super user: the same form. Approvals (SPEC rule 6) are not built, so the creation is made at once. */
export const CollectiveSignature: Story = {
  render: (_args, context) => screen('portier-user-create', { actorId: 'u-003' }, context),
};
