import { createContext } from '@lit/context';
import type { Portier } from '@portier/core';
import type { Language } from '@portier/core';

/** The store every Portier element reads; `<portier-provider>` provides it. */
export const portierContext = createContext<Portier>(Symbol.for('portier'));

/** The locale a `<portier-provider locale="…">` hands down (undefined: not set there). */
export const localeContext = createContext<Language | undefined>(Symbol.for('portier-locale'));
