import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DAY_MS, type ManualClock } from '@portier/core';
import type { MemoryBackend } from '@portier/adapters';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { clickDeep, typeNewPassword } from './support/play.js';
import { screen } from './support/render.js';
import { accountLinks, type AccountLinks } from './support/tokens.js';

/**
 * `<portier-activate-account token="…">`: the invitation link. Set a password with live feedback
 * (seed 000 §3); an expired or used link says so and offers to ask for a new one.
 */
const meta: Meta = { title: 'Account screens/Activate account', component: 'portier-activate-account' };
export default meta;
type Story = StoryObj;

const links = (loaded: Record<string, unknown>) => loaded['links'] as AccountLinks;
const invite = async () => ({ links: await accountLinks(memoryBackend()) });

export const Default: Story = {
  loaders: [invite],
  render: (_args, context) => screen('portier-activate-account', { backend: links(context.loaded).backend, attributes: { token: links(context.loaded).invitation } }, context),
};
/** No token in the link. */
export const Empty: Story = { render: (_args, context) => screen('portier-activate-account', {}, context) };
export const Loading: Story = { render: (_args, context) => screen('portier-activate-account', { backend: 'loading', attributes: { token: 'abc' } }, context) };
export const LoadError: Story = { render: (_args, context) => screen('portier-activate-account', { backend: 'error', attributes: { token: 'abc' } }, context) };
/** The invitation period (30 days) is over: a clear message and a way to ask for a new one. */
export const ExpiredLink: Story = {
  loaders: [
    async () => {
      const result = await accountLinks(memoryBackend());
      (result.backend.clock as ManualClock).advance(31 * DAY_MS);
      return { links: result };
    },
  ],
  render: (_args, context) => screen('portier-activate-account', { backend: links(context.loaded).backend, attributes: { token: links(context.loaded).invitation } }, context),
};
/** The link was already used. */
export const UsedLink: Story = {
  loaders: [
    async () => {
      const result = await accountLinks(memoryBackend());
      await result.backend.acceptInvitation({ token: result.invitation, password: 'Correct-Horse-42!' });
      return { links: result };
    },
  ],
  render: (_args, context) => screen('portier-activate-account', { backend: links(context.loaded).backend, attributes: { token: links(context.loaded).invitation } }, context),
};
/**
 * Saving the password is refused (`invitation-used`: another tab was quicker). Opens after a new
 * password was typed and sent, on what the screen says then.
 */
export const Refused: Story = {
  loaders: [invite],
  render: (_args, context) => {
    const { backend, invitation } = links(context.loaded);
    const refusing = { ...refusingBackend('invitation-used'), inspectToken: (input: { token: string }) => (backend as MemoryBackend).inspectToken(input) };
    return screen('portier-activate-account', { backend: refusing, attributes: { token: invitation } }, context);
  },
  play: async ({ canvasElement }) => {
    await typeNewPassword(canvasElement);
    await clickDeep(canvasElement, '[part~="submit"]');
  },
};
