import { PortierError } from '@portier/core';
import { expect } from '@open-wc/testing';
import { errorMessage } from './error-message.js';
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
});
