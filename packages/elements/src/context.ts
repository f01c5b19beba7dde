import { ContextRoot, createContext } from '@lit/context';
import type { Portier } from '@portier/core';
import type { Language } from '@portier/core';

/** The store every Portier element reads; `<portier-provider>` provides it. */
export const portierContext = createContext<Portier>(Symbol.for('portier'));

/** The locale a `<portier-provider locale="…">` hands down (undefined: not set there). */
export const localeContext = createContext<Language | undefined>(Symbol.for('portier-locale'));

/**
 * A screen defined before `<portier-provider>` (imports in another order, a provider loaded
 * later) asks for the store before any provider can answer, and would wait for good. The root
 * keeps those requests and asks again when a provider connects, so the order does not matter.
 */
if (typeof document !== 'undefined') new ContextRoot().attach(document.documentElement);
