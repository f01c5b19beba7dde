import { PortierError } from '@portier/core';
import { expect } from '@open-wc/testing';
import { errorMessage, issueMessage } from './error-message.js';
import { loadLocale } from './load-locale.js';

describe('errorMessage', () => {
  it('explains a reason it knows, falls back to the code for any other, and never shows what objects inherit', async () => {
    const t = await loadLocale('en');
    expect(errorMessage(t, new PortierError('server', { reason: 'redirected' }))).to.equal(t.reasons.redirected);
    for (const reason of ['constructor', 'toString', '__proto__', 'no-such-reason']) {
      expect(errorMessage(t, new PortierError('validation', { reason })), reason).to.equal(t.errors.validation);
    }
    expect(errorMessage(t, new Error('boom'))).to.equal(t.errors.server);
  });

  it('says a field’s limit only when the issue gives it, else that the value is not valid (never "at most 0")', async () => {
    const t = await loadLocale('fr');
    expect(issueMessage(t, { code: 'too_big', maximum: 40 }, 'lastName')).to.equal(t.validation.tooLong(40));
    for (const maximum of [undefined, 0, Number.NaN, 2.5, -3]) {
      expect(issueMessage(t, { code: 'too_big', maximum }, 'lastName'), String(maximum)).to.equal(t.validation.invalid);
    }
  });
});
