import type { Preview } from '@storybook/web-components-vite';
import { LANGUAGES } from '@portier/core';
import { themeDecorator } from '../stories/support/theme.js';

/**
 * Global toolbars: the locale of every screen (fr / nl / de / en, switched at runtime without a
 * reload) and a light or dark theme. Stories read `globals.locale` through `stories/support`.
 */
const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the Portier screens',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: LANGUAGES.map((code) => ({ value: code, title: { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' }[code], right: code })),
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'light' },
  decorators: [themeDecorator],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
