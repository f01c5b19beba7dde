import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DAY_MS, type ManualClock } from '@portier/core';
import { memoryBackend, refusingBackend } from './support/backends.js';
import { clickDeep, typeNewPassword } from './support/play.js';
import { screen } from './support/render.js';
import { accountLinks, type AccountLinks } from './support/tokens.js';

/**
 * `<portier-password-reset>`: without a token, ask for a reset e-mail (the same answer whether or
 * not the e-mail exists); with the link's token, set the new password.
 */
const meta: Meta = { title: 'Account screens/Password reset', component: 'portier-password-reset' };
export default meta;
type Story = StoryObj;

const links = (loaded: Record<string, unknown>) => loaded['links'] as AccountLinks;
const send = async () => ({ links: await accountLinks(memoryBackend()) });

/** Ask for the e-mail. */
export const Default: Story = { render: (_args, context) => screen('portier-password-reset', {}, context) };
/** From the link: set the new password. */
export const FromTheLink: Story = {
  loaders: [send],
  render: (_args, context) => screen('portier-password-reset', { backend: links(context.loaded).backend, attributes: { token: links(context.loaded).reset } }, context),
};
/** An unknown token. */
export const Empty: Story = { render: (_args, context) => screen('portier-password-reset', { attributes: { token: 'no-such-token' } }, context) };
export const Loading: Story = { render: (_args, context) => screen('portier-password-reset', { backend: 'loading', attributes: { token: 'abc' } }, context) };
export const LoadError: Story = { render: (_args, context) => screen('portier-password-reset', { backend: 'error', attributes: { token: 'abc' } }, context) };
/** The link (valid one day) has expired. */
export const ExpiredLink: Story = {
  loaders: [
    async () => {
      const result = await accountLinks(memoryBackend());
      (result.backend.clock as ManualClock).advance(2 * DAY_MS);
      return { links: result };
    },
  ],
  render: (_args, context) => screen('portier-password-reset', { backend: links(context.loaded).backend, attributes: { token: links(context.loaded).reset } }, context),
};
/**
 * The new password is refused by the backend (`weak-password`, on a list of common passwords the
 * screen does not know). Opens after a new password was typed and sent, on the refusal.
 */
export const Refused: Story = {
  loaders: [send],
  render: (_args, context) => {
    const { backend, reset } = links(context.loaded);
    const refusing = { ...refusingBackend('weak-password', { rules: [{ rule: 'common' }] }), inspectToken: backend.inspectToken };
    return screen('portier-password-reset', { backend: refusing, attributes: { token: reset } }, context);
  },
  play: async ({ canvasElement }) => {
    await typeNewPassword(canvasElement);
    await clickDeep(canvasElement, '[part~="submit"]');
  },
};
