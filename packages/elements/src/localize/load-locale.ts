import { LANGUAGES, type Language } from '@portier/core';
import type { Messages } from './messages.js';

/** One loader per locale: a bundler splits each into its own chunk, so only the active one is fetched. */
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.js'),
  fr: () => import('./locales/fr.js'),
  nl: () => import('./locales/nl.js'),
  de: () => import('./locales/de.js'),
};

const loaded = new Map<Language, Messages>();
const loading = new Map<Language, Promise<Messages>>();

/** The messages of `locale` when already loaded (synchronously), else undefined. */
export function loadedMessages(locale: Language): Messages | undefined {
  return loaded.get(locale);
}

/**
 * Loads the messages of one locale (once). Call it ahead of time (a host's start-up, a test's
 * `before`) so that the first render already has its texts.
 */
export function loadLocale(locale: Language): Promise<Messages> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = loaders[locale]().then((module) => {
      loaded.set(locale, module.default);
      return module.default;
    });
    loading.set(locale, promise);
    promise.catch(() => loading.delete(locale));
  }
  return promise;
}

/** `fr-BE` → `fr`; undefined when not one of the shipped languages. */
export function toLanguage(value: string | null | undefined): Language | undefined {
  if (!value) return undefined;
  const base = value.trim().slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : undefined;
}
