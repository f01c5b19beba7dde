import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../define/own-profile.js';
import type { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { $, $$, choose, deepActiveElement, expectNoAxeViolations, mouseClick, renderWithPortier, resetMouse, settle, textOf, type, withSafariPresses } from '../test-utils/index.js';
import { loadLocale } from '../localize/load-locale.js';
import type { PortierOwnProfile } from './own-profile.js';

const render = (options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierOwnProfile>(html`<portier-own-profile></portier-own-profile>`, options);

const input = (element: PortierOwnProfile, id: string) => $<HTMLInputElement>(element, `#${id}`);

describe('<portier-own-profile>', () => {
  it('shows only names, phones and language of the signed-in user, and passes axe', async () => {
    const { element } = await render({ actorId: 'u-004' });
    const ids = $$(element, 'input, select').map((control) => control.id);
    expect(ids).to.deep.equal(['firstName', 'lastName', 'phone', 'mobile', 'language']);
    expect(input(element, 'firstName').value).to.equal('Dirk');
    expect(textOf(element)).to.not.contain('Role');
    // The e-mail is shown, not editable: it is the login.
    expect(textOf($(element, '[part~="hint"]'))).to.contain('dirk.janssens@lambert.example');
    await expectNoAxeViolations(element);
  });

  it('lets a plain user save its own profile and says so, in Dutch', async () => {
    const { element, portier } = await render({ actorId: 'u-004', locale: 'nl' });
    expect(textOf(element)).to.contain('Mijn profiel wijzigen');
    type(input(element, 'lastName'), 'Janssens-Peeters');
    choose($<HTMLSelectElement>(element, '#language'), 'de');
    const updated = oneEvent(element, 'portier-user-updated') as Promise<PortierUserUpdatedEvent>;
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    expect(await updated).to.include({ userId: 'u-004', change: 'profile' });
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal('Uw profiel is opgeslagen.');
    expect(portier.getState().data.users['u-004']).to.include({ lastName: 'Janssens-Peeters', language: 'de' });
  });

  it('says its result and its failure in the new language after the language is switched', async () => {
    const [fr, nl] = await Promise.all([loadLocale('fr'), loadLocale('nl')]);
    const { element, provider, backend } = await render({ actorId: 'u-004', locale: 'fr' });
    const switchTo = async (locale: 'fr' | 'nl') => {
      provider.locale = locale;
      await settle(provider);
      await settle(element);
    };
    type(input(element, 'lastName'), 'Janssens-Peeters');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => $(element, '[part~="live"]').textContent !== '', 'the save is announced');
    expect($(element, '[part~="live"]').textContent).to.equal(fr.ownProfile.saved);
    await switchTo('nl');
    expect($(element, '[part~="live"]').textContent).to.equal(nl.ownProfile.saved);
    // Another tab changed the profile meanwhile: this save is a conflict, said in Dutch, then in French.
    type(input(element, 'phone'), '+32 2 555 66 77');
    await backend.execute({ actorId: 'u-004' }, { type: 'users.updateProfile', userId: 'u-004', changes: { firstName: 'Dirk-Jan' } });
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => $(element, '[part~="error"]').textContent !== '', 'the refusal is shown');
    const said = $(element, '[part~="error"]').textContent!;
    await switchTo('fr');
    expect($(element, '[part~="error"]').textContent).to.not.equal(said);
    expect($(element, '[part~="error"]').textContent).to.contain(fr.errors.conflict.slice(0, 20));
    expect(said).to.contain(nl.errors.conflict.slice(0, 20));
  });

  it('submits on a mouse click on Save after a required field was emptied: the field’s error does not push Save from under the pointer', async () => {
    const { element, portier } = await render({ actorId: 'u-004' });
    type(input(element, 'lastName'), '');
    await settle(element);
    await mouseClick($(element, '[part="save-button"]'));
    await settle(element);
    await resetMouse();
    // The save ran: it shows the error and takes the focus to the field to fix.
    expect(deepActiveElement()?.id, 'the focus').to.equal('lastName');
    expect($(element, '#lastName-error').textContent).to.equal('Fill in this field.');
    expect(portier.getState().data.users['u-004']!.lastName).to.equal('Janssens');
  });

  it('clears the previous "saved" banner when a new save is tried or the form is edited', async () => {
    const { element } = await render({ actorId: 'u-004' });
    const live = () => $(element, '[part~="live"]').textContent!.trim();
    const save = async () => {
      $<HTMLButtonElement>(element, '[part="save-button"]').click();
      await settle(element);
    };
    type(input(element, 'firstName'), 'Dirk-Jan');
    await save();
    await waitUntil(() => live() === 'Your profile was saved.', 'the save is announced');
    // Events that do not bubble reach only the form's model: the save attempt alone must clear it.
    input(element, 'lastName').value = '';
    input(element, 'lastName').dispatchEvent(new Event('input'));
    await settle(element);
    expect(live()).to.equal('Your profile was saved.');
    await save();
    expect($(element, '#lastName-error').textContent).to.equal('Fill in this field.');
    expect(live(), 'after a failed attempt').to.equal('');
    // A new name (its old one again would be nothing to save).
    type(input(element, 'lastName'), 'Janssens-Peeters');
    await save();
    await waitUntil(() => live() === 'Your profile was saved.', 'the second save is announced');
    type(input(element, 'phone'), '+32 2');
    await settle(element);
    expect(live(), 'after an edit').to.equal('');
  });

  it('says there is nothing to save when nothing was changed, and sends nothing', async () => {
    const { element, portier } = await render({ actorId: 'u-004', locale: 'fr' });
    const version = portier.getState().data.users['u-004']!.version;
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal((await loadLocale('fr')).userProfile.profileUnchanged);
    expect(portier.getState().data.users['u-004']!.version).to.equal(version);
  });

  it('puts back the saved values on cancel', async () => {
    const { element } = await render({ actorId: 'u-004' });
    type(input(element, 'firstName'), 'Changed');
    $<HTMLButtonElement>(element, '[part="cancel-button"]').click();
    await settle(element);
    expect(input(element, 'firstName').value).to.equal('Dirk');
  });

  it('keeps what was typed when saving fails and explains why', async () => {
    const { element, backend } = await render({ actorId: 'u-004', locale: 'fr' });
    type(input(element, 'firstName'), 'Moi');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-004', changes: { mobile: '+32 470 99 99 99' } });
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => $(element, '[part~="error"]').textContent!.trim() !== '');
    expect($(element, '[part~="error"]').textContent).to.contain('Quelqu’un d’autre a modifié cet utilisateur entre-temps');
    expect(input(element, 'firstName').value).to.equal('Moi');
  });

  it('saves on the second try after a conflict, over the other change, with what was typed', async () => {
    const { element, backend, portier } = await render({ actorId: 'u-004' });
    type(input(element, 'firstName'), 'Me');
    await backend.execute({ actorId: 'u-001' }, { type: 'users.updateProfile', userId: 'u-004', changes: { mobile: '+32 470 99 99 99' } });
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => $(element, '[part~="error"]').textContent!.trim() !== '', 'the conflict is shown');
    expect(input(element, 'firstName').value, 'the input is kept').to.equal('Me');
    expect(input(element, 'mobile').value, 'the other change shows').to.equal('+32 470 99 99 99');
    $<HTMLButtonElement>(element, '[part="save-button"]').click();
    await waitUntil(() => $(element, '[part="live"]').textContent!.trim() !== '', 'the second save is announced');
    expect($(element, '[part~="error"]').textContent!.trim()).to.equal('');
    const saved = portier.getState().data.users['u-004']!;
    expect([saved.firstName, saved.mobile]).to.deep.equal(['Me', '+32 470 99 99 99']);
  });

  it('submits on a mouse click on Save right after a field was emptied, where a pressed button takes no focus (Safari)', async () => {
    const { element } = await renderWithPortier<PortierOwnProfile>(html`<portier-own-profile></portier-own-profile>`, { actorId: 'u-004' });
    const first = $<HTMLInputElement>(element, '#firstName');
    first.focus();
    await withSafariPresses(async () => {
      type(first, '');
      await settle(element);
      await mouseClick($(element, '[part="save-button"]'));
      await settle(element);
    });
    expect(deepActiveElement()?.id, 'the submit ran and took the focus to the field to fix').to.equal('firstName');
  });
});
