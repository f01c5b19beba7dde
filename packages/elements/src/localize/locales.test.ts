import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGES, PORTIER_ERROR_CODES } from '@portier/core';
import de from './locales/de.js';
import en from './locales/en.js';
import fr from './locales/fr.js';
import nl from './locales/nl.js';
import type { Messages } from './messages.js';

const locales: Record<(typeof LANGUAGES)[number], Messages> = { en, fr, nl, de };

/** Every leaf of a messages object with its dotted path. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
  } else {
    out.set(path, value);
  }
  return out;
}

describe('locales', () => {
  const reference = leaves(en);

  it('ships a locale for every language of the core', () => {
    assert.deepEqual(Object.keys(locales).sort(), [...LANGUAGES].sort());
  });

  it('translates every PortierError code', () => {
    for (const [name, messages] of Object.entries(locales)) {
      for (const code of PORTIER_ERROR_CODES) assert.ok(messages.errors[code]?.trim(), `${name}: errors.${code} is missing`);
    }
  });

  it('French elides "de" before a vowel: d’Amélie, de Bart', () => {
    assert.equal(fr.userList.editProfile('Amélie Dubois'), 'Modifier le profil d’Amélie Dubois');
    assert.equal(fr.userList.editAccess('Elodie Martin'), 'Modifier les droits d’accès d’Elodie Martin');
    assert.equal(fr.userList.editClients('Bart Peeters'), 'Modifier les clients gérés de Bart Peeters');
  });

  it('writes both numbers of the user count with the language’s digit grouping', () => {
    // Node's ICU: en 12,345; fr 12 345 (narrow no-break space); nl and de 12.345.
    const grouped: Record<string, RegExp> = { en: /^12,345 of 100,000 /, fr: /^12\u202f345 sur 100\u202f000 /, nl: /^12\.345 van 100\.000 /, de: /^12\.345 von 100\.000 / };
    for (const [name, messages] of Object.entries(locales)) assert.match(messages.userList.count(12_345, 100_000), grouped[name]!, name);
  });

  for (const [name, messages] of Object.entries(locales)) {
    it(`${name} has exactly the keys of en, none empty`, () => {
      const own = leaves(messages);
      const missing = [...reference.keys()].filter((key) => !own.has(key));
      const extra = [...own.keys()].filter((key) => !reference.has(key));
      assert.deepEqual(missing, [], `${name} misses ${missing.join(', ')}`);
      assert.deepEqual(extra, [], `${name} has keys en does not have: ${extra.join(', ')}`);
      for (const [key, value] of own) {
        const expected = reference.get(key);
        assert.equal(typeof value, typeof expected, `${name}: ${key} should be a ${typeof expected}`);
        if (typeof value === 'string') assert.ok(value.trim() !== '', `${name}: ${key} is empty`);
        if (typeof value === 'function') {
          const fn = value as (...args: unknown[]) => unknown;
          assert.equal(fn.length, (expected as (...args: unknown[]) => unknown).length, `${name}: ${key} takes other arguments than en`);
          for (const args of [[0, 0], [1, 1], [2, 5], ['Anna Peeters', 'Client A']]) {
            const text = fn(...args);
            assert.ok(typeof text === 'string' && text.trim() !== '', `${name}: ${key}(${args.join(', ')}) is empty`);
          }
        }
      }
    });
  }
});
