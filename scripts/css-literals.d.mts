import type { Plugin } from 'esbuild';

/** Returns `source` with the CSS of every plain `css` literal minified (unchanged when there is none). */
export function minifyCssLiterals(source: string): Promise<string>;

/** The same as an esbuild plugin, for the elements' sources. */
export function minifyCssLiteralsPlugin(): Plugin;

/** The CSS minified (a stylesheet, or a declaration list); undefined when esbuild does not read it without a warning. */
export function minifyCss(text: string): Promise<string | undefined>;
