import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LANGUAGES } from '@portier/core';
import type { StoryContext } from '@storybook/web-components-vite';
import { screen } from './support/render.js';

/**
 * The four languages side by side (the toolbar switches one screen at runtime; this page shows
 * them all at once, to compare lengths and layout).
 */
const meta: Meta = { title: 'Docs/Locales side by side', parameters: { layout: 'fullscreen' } };
export default meta;
type Story = StoryObj;

function sideBySide(tag: string, options: Parameters<typeof screen>[1], context: StoryContext): HTMLElement {
  const grid = document.createElement('div');
  grid.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:1rem;padding:1rem';
  for (const locale of LANGUAGES) {
    const cell = document.createElement('section');
    cell.lang = locale;
    cell.setAttribute('aria-label', locale);
    const label = document.createElement('h3');
    label.textContent = locale.toUpperCase();
    label.style.cssText = 'margin:0 0 .5rem;font:700 13px system-ui,sans-serif;letter-spacing:.1em';
    // Each cell has its own store and a fixed locale (not the toolbar's).
    const provider = screen(tag, options, { ...context, id: `${context.id}-${locale}`, globals: { ...context.globals, locale } });
    cell.append(label, provider);
    grid.append(cell);
  }
  return grid;
}

export const OwnProfile: Story = { render: (_args, context) => sideBySide('portier-own-profile', { actorId: 'u-004' }, context) };
export const UserProfile: Story = { render: (_args, context) => sideBySide('portier-user-profile', { attributes: { 'user-id': 'u-009' } }, context) };
export const PasswordReset: Story = { render: (_args, context) => sideBySide('portier-password-reset', {}, context) };
export const AuditLogRefused: Story = { render: (_args, context) => sideBySide('portier-audit-log', { actorId: 'u-004' }, context) };
