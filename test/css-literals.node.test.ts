/**
 * scripts/css-literals.mjs: the elements' CSS is minified inside its `css` literals for dist/,
 * the bench and the browser tests. Every stylesheet must survive that unchanged in meaning, and
 * be CSS that esbuild reads without a warning (a typo in a declaration shows up here).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minifyCss, minifyCssLiterals } from '../scripts/css-literals.mjs';

const SOURCES = fileURLToPath(new URL('../packages/elements/src/', import.meta.url));

test('minifies the CSS of a css literal: no comment, no indentation, the same rules', async () => {
  const source = "import { css } from 'lit';\nexport const a = css`\n  /* why */\n  :host {\n    display: block;\n  }\n  .x > .y { color: red }\n`;\n";
  assert.equal(await minifyCssLiterals(source), "import { css } from 'lit';\nexport const a = css`:host{display:block}.x>.y{color:red}`;\n");
});

test('also reads the literals as tsc emits them ("css `"), and leaves other templates alone', async () => {
  const source = 'const a = css `\n  a { color: red; }\n`;\nconst b = html`<p> ${x} </p>`;';
  assert.equal(await minifyCssLiterals(source), 'const a = css`a{color:red}`;\nconst b = html`<p> ${x} </p>`;');
});

test('around interpolations, only comments and runs of whitespace go', async () => {
  const source = 'const c = css`\n  /* dark */\n  :host([theme="dark"]) {\n    ${dark}\n  }\n  a { width: ${w}px }\n`;';
  assert.equal(await minifyCssLiterals(source), 'const c = css`:host([theme="dark"]) { ${dark} } a { width: ${w}px }`;');
});

test('a list of declarations (put in a rule by interpolation) is minified as such; unreadable CSS is left as written', async () => {
  assert.equal(await minifyCss('\n  --_bg: var(--x, #15191f);\n  color-scheme: dark;\n'), '--_bg: var(--x, #15191f);color-scheme:dark');
  assert.equal(await minifyCss('a { color: ; } }'), undefined);
});

test('every stylesheet of the elements is CSS that esbuild reads without a warning, so all of it ships minified', async () => {
  const files = readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.includes('.test.'));
  let literals = 0;
  for (const file of files) {
    const source = readFileSync(`${SOURCES}${file}`, 'utf8');
    for (const match of source.matchAll(/\bcss`([^`]*)`/g)) {
      // A literal with an interpolation is shipped as written (only the theme's, which composes the dark defaults).
      if (match[1]!.includes('${')) continue;
      literals++;
      assert.notEqual(await minifyCss(match[1]!), undefined, `${file}: esbuild does not read this css literal without a warning:\n${match[1]}`);
    }
  }
  assert.ok(literals >= 15, `only ${literals} css literals found`);
});
