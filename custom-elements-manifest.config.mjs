// `pnpm analyze`: custom-elements.json of @portier/elements, from the JSDoc of every element
// (@summary, @event, @slot, @csspart, @cssproperty) and Lit's decorators (attributes, properties).
// Output: packages/elements/custom-elements.json (committed; test/custom-elements.node.test.ts
// checks it is complete and up to date).
import { existsSync, readFileSync } from 'node:fs';

const ROOT = new URL('./', import.meta.url);

/**
 * The analyzer also records every `dispatchEvent(new X(...))` it cannot name (our events are
 * classes, so their name is not a string literal at the call site), and events of libraries.
 * Keep only the documented `portier-*` events, once each.
 */
function portierEventsOnly() {
  const keep = (event) => typeof event?.name === 'string' && /^portier-[a-z-]+$/.test(event.name);
  return {
    name: 'portier-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!Array.isArray(declaration.events)) continue;
          const seen = new Set();
          declaration.events = declaration.events.filter((event) => {
            if (!keep(event) || seen.has(event.name)) return false;
            seen.add(event.name);
            return true;
          });
          if (declaration.events.length === 0) delete declaration.events;
        }
      }
    },
  };
}

/**
 * True when the module at `path` (a manifest path, or a superclass's import specifier ending in
 * `.js`) uses the theme `tokens`, itself or through a sibling `x.styles.ts` it imports.
 */
function usesTheme(path, depth = 0) {
  if (!path) return false;
  const file = new URL(path.replace(/^\//, '').replace(/\.js$/, '.ts'), ROOT);
  if (!existsSync(file)) return false;
  const source = readFileSync(file, 'utf8');
  if (/\btokens\b/.test(source)) return true;
  if (depth > 0) return false;
  return [...source.matchAll(/from '(\.[^']+\.styles)\.js'/g)].some(([, relative]) =>
    usesTheme(new URL(`${relative}.ts`, file).pathname.slice(ROOT.pathname.length), depth + 1),
  );
}

/**
 * Every element whose styles include the theme reads the `--portier-*` tokens of
 * `theme/tokens.ts` on its `:host`: list them as CSS properties of that element, after its own.
 * Also drops the source text of `css` blocks (alone or in a list of styles) that the analyzer records as variable defaults.
 */
function themeTokens() {
  const source = readFileSync(new URL('packages/elements/src/theme/tokens.ts', ROOT), 'utf8');
  const tokens = new Map();
  // The light defaults: the first fallback of each token from `tokens` on (the dark ones come before it).
  const fromTokens = source.slice(source.indexOf('export const tokens'));
  for (const [, name, fallback] of fromTokens.matchAll(/var\((--portier-[a-z-]+),\s*([^)]+?)\)/g)) {
    if (!tokens.has(name)) tokens.set(name, fallback.trim());
  }
  const describe = (name) =>
    `Theme token: ${name.replace('--portier-', '').replace(/-/g, ' ')} (light default shown; dark defaults apply under \`theme="dark"\` or the system's dark scheme).`;
  return {
    name: 'portier-theme-tokens',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind === 'variable' && typeof declaration.default === 'string' && declaration.default.includes('css`')) delete declaration.default;
          if (!declaration.customElement || !declaration.tagName) continue;
          if (!usesTheme(module.path) && !usesTheme(declaration.superclass?.module)) continue;
          const own = declaration.cssProperties ?? [];
          const names = new Set(own.map((property) => property.name));
          declaration.cssProperties = [
            ...own,
            ...[...tokens].filter(([name]) => !names.has(name)).map(([name, fallback]) => ({ name, description: describe(name), default: fallback })),
          ];
        }
      }
    },
  };
}

/**
 * `<portier-admin>` forwards the parts of the screens it shows under the same names
 * (`exportparts`): list them on the admin too, after its own, each saying which screens have it,
 * so that editors offer `portier-admin::part(row)`.
 */
function forwardedScreenParts() {
  return {
    name: 'portier-forwarded-screen-parts',
    packageLinkPhase({ customElementsManifest }) {
      const declarations = (customElementsManifest.modules ?? []).flatMap((module) => module.declarations ?? []);
      const admin = declarations.find((declaration) => declaration.tagName === 'portier-admin');
      if (!admin) return;
      const source = readFileSync(new URL('packages/elements/src/admin/admin.ts', ROOT), 'utf8');
      const shown = new Set([...source.matchAll(/<(portier-[a-z-]+)[^>]*exportparts=/g)].map((match) => match[1]));
      const forwarded = new Map();
      for (const declaration of declarations) {
        if (!shown.has(declaration.tagName)) continue;
        for (const part of declaration.cssParts ?? []) {
          const entry = forwarded.get(part.name) ?? [];
          entry.push({ tag: `<${declaration.tagName}>`, description: part.description });
          forwarded.set(part.name, entry);
        }
      }
      const own = new Set((admin.cssParts ?? []).map((part) => part.name));
      const names = [...forwarded.keys()].filter((name) => !own.has(name)).sort();
      admin.cssParts = [
        ...(admin.cssParts ?? []),
        ...names.map((name) => {
          // By tag name: the analyzer meets modules in an order that differs between machines.
          const screens = forwarded.get(name).sort((a, b) => (a.tag < b.tag ? -1 : 1));
          const description =
            screens.length === 1
              ? `Forwarded from ${screens[0].tag}: ${screens[0].description}`
              : `Forwarded from ${screens.length} screens. ${screens.map((screen) => `${screen.tag}: ${screen.description}`).join(' ')}`;
          return { name, description };
        }),
      ];
    },
  };
}

/**
 * The analyzer lists modules in the order its file walk met them, which differs between machines:
 * sort them by path so that a regenerated manifest only differs where an element changed.
 */
function modulesByPath() {
  return {
    name: 'portier-modules-by-path',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  // Tests, test helpers and translation tables are not element API.
  exclude: ['packages/elements/src/**/*.test.ts', 'packages/elements/src/test-utils/**', 'packages/elements/src/localize/locales/**'],
  outdir: 'packages/elements',
  litelement: true,
  // Do not write a `customElements` field into the root package.json.
  packagejson: false,
  dependencies: false,
  plugins: [portierEventsOnly(), themeTokens(), forwardedScreenParts(), modulesByPath()],
};
