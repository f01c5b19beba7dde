import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { refusingBackend } from './support/backends.js';
import { screen } from './support/render.js';

/**
 * `<portier-password-change>`: an expired initial password must be changed at first sign-in
 * (seed 001). The demo's u-016 (pieter.jacobs@lambert.example) has one; its password is
 * `Portier-Demo-2026!`.
 */
const meta: Meta = { title: 'Account screens/Password change', component: 'portier-password-change' };
export default meta;
type Story = StoryObj;

const email = 'pieter.jacobs@lambert.example';

export const Default: Story = { render: (_args, context) => screen('portier-password-change', { attributes: { email } }, context) };
/** No e-mail given: the user types it. */
export const Empty: Story = { render: (_args, context) => screen('portier-password-change', {}, context) };
export const Loading: Story = { render: (_args, context) => screen('portier-password-change', { backend: 'loading', attributes: { email } }, context) };
export const LoadError: Story = { render: (_args, context) => screen('portier-password-change', { backend: 'error', attributes: { email } }, context) };
/** The backend refuses: the account was blocked meanwhile. */
export const Refused: Story = {
  render: (_args, context) => screen('portier-password-change', { backend: refusingBackend('account-blocked'), attributes: { email } }, context),
};
