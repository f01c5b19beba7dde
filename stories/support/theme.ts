import type { Decorator } from '@storybook/web-components-vite';

/**
 * The theme of the stories, from the toolbar: the frame around a story takes the light or the
 * dark colours, and every Portier screen of the story gets `theme="light"` or `theme="dark"`, so
 * the screens follow the toolbar rather than the operating system's `prefers-color-scheme`
 * (`<portier-admin>` passes its theme on to the screens it shows). A screen whose story already
 * chose a theme (a sample pinned to one scheme, as in Docs/Theming) keeps it.
 */
const STYLES = `
  .portier-story { padding: 1rem; border-radius: 8px; font-family: system-ui, 'Liberation Sans', sans-serif; }
  .portier-story[data-theme='light'] { color-scheme: light; background: #ffffff; color: #1b2430; }
  .portier-story[data-theme='dark'] { color-scheme: dark; background: #15191f; color: #e8ecf1; }
`;

/** The page's own colours outside the frame. */
const PAGE_BACKGROUND = { light: '#ffffff', dark: '#0f1216' } as const;

type Theme = keyof typeof PAGE_BACKGROUND;

/** The screens whose `theme` this decorator set (the others had one from their story: left alone). */
const themedByToolbar = new WeakSet<Element>();

/** Sets `theme` on every Portier element in `root` (itself included), except the provider (it has no theme). */
function applyTheme(root: Element | DocumentFragment, theme: Theme): void {
  for (const element of [...(root instanceof Element ? [root] : []), ...root.querySelectorAll('*')]) {
    const tag = element.localName;
    if (!tag.startsWith('portier-') || tag === 'portier-provider') continue;
    if (element.hasAttribute('theme') && !themedByToolbar.has(element)) continue;
    element.setAttribute('theme', theme);
    themedByToolbar.add(element);
  }
}

let injected = false;

/** Wraps every story in a themed box (toolbar `theme`), themes its screens, and sets `lang` from the toolbar `locale`. */
export const themeDecorator: Decorator = (story, context) => {
  if (!injected) {
    const style = document.createElement('style');
    style.textContent = STYLES;
    document.head.append(style);
    injected = true;
  }
  const theme: Theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
  const wrapper = document.createElement('div');
  wrapper.className = 'portier-story';
  wrapper.dataset['theme'] = theme;
  wrapper.lang = String(context.globals['locale'] ?? 'en');
  document.documentElement.style.background = PAGE_BACKGROUND[theme];
  document.documentElement.style.colorScheme = theme;
  const content = story();
  if (content instanceof Element || content instanceof DocumentFragment) applyTheme(content, theme);
  if (content instanceof Node) wrapper.append(content);
  return wrapper;
};
