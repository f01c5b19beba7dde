import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the Portier screens (`pnpm storybook`, `pnpm build-storybook`): every screen in
 * its states, over the memory backend, in every locale (toolbar) and in light and dark themes.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Workspace packages resolve to their TypeScript sources, as in the demo and the tests.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['source', 'browser', 'module', 'import', 'default'] };
    return viteConfig;
  },
};

export default config;
