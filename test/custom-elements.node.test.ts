/**
 * custom-elements.json of @portier/elements: runs the analyzer (`pnpm analyze`'s configuration)
 * into a scratch directory, checks the committed manifest is the same, and that every element of
 * SPEC.md's public surface that exists documents its attributes, events, CSS parts and CSS
 * properties.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCREEN_PARTS } from '../packages/elements/src/admin/screen-parts.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COMMITTED = join(ROOT, 'packages/elements/custom-elements.json');
const SRC = join(ROOT, 'packages/elements/src');

/** The element tag names of SPEC.md ("Public surface"); the ones not built yet have no `define/` file. */
const SPEC_TAGS = [
  'portier-admin',
  'portier-provider',
  'portier-user-list',
  'portier-user-create',
  'portier-user-profile',
  'portier-own-profile',
  'portier-access-rights',
  'portier-managed-clients',
  'portier-contract',
  'portier-requests',
  'portier-approvals',
  'portier-reports',
  'portier-audit-log',
  'portier-activate-account',
  'portier-password-reset',
  'portier-password-change',
  'portier-support',
];

/** `<portier-provider>` renders nothing of its own (it only provides the store): no parts, no styling. */
const NOT_STYLED = new Set(['portier-provider']);

interface Documented {
  name: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string; module?: string };
  attributes?: (Documented & { fieldName?: string })[];
  events?: Documented[];
  cssParts?: Documented[];
  cssProperties?: (Documented & { default?: string })[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: Declaration[] }[];
}

