// The CSS of the elements is written readably (comments, indentation) in Lit `css` template
// literals. JavaScript minifiers leave template contents alone, so a host would ship all of that:
// this minifies each literal's CSS with esbuild's CSS minifier. Used by `pnpm build` (dist/, what
// hosts bundle), by `pnpm bench` (the sizes it reports) and by the browser tests (which thus run
// the styles as shipped).
import { transform } from 'esbuild';

/**
 * A `css` tagged literal without escapes (tsc writes "css `"); its interpolations, if any, are
 * simple `${name}`s.
 */
const CSS_LITERAL = /\bcss\s*`((?:[^`$\\]|\$\{[\w.]+\})*)`/g;
const INTERPOLATION = /(\$\{[\w.]+\})/;

/** Returns `source` with the CSS of every plain `css` literal minified (unchanged when there is none). */
export async function minifyCssLiterals(source) {
  if (!/\bcss\s*`/.test(source)) return source;
  let result = '';
  let last = 0;
  for (const match of source.matchAll(CSS_LITERAL)) {
    const text = match[1];
    // Around interpolations (CSS composed from other literals) only comments and runs of
    // whitespace go: the pieces alone are not CSS that a minifier could read.
    const minified = INTERPOLATION.test(text)
      ? text
          .split(INTERPOLATION)
          .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ')))
          .join('')
          .trim()
      : ((await minifyCss(text)) ?? text);
    result += `${source.slice(last, match.index)}css\`${minified}\``;
    last = match.index + match[0].length;
  }
  return result + source.slice(last);
}

/**
 * The CSS minified: a stylesheet, or a list of declarations meant to be put in a rule by
 * interpolation (read inside a rule, then taken out). Undefined when esbuild does not read it
 * without a warning: then it is shipped as written rather than risk changing it.
 */
export async function minifyCss(text) {
  const sheet = await transform(text, { loader: 'css', minify: true });
  if (sheet.warnings.length === 0) return sheet.code.trim();
  const rule = await transform(`x{${text}}`, { loader: 'css', minify: true });
  const declarations = rule.code.trim();
  if (rule.warnings.length === 0 && declarations.startsWith('x{') && declarations.endsWith('}')) return declarations.slice(2, -1);
  return undefined;
}

/** The same as an esbuild plugin, for the elements' sources (`*.styles.ts`, the theme, the provider). */
export function minifyCssLiteralsPlugin() {
  return {
    name: 'portier-minify-css-literals',
    setup(build) {
      build.onLoad({ filter: /packages[\\/]elements[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const source = await readFile(args.path, 'utf8');
        if (!/\bcss\s*`/.test(source)) return undefined;
        return { contents: await minifyCssLiterals(source), loader: 'ts' };
      });
    },
  };
}
