import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkPassword } from './check-password.js';
import { SIX_MIXED_PASSWORD_RULES, passwordPolicySchema } from './password-policy.js';
import { loadCommonPasswords } from './common-passwords.js';

const rules = (issues: ReturnType<typeof checkPassword>) => issues.map((issue) => issue.rule);

describe('checkPassword — rule 9', () => {
  it('nist: at least 8 characters, no composition rules', () => {
    assert.deepEqual(checkPassword('short', 'nist'), [{ rule: 'min-length', min: 8 }]);
    assert.deepEqual(checkPassword('all lower case words', 'nist'), []);
  });
  it('nist: allows at least 64 characters', () => {
    assert.deepEqual(checkPassword('a'.repeat(64) + 'b', 'nist'), []);
  });
  it('nist: not the e-mail or its local part', () => {
    assert.deepEqual(rules(checkPassword('ann.peeters', 'nist', { email: 'Ann.Peeters@example.com' })), ['not-email']);
    assert.deepEqual(rules(checkPassword('ann.peeters@example.com', 'nist', { email: 'ann.peeters@example.com' })), ['not-email']);
  });
  it('nist: not on the common-password list of at least 10,000 entries', async () => {
    const common = await loadCommonPasswords();
    assert.ok(common.size >= 10_000, `list has ${common.size} entries`);
    assert.deepEqual(rules(checkPassword('password1', 'nist', { commonPasswords: common })), ['common']);
    assert.deepEqual(rules(checkPassword('Password1', 'nist', { commonPasswords: common })), ['common']);
    assert.deepEqual(checkPassword('velvet-otter-harbour', 'nist', { commonPasswords: common }), []);
  });
  it('nist: not one character repeated (eight spaces, "aaaaaaaa"), even without the common-password list', () => {
    assert.deepEqual(rules(checkPassword(' '.repeat(8), 'nist')), ['common']);
    assert.deepEqual(rules(checkPassword('aaaaaaaaaaaa', 'nist')), ['common']);
    assert.deepEqual(rules(checkPassword('😀'.repeat(8), 'nist')), ['common']);
    assert.deepEqual(checkPassword('aaaaaaab', 'nist'), []);
  });
  it('strict: lower, upper, digit and special, not containing the user name', () => {
    assert.deepEqual(rules(checkPassword('abcdefgh', 'strict')), ['upper', 'digit', 'special']);
    assert.deepEqual(rules(checkPassword('Xk9!peeters', 'strict', { email: 'ann@x.be', lastName: 'Peeters' })), ['not-name']);
    assert.deepEqual(checkPassword('Xk9!tulip', 'strict', { email: 'ann@x.be', lastName: 'Peeters' }), []);
  });
  it('strict: the user name is the whole e-mail (seed 001), refused even when its local part is too short to count', () => {
    assert.deepEqual(rules(checkPassword('Zz9!fp@engie.fr', 'strict', { email: 'FP@engie.fr' })), ['not-name']);
    assert.deepEqual(checkPassword('Zz9!fp-tulip', 'strict', { email: 'fp@engie.fr' }), []);
  });
  it('a custom rule set whose minimum is above its maximum is refused, since no password could meet it', () => {
    assert.equal(passwordPolicySchema.safeParse({ minLength: 12, maxLength: 8 }).success, false);
    assert.equal(passwordPolicySchema.safeParse({ minLength: 8, maxLength: 8 }).success, true);
  });
  it('nist: 128 characters are allowed, 129 are refused with the maximum', () => {
    assert.deepEqual(checkPassword('ab'.repeat(64), 'nist'), []);
    assert.deepEqual(checkPassword('ab'.repeat(64) + 'c', 'nist'), [{ rule: 'max-length', max: 128 }]);
  });
  it('strict: a name of 3 letters counts, one of 2 does not', () => {
    assert.deepEqual(rules(checkPassword('Xk9!leeward', 'strict', { email: 'ann@x.be', lastName: 'Lee' })), ['not-name']);
    assert.deepEqual(checkPassword('Xk9!strong', 'strict', { email: 'ann@x.be', lastName: 'Ng' }), []);
  });
  it('strict: the name is found whatever the case of the password', () => {
    assert.deepEqual(rules(checkPassword('Xk9!PEETERS', 'strict', { email: 'ann@x.be', lastName: 'Peeters' })), ['not-name']);
  });
  it('strict: a digit of any script counts as a digit', () => {
    assert.deepEqual(checkPassword('Abcdef!\u0663', 'strict'), []);
  });
  it('returns every unmet rule at once, for live feedback', () => {
    assert.deepEqual(rules(checkPassword('', 'strict')), ['min-length', 'lower', 'upper', 'digit', 'special']);
  });
  it('expresses the seed 000 rule as a custom set: 6 characters, upper, lower, digit, punctuation', () => {
    assert.deepEqual(checkPassword('Ab1.cd', SIX_MIXED_PASSWORD_RULES), []);
    assert.deepEqual(rules(checkPassword('Ab1cde', SIX_MIXED_PASSWORD_RULES)), ['special']);
    assert.deepEqual(rules(checkPassword('Ab1.c', SIX_MIXED_PASSWORD_RULES)), ['min-length']);
  });
  it('counts an emoji as one character', () => {
    // Seven different emoji (the same one repeated would also be refused as repetitive).
    assert.deepEqual(rules(checkPassword('😀😁😂🤣😃😄😅', 'nist')), ['min-length']);
    assert.deepEqual(checkPassword('😀😁😂🤣😃😄😅😆', 'nist'), []);
  });
});
