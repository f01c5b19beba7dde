import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { screen } from './support/render.js';

/**
 * Theming: a host restyles every Portier screen with the `--portier-*` custom properties (they
 * inherit through shadow roots, so set them on any ancestor), reaches inside with `::part()`, and
 * picks the dark defaults with `theme="dark"` on an element or `prefers-color-scheme: dark`. The
 * font is the host's own (inherited) unless `--portier-font-family` says otherwise.
 */
const meta: Meta = {
  title: 'Docs/Theming',
  parameters: { layout: 'padded', docs: { description: { component: 'The `--portier-*` tokens, `::part()` styling and the dark theme.' } } },
};
export default meta;
type Story = StoryObj;

/** The public tokens with their light and dark defaults (packages/elements/src/theme/tokens.ts). */
const TOKENS: [name: string, light: string, dark: string, use: string][] = [
  ['--portier-color-background', '#ffffff', '#15191f', 'Background of every screen'],
  ['--portier-color-surface', '#f4f6f9', '#1e242c', 'Table headers, read-only fields, banners'],
  ['--portier-color-text', '#1b2430', '#e8ecf1', 'Text'],
  ['--portier-color-text-muted', '#55606e', '#a9b3bf', 'Hints, secondary text'],
  ['--portier-color-border', '#c9d1db', '#3a4350', 'Borders of fields, tables, buttons'],
  ['--portier-color-primary', '#0b5cad', '#7fb4ff', 'Primary buttons, links, checked controls'],
  ['--portier-color-on-primary', '#ffffff', '#0b1a2e', 'Text on the primary colour'],
  ['--portier-color-danger', '#b3261e', '#ffb4ab', 'Errors, refusals, destructive buttons'],
  ['--portier-color-danger-surface', '#fdecea', '#3b1512', 'Background of error banners, blocked badges'],
  ['--portier-color-success', '#1c6b34', '#8fd9a3', 'Confirmations, active badges'],
  ['--portier-color-success-surface', '#e6f4ea', '#12301c', 'Background of confirmations'],
  ['--portier-color-warning', '#7a4f00', '#ffd37a', 'Invited and expired badges, notices'],
  ['--portier-color-warning-surface', '#fff3d6', '#33270c', 'Background of notices'],
  ['--portier-color-focus', '#1a73e8', '#8ab4f8', 'The focus ring'],
  ['--portier-font-family', 'inherit', 'inherit', "Font (the host's by default)"],
  ['--portier-font-size', 'inherit', 'inherit', 'Base font size'],
  ['--portier-radius', '6px', '6px', 'Corner radius'],
  ['--portier-space', '0.5rem', '0.5rem', 'The spacing unit'],
  ['--portier-density', '1', '1', 'Multiplies spacing and row heights (0.8 = compact)'],
];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function swatch(value: string): Node {
  if (!value.startsWith('#')) return document.createTextNode(value);
  const box = el('span', {}, value);
  box.style.cssText = 'display:inline-flex;align-items:center;gap:.4rem';
  const chip = el('span');
  chip.style.cssText = `display:inline-block;width:1rem;height:1rem;border-radius:3px;border:1px solid #8889;background:${value}`;
  box.prepend(chip);
  return box;
}

function code(text: string): HTMLElement {
  const pre = el('pre', {}, text);
  pre.style.cssText = 'background:#0f1720;color:#e6edf3;padding:1rem;border-radius:8px;overflow:auto;font-size:13px';
  return pre;
}

/** Every token, its default in light and dark, and what it colours. */
export const Tokens: Story = {
  render: () => {
    const table = el('table');
    table.style.cssText = 'border-collapse:collapse;width:100%;font:14px system-ui,sans-serif';
    const head = el('tr');
    for (const title of ['Token', 'Light default', 'Dark default', 'Used for']) head.append(el('th', { scope: 'col' }, title));
    table.append(el('caption', {}, 'The public theme tokens of Portier'), el('thead', {}, head));
    const body = el('tbody');
    for (const [name, light, dark, use] of TOKENS) {
      const row = el('tr', {}, el('td', {}, el('code', {}, name)), el('td', {}, swatch(light)), el('td', {}, swatch(dark)), el('td', {}, use));
      body.append(row);
    }
    table.append(body);
    for (const cell of table.querySelectorAll<HTMLElement>('th,td')) cell.style.cssText = 'text-align:start;padding:.4rem .6rem;border-bottom:1px solid #8884';
    const intro = el(
      'p',
      {},
      'Set the tokens on any ancestor of the screens (they inherit through shadow roots). Unset tokens fall back to the light defaults, or to the dark ones under ',
      el('code', {}, 'prefers-color-scheme: dark'),
      ' or ',
      el('code', {}, 'theme="dark"'),
      '. Reach further with ',
      el('code', {}, '::part()'),
      ' (see "Part styling").',
    );
    intro.style.cssText = 'font:15px/1.5 system-ui,sans-serif;max-width:60rem';
    return el('div', {}, el('h2', {}, 'Theme tokens'), intro, code(':root {\n  --portier-color-primary: #0f5566;\n  --portier-radius: 12px;\n  --portier-density: 0.85;\n}'), table);
  },
};