function analyze(): Manifest {
  // The analyzer joins --outdir to the working directory: use a scratch directory inside the repository.
  const scratch = mkdtempSync(join(ROOT, 'node_modules', '.cem-test-'));
  try {
    const cli = join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    const run = spawnSync(process.execPath, [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(ROOT, scratch)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `the analyzer failed:\n${run.stdout}\n${run.stderr}`);
    return JSON.parse(readFileSync(join(scratch, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Event class name → its `portier-*` type, from `events/*.ts`. */
function eventTypes(): Map<string, string> {
  const types = new Map<string, string>();
  for (const file of readdirSync(join(SRC, 'events'))) {
    const source = readFileSync(join(SRC, 'events', file), 'utf8');
    for (const [, name, type] of source.matchAll(/export class (\w+) extends Event \{\s*static readonly type = '([^']+)'/g)) types.set(name!, type!);
  }
  return types;
}

/** The element's own source files: its module, its superclass's, and the non-style helpers of its folder. */
function sourcesOf(modulePath: string, declaration: Declaration): string[] {
  const files = new Set([join(ROOT, modulePath)]);
  if (declaration.superclass?.module) files.add(join(ROOT, declaration.superclass.module.replace(/\.js$/, '.ts')));
  const folder = dirname(join(ROOT, modulePath));
  for (const file of readdirSync(folder)) {
    if (file.endsWith('.ts') && !file.includes('.test.') && !file.endsWith('.styles.ts')) files.add(join(folder, file));
  }
  // Template helpers the element imports from elsewhere in the package render its parts too
  // (a type-only import renders nothing).
  for (const match of readFileSync(join(ROOT, modulePath), 'utf8').matchAll(/^import (?!type\b)[^;]*?from '(\.\.?\/[^']+)\.js'/gm)) {
    const file = join(folder, `${match[1]}.ts`);
    if (!file.endsWith('.styles.ts')) files.add(file);
  }
  return [...files].filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'));
}

describe('custom-elements.json', () => {
  let manifest: Manifest;
  const elements = new Map<string, { path: string; declaration: Declaration }>();

  before(() => {
    manifest = analyze();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, { path: module.path, declaration });
      }
    }
  });

  it('is committed and up to date (run `pnpm analyze` after changing an element)', () => {
    assert.ok(existsSync(COMMITTED), 'packages/elements/custom-elements.json is missing: run `pnpm analyze`');
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Manifest;
    // The order of modules carries no meaning (it follows the file walk): compare them by path.
    const byPath = (m: Manifest) => ({ ...m, modules: [...m.modules].sort((a, b) => a.path.localeCompare(b.path)) });
    const fresh = byPath(manifest);
    for (const module of byPath(committed).modules) {
      const same = fresh.modules.find((candidate) => candidate.path === module.path);
      assert.deepEqual(module, same, `packages/elements/custom-elements.json is stale at ${module.path}: run \`pnpm analyze\``);
    }
    assert.deepEqual(byPath(committed), fresh, 'packages/elements/custom-elements.json is stale: run `pnpm analyze`');
  });

  it('has every tag of SPEC.md that packages/elements/src/define/ registers, and no other', () => {
    const defined = readdirSync(join(SRC, 'define'))
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [...readFileSync(join(SRC, 'define', file), 'utf8').matchAll(/customElements\.define\('([^']+)'/g)].map((match) => match[1]!));
    assert.ok(defined.length >= 12, `define/ registers ${defined.length} tags`);
    for (const tag of defined) assert.ok(SPEC_TAGS.includes(tag), `${tag} is registered but not a tag of SPEC.md`);
    assert.deepEqual([...elements.keys()].sort(), [...defined].sort());
  });

  it('documents every attribute, with a description', () => {
    for (const [tag, { declaration }] of elements) {
      const attributes = declaration.attributes ?? [];
      assert.ok(attributes.length > 0, `${tag} has no attributes`);
      for (const attribute of attributes) {
        assert.match(attribute.name, /^[a-z][a-z-]*$/, `${tag}: attribute ${attribute.name}`);
        assert.ok(attribute.description?.trim(), `${tag}: attribute ${attribute.name} has no description`);
      }
      // Every screen takes a `locale`, and a `theme` (its styles honour the attribute: it is documented).
      assert.ok(attributes.some((attribute) => attribute.name === 'locale'), `${tag} has no locale attribute`);
      if (!NOT_STYLED.has(tag)) assert.ok(attributes.some((attribute) => attribute.name === 'theme'), `${tag} has no theme attribute`);
    }
    assert.deepEqual(
      elements.get('portier-user-list')!.declaration.attributes!.map((attribute) => attribute.name),
      ['locale', 'theme', 'email-filter', 'client-id', 'sort-key', 'sort-direction', 'paged'],
    );
  });

  it('lists only portier-* events, each described, and every event the element dispatches', () => {
    const types = eventTypes();
    assert.ok(types.size >= 6, `found ${types.size} event classes`);
    for (const [tag, { path, declaration }] of elements) {
      const listed = (declaration.events ?? []).map((event) => event.name);
      for (const event of declaration.events ?? []) {
        assert.match(event.name, /^portier-[a-z-]+$/, `${tag}: event "${event.name}"`);
        assert.ok(event.description?.trim(), `${tag}: event ${event.name} has no description`);
      }
      assert.equal(new Set(listed).size, listed.length, `${tag}: an event is listed twice`);
      const dispatched = new Set(
        sourcesOf(path, declaration).flatMap((source) => [...source.matchAll(/dispatchEvent\(new (Portier\w+Event)\(/g)].map((match) => types.get(match[1]!)!)),
      );
      for (const type of dispatched) assert.ok(listed.includes(type), `${tag} dispatches ${type} but does not document it (@event)`);
    }
    assert.deepEqual(elements.get('portier-user-create')!.declaration.events!.map((event) => event.name).sort(), ['portier-navigate', 'portier-user-created']);
    assert.deepEqual(elements.get('portier-access-rights')!.declaration.events!.map((event) => event.name), ['portier-access-changed']);
  });

  it('documents every CSS part a screen renders', () => {
    for (const [tag, { path, declaration }] of elements) {
      if (NOT_STYLED.has(tag)) continue;
      const documented = new Set((declaration.cssParts ?? []).map((part) => part.name));
      assert.ok(documented.size > 0, `${tag} documents no CSS part`);
      for (const part of declaration.cssParts ?? []) assert.ok(part.description?.trim(), `${tag}: part ${part.name} has no description`);
      const rendered = new Set(
        sourcesOf(path, declaration).flatMap((source) => [...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap((match) => match[1]!.trim().split(/\s+/))),
      );
      assert.ok(rendered.size > 0, `${tag}: no part found in its templates`);
      for (const part of rendered) assert.ok(documented.has(part), `${tag} renders part "${part}" without documenting it (@csspart)`);
    }
  });

  it('forwards from <portier-admin> every CSS part of every screen it shows, on each of them', () => {
    const admin = readFileSync(join(SRC, 'admin/admin.ts'), 'utf8');
    const shown = [...admin.matchAll(/html`[^`]*?<(portier-[a-z-]+)([^>]*)>/g)];
    assert.ok(shown.length >= 7, 'the admin shows its screens');
    const parts = new Set<string>();
    for (const [, tag, attributes] of shown) {
      assert.match(attributes!, /exportparts=\$\{SCREEN_EXPORTPARTS\}/, `<${tag}> in the admin forwards its parts`);
      for (const part of elements.get(tag!)?.declaration.cssParts ?? []) parts.add(part.name);
    }
    assert.deepEqual([...SCREEN_PARTS].sort(), [...parts].sort(), 'SCREEN_PARTS (admin/screen-parts.ts) lists the screens’ documented parts');
    const onAdmin = new Set((elements.get('portier-admin')!.declaration.cssParts ?? []).map((part) => part.name));
    for (const part of parts) assert.ok(onAdmin.has(part), `custom-elements.json lists the forwarded part "${part}" on <portier-admin>`);
    const row = elements.get('portier-admin')!.declaration.cssParts!.find((part) => part.name === 'row');
    assert.match(row!.description!, /^Forwarded from .*<portier-user-list>: A user's row/);
  });

  it('documents the CSS properties: the theme tokens on every screen, and each screen’s own', () => {
    const tokens = [...readFileSync(join(SRC, 'theme/tokens.ts'), 'utf8').matchAll(/var\((--portier-[a-z-]+),/g)].map((match) => match[1]!);
    assert.ok(new Set(tokens).size >= 15, 'the theme has its tokens');
    for (const [tag, { declaration }] of elements) {
      if (NOT_STYLED.has(tag)) continue;
      const properties = declaration.cssProperties ?? [];
      const names = properties.map((property) => property.name);
      for (const property of properties) {
        assert.match(property.name, /^--portier-[a-z-]+$/, `${tag}: CSS property ${property.name}`);
        assert.ok(property.description?.trim(), `${tag}: CSS property ${property.name} has no description`);
      }
      for (const token of tokens) assert.ok(names.includes(token), `${tag} does not list the theme token ${token}`);
    }
    const list = elements.get('portier-user-list')!.declaration.cssProperties!.map((property) => property.name);
    assert.ok(list.includes('--portier-user-list-height') && list.includes('--portier-user-list-columns'));
    const background = elements.get('portier-admin')!.declaration.cssProperties!.find((property) => property.name === '--portier-color-background');
    assert.equal(background?.default, '#ffffff');
  });
});
