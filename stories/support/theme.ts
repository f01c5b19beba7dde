import type { Decorator } from '@storybook/web-components-vite';

/**
 * The dark theme of the stories: the host sets Portier's public tokens on an ancestor, the way a
 * host page would (they inherit through every shadow root).
 */
const STYLES = `
  .portier-story { padding: 1rem; border-radius: 8px; font-family: system-ui, 'Liberation Sans', sans-serif; }
  .portier-story[data-theme='light'] { background: #ffffff; color: #1b2430; }
  .portier-story[data-theme='dark'] {
    color-scheme: dark;
    background: #15191f;
    color: #e8ecf1;
    --portier-color-background: #15191f;
    --portier-color-surface: #1e242c;
    --portier-color-text: #e8ecf1;
    --portier-color-text-muted: #a9b3bf;
    --portier-color-border: #3a4350;
    --portier-color-primary: #7fb4ff;
    --portier-color-on-primary: #0b1a2e;
    --portier-color-danger: #ffb4ab;
    --portier-color-danger-surface: #3b1512;
    --portier-color-success: #8fd9a3;
    --portier-color-success-surface: #12301c;
    --portier-color-warning: #ffd37a;
    --portier-color-warning-surface: #33270c;
    --portier-color-focus: #8ab4f8;
  }
`;

let injected = false;

/** Wraps every story in a themed box (toolbar `theme`) and sets `lang` from the toolbar `locale`. */
export const themeDecorator: Decorator = (story, context) => {
  if (!injected) {
    const style = document.createElement('style');
    style.textContent = STYLES;
    document.head.append(style);
    injected = true;
  }
  const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const wrapper = document.createElement('div');
  wrapper.className = 'portier-story';
  wrapper.dataset['theme'] = theme;
  wrapper.lang = String(context.globals['locale'] ?? 'en');
  document.documentElement.style.background = theme === 'dark' ? '#0f1216' : '';
  const content = story();
  if (content instanceof Node) wrapper.append(content);
  return wrapper;
};