const HOST_CSS = `/* On <portier-user-list theme="light">: a light brand, so the screen is pinned to the light
   scheme, and the tokens left out keep their light defaults. */
.lumen {
  --portier-font-family: Georgia, 'DejaVu Serif', serif;
  --portier-color-primary: #0f5566;
  --portier-color-focus: #f2a20c;
  --portier-color-surface: #f3f0e8;
  --portier-color-border: #d9d4c7;
  --portier-radius: 12px;
  --portier-density: 0.85;
}`;

/**
 * A sample pinned to the light scheme: `theme="light"` on the screen, shown on a light host page
 * whatever the toolbar's theme. A brand that sets only some colours is complete in one scheme only:
 * the tokens it leaves out take the defaults of the scheme the screen is in.
 */
function lightSample(className: string, provider: HTMLElement): HTMLElement {
  for (const element of provider.querySelectorAll('*')) if (element.localName.startsWith('portier-')) element.setAttribute('theme', 'light');
  const box = el('div', { className }, provider);
  box.style.cssText = 'color-scheme:light;background:#ffffff;color:#1b2430;padding:1rem;border-radius:8px;border:1px solid #c9d1db';
  return box;
}

/**
 * A host's brand through the tokens only: font, colours, radius and a compact density. A light
 * brand: the screen is pinned to `theme="light"` (in the dark toolbar theme too), so that the
 * colours it does not set keep their light defaults.
 */
export const HostTokens: Story = {
  render: (_args, context) => {
    const style = el('style', {}, HOST_CSS);
    return el('div', {}, style, code(HOST_CSS), lightSample('lumen', screen('portier-user-list', {}, context)));
  },
};

const PART_CSS = `/* On <portier-user-list theme="light">: light colours, so the screen is pinned to the light scheme. */
.parts portier-user-list::part(title) {
  font-family: Georgia, serif;
  letter-spacing: 0.02em;
  border-bottom: 4px solid #f2a20c;
  padding-bottom: 0.25rem;
}
.parts portier-user-list::part(create-button) {
  border-radius: 999px;
  background: #f2a20c;
  border-color: #f2a20c;
  color: #1c1400;
}
.parts portier-user-list::part(filters) {
  background: #fff8e8;
  border-color: #f2a20c;
}
.parts portier-user-list::part(columnheader) {
  /* Every header cell as tall as the row: one even band. */
  align-self: stretch;
  display: flex;
  align-items: center;
  background: #fce4a8;
  color: #1c1400;
}
.parts portier-user-list::part(sort-button) {
  color: inherit;
}
.parts portier-user-list::part(status) {
  text-transform: uppercase;
  letter-spacing: 0.05em;
}
.parts { --portier-user-list-height: 22rem; }`;

/**
 * Reaching inside with `::part()`: the title, the create button, the filter bar, the header cells
 * (stretched to one even band) and the status badges (each element's `@csspart` list), plus a
 * component property (`--portier-user-list-height`). Light colours: the screen is pinned to
 * `theme="light"` (in the dark toolbar theme too).
 */
export const PartStyling: Story = {
  render: (_args, context) => {
    const style = el('style', {}, PART_CSS);
    return el('div', {}, style, code(PART_CSS), lightSample('parts', screen('portier-user-list', {}, context)));
  },
};

/**
 * Dark: the element's own dark defaults with `theme="dark"` (left), and a host's own dark palette
 * through the tokens (right; on `theme="dark"` too, so that the colours it leaves out, such as
 * errors and notices, take the dark defaults). Without the attribute, `prefers-color-scheme: dark`
 * picks the defaults. Both keep their theme whatever the toolbar's.
 */
export const DarkTheme: Story = {
  render: (_args, context) => {
    const grid = el('div');
    grid.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:1rem';
    const left = screen('portier-own-profile', { actorId: 'u-004' }, { ...context, id: `${context.id}-left` });
    left.querySelector('portier-own-profile')?.setAttribute('theme', 'dark');
    const right = screen('portier-own-profile', { actorId: 'u-004' }, { ...context, id: `${context.id}-right` });
    right.querySelector('portier-own-profile')?.setAttribute('theme', 'dark');
    const rightBox = el('div', {}, right);
    rightBox.style.cssText =
      'background:#101c1f;padding:1rem;border-radius:8px;--portier-color-background:#101c1f;--portier-color-surface:#17292d;--portier-color-text:#e9f2f1;--portier-color-text-muted:#9fb7b6;--portier-color-border:#2c4a4f;--portier-color-primary:#f2a20c;--portier-color-on-primary:#1c1400;--portier-color-focus:#f2a20c';
    const leftBox = el('div', {}, left);
    leftBox.style.cssText = 'background:#15191f;padding:1rem;border-radius:8px';
    grid.append(el('div', {}, el('h3', {}, 'theme="dark"'), leftBox), el('div', {}, el('h3', {}, 'A host palette through the tokens'), rightBox));
    return grid;
  },
};
