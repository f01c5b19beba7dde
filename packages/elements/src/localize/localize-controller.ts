import { ContextConsumer } from '@lit/context';
import type { Language } from '@portier/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext } from '../context.js';
import { loadLocale, loadedMessages, toLanguage } from './load-locale.js';
import type { Messages } from './messages.js';

/** An element whose language can be set with a `locale` attribute or property. */
export type LocalizedHost = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

/** Options of {@link LocalizeController}. */
export interface LocalizeOptions {
  /** The store's locale, the last fallback before English. */
  fallback?: () => Language | undefined;
}

/** The nearest `lang` of an ancestor, crossing shadow roots. */
function inheritedLang(element: Element): Language | undefined {
  let node: Element | null = element.parentElement ?? ((element.getRootNode() as ShadowRoot).host ?? null);
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) {
      const language = toLanguage(found.getAttribute('lang'));
      if (language) return language;
      node = found.parentElement ?? ((found.getRootNode() as ShadowRoot).host ?? null);
      continue;
    }
    node = (node.getRootNode() as ShadowRoot).host ?? null;
  }
  return undefined;
}

/**
 * Resolves an element's language and loads its messages (only that locale, by dynamic import).
 * The language is, first found: the element's `locale`, the provider's `locale`, the element's
 * own `lang` (set by the page), the nearest ancestor's `lang`, the store's locale, English. The
 * host gets `lang` set to the active language (unless the page set one), for screen readers. It is read again on every update, so changing
 * any of them switches the texts at runtime; while a new locale loads, the previous texts stay.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocalizedHost;
  readonly #provided: ContextConsumer<typeof localeContext, LocalizedHost>;
  readonly #fallback: (() => Language | undefined) | undefined;
  #locale: Language = 'en';
  #messages: Messages | undefined;
  /** The `lang` this controller wrote on the host (a page's own `lang` is never overwritten). */
  #writtenLang: string | undefined;

  constructor(host: LocalizedHost, options: LocalizeOptions = {}) {
    this.#host = host;
    this.#fallback = options.fallback;
    this.#provided = new ContextConsumer(host, { context: localeContext, subscribe: true, callback: () => host.requestUpdate() });
    host.addController(this);
  }

  /** The active language. */
  get locale(): Language {
    return this.#locale;
  }

  /** The active messages; undefined until the first locale has loaded. */
  get messages(): Messages | undefined {
    return this.#messages;
  }

  /** Resolves the language now (also called before every update). */
  resolve(): Language {
    return (
      toLanguage(this.#host.locale) ??
      toLanguage(this.#provided.value) ??
      (this.#ownLang() ? toLanguage(this.#host.getAttribute('lang')) : undefined) ??
      (this.#host.isConnected ? inheritedLang(this.#host) : undefined) ??
      this.#fallback?.() ??
      'en'
    );
  }

  hostConnected(): void {
    this.#apply();
  }

  hostUpdate(): void {
    this.#apply();
  }

  /** The host carries a `lang` that the page set (not this controller). */
  #ownLang(): boolean {
    const lang = this.#host.getAttribute('lang');
    return lang !== null && lang !== this.#writtenLang;
  }

  #apply(): void {
    const locale = this.resolve();
    const ready = loadedMessages(locale);
    if (ready) {
      this.#locale = locale;
      this.#messages = ready;
      // Screen readers pronounce, and browsers hyphenate, in the language of the texts.
      if (!this.#ownLang() && this.#host.getAttribute('lang') !== locale) {
        this.#writtenLang = locale;
        this.#host.setAttribute('lang', locale);
      }
      return;
    }
    loadLocale(locale).then(
      () => {
        if (this.resolve() === locale) this.#host.requestUpdate();
      },
      () => undefined,
    );
  }
}
