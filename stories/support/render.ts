import '../../packages/elements/src/define.js';
import { createManualClock, createPortier, type Clock, type Language, type Portier, type PortierBackend } from '@portier/core';
import type { StoryContext } from '@storybook/web-components-vite';
import { failingBackend, loadingBackend, memoryBackend, refusingBackend, type StoryState } from './backends.js';
import { STORY_NOW, demoData, largeSeed, loneSuperUserSeed } from './seeds.js';

/** How a story builds its screen. */
export interface ScreenOptions {
  /** A ready backend, or one of the standard states. Default `default` (the demo data). */
  backend?: PortierBackend | StoryState;
  /** Who the store acts as. Default: the backend's own (the demo's super user u-001). */
  actorId?: string;
  /** Attributes of the screen element (`user-id`, `token`…). */
  attributes?: Record<string, string>;
  /** Properties of the screen element. */
  properties?: Record<string, unknown>;
  /** Runs once the store is ready (set a filter, make changes to show…). */
  setup?: (store: Portier) => Promise<void> | void;
}

/** The standard backend of each state (`refused` refuses every change with `forbidden`). */
export function backendFor(state: StoryState): PortierBackend {
  switch (state) {
    case 'default':
      return memoryBackend();
    case 'empty':
      return memoryBackend(loneSuperUserSeed());
    case 'loading':
      return loadingBackend();
    case 'error':
      return failingBackend('network');
    case 'large':
      return memoryBackend(largeSeed(10_000));
    case 'refused':
      return refusingBackend('forbidden', {}, demoData());
  }
}

interface Cached {
  key: string;
  provider: HTMLElementTagNameMap['portier-provider'];
}

/** One screen per story, kept while only the toolbar changes: switching locale re-renders it in place. */
const cache = new Map<string, Cached>();

function localeOf(context: StoryContext): Language {
  const locale = context.globals['locale'];
  return locale === 'fr' || locale === 'nl' || locale === 'de' || locale === 'en' ? locale : 'en';
}

/**
 * `<portier-provider locale=…><tag …></tag></portier-provider>` over a fresh store. The locale comes
 * from the toolbar and is switched at runtime (no new store, nothing typed is lost).
 */
export function screen(tag: string, options: ScreenOptions, context: StoryContext): HTMLElement {
  const locale = localeOf(context);
  const key = JSON.stringify({ args: context.args, loaded: Object.keys(context.loaded ?? {}) });
  const cached = cache.get(context.id);
  if (cached && cached.key === key) {
    cached.provider.locale = locale;
    return cached.provider;
  }
  const backend = typeof options.backend === 'object' ? options.backend : backendFor(options.backend ?? 'default');
  const clock: Clock = (backend as { clock?: Clock }).clock ?? createManualClock(STORY_NOW);
  const store = createPortier({ backend, clock, locale, ...(options.actorId ? { actorId: options.actorId } : {}) });
  const provider = document.createElement('portier-provider');
  provider.portier = store;
  provider.locale = locale;
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  Object.assign(element, options.properties ?? {});
  provider.append(element);
  if (options.setup) void store.ready.then(() => options.setup?.(store)).catch(() => undefined);
  cache.set(context.id, { key, provider });
  return provider;
}

/**
 * The standard states of a screen as story objects: default, empty, loading, error, 10,000 users
 * and a refused action. `refusal` is the backend the refused story uses (default: every change
 * refused with `forbidden`).
 */
export function standardStates(
  tag: string,
  base: Omit<ScreenOptions, 'backend'> = {},
  refusal: { backend: PortierBackend | (() => PortierBackend); description: string } = {
    backend: () => backendFor('refused'),
    description: 'The backend refuses every change: save anything to see how the refusal reads, with the input kept.',
  },
) {
  const story = (state: StoryState, description: string, override: Partial<ScreenOptions> = {}) => ({
    render: (_args: unknown, context: StoryContext) => {
      const backend = state === 'refused' ? (typeof refusal.backend === 'function' ? refusal.backend() : refusal.backend) : state;
      return screen(tag, { ...base, backend, ...override }, context);
    },
    parameters: { docs: { description: { story: description } } },
  });
  return {
    Default: story('default', 'The demo organization (Groupe Lambert, 40 users) as its main super user sees it.'),
    Empty: story('empty', 'Day one: an organization whose only user is its super user.'),
    Loading: story('loading', 'The backend never answers: the loading state.'),
    Error: story('error', 'The backend fails to load (`network`): the error state.'),
    TenThousandUsers: story('large', '10,000 users in the organization.'),
    Refused: story('refused', refusal.description),
  };
}
