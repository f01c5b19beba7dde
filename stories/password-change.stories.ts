import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { failingOnBackend, hangingOnBackend, refusingBackend } from './support/backends.js';
import { clickDeep, typeInto, typeNewPassword, waitForDeep } from './support/play.js';
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

/** Fills the form for u-016 (its current password and a new one) and sends it. */
const submit: Story['play'] = async ({ canvasElement }) => {
  typeInto(await waitForDeep<HTMLInputElement>(canvasElement, '#current'), 'Portier-Demo-2026!');
  await typeNewPassword(canvasElement);
  await clickDeep(canvasElement, '[part~="submit"]');
};

export const Default: Story = { render: (_args, context) => screen('portier-password-change', { attributes: { email } }, context) };
/** No e-mail given: the user types it. */
export const Empty: Story = { render: (_args, context) => screen('portier-password-change', {}, context) };
/**
 * The screen loads nothing before its form: its only wait is the change itself. The backend never
 * answers `changePassword`; opens after the form was sent, on "Changing…".
 */
export const Loading: Story = {
  render: (_args, context) => screen('portier-password-change', { backend: hangingOnBackend(['changePassword']), attributes: { email } }, context),
  play: submit,
};
/**
 * The backend cannot be reached when the form is sent (`changePassword` fails with `network`):
 * opens on the error, with the form kept to try again.
 */
export const LoadError: Story = {
  render: (_args, context) => screen('portier-password-change', { backend: failingOnBackend(['changePassword']), attributes: { email } }, context),
  play: submit,
};
/** The backend refuses: the account was blocked meanwhile. Opens after the form was sent, on the refusal. */
export const Refused: Story = {
  render: (_args, context) => screen('portier-password-change', { backend: refusingBackend('account-blocked'), attributes: { email } }, context),
  play: submit,
};
