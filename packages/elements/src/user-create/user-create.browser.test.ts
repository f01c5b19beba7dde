import { demoSeed } from '@portier/adapters';
import { expect, html, oneEvent } from '@open-wc/testing';
import '../define/user-create.js';
import type { PortierUserCreatedEvent } from '../events/user-created.js';
import { loadLocale } from '../localize/load-locale.js';
import {
  $,
  $$,
  DEFAULT_VIEWPORT,
  choose,
  deepActiveElement,
  expectNoAxeViolations,
  keyboardType,
  mouseClick,
  press,
  pressLikeSafari,
  renderWithPortier,
  resetMouse,
  setViewport,
  settle,
  tabTo,
  textOf,
  type,
} from '../test-utils/index.js';
import type { PortierUserCreate } from './user-create.js';

const render = (options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierUserCreate>(html`<portier-user-create></portier-user-create>`, options);

const input = (element: PortierUserCreate, id: string) => $<HTMLInputElement>(element, `#${id}`);

async function fill(element: PortierUserCreate, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    type(input(element, id), value);
    input(element, id).dispatchEvent(new Event('blur'));
  }
  await settle(element);
}

async function submit(element: PortierUserCreate): Promise<void> {
  $<HTMLButtonElement>(element, '[part="submit-button"]').click();
  await settle(element);
}

const fieldError = (element: PortierUserCreate, id: string) => element.shadowRoot!.querySelector(`#${id}-error`)?.textContent?.trim();

describe('<portier-user-create>', () => {
  it('has a labelled control for every field of seed 000 and passes axe in every access mode', async () => {
    const { element } = await render();
    for (const id of ['email', 'firstName', 'lastName', 'phone', 'mobile', 'language', 'role']) {
      const label = $(element, `label[for="${id}"]`);
      expect(label.textContent!.trim(), id).to.not.equal('');
    }
    expect(element.shadowRoot!.querySelector('input[type="password"]')).to.equal(null);
    await expectNoAxeViolations(element);
    for (const mode of ['individual', 'copy', 'authorize-all']) {
      input(element, `mode-${mode}`).click();
      await settle(element);
      await expectNoAxeViolations(element);
    }
  });

  it('groups the access options once, by their fieldset and its legend (no second group with the same name)', async () => {
    const { element } = await render();
    const radios = $$<HTMLInputElement>(element, 'input[type="radio"][name="access-mode"], fieldset.access input[type="radio"]');
    expect(radios.length).to.be.greaterThan(1);
    for (const radio of radios) {
      const fieldset = radio.closest('fieldset')!;
      expect(fieldset.querySelector(':scope > legend')!.textContent!.trim()).to.equal('Access rights');
      expect(radio.closest('[role="radiogroup"]'), 'no radiogroup inside the fieldset').to.equal(null);
    }
  });

  it('submits on a mouse click on Create after the user to copy was unchosen, right above the button: its error does not push the button from under the pointer', async () => {
    const { element } = await render();
    input(element, 'mode-copy').click();
    await settle(element);
    // The user to copy is required: chosen, then unchosen, it is the field right above the button.
    choose($<HTMLSelectElement>(element, '#sourceUserId'), 'u-005');
    await settle(element);
    choose($<HTMLSelectElement>(element, '#sourceUserId'), '');
    await settle(element);
    await mouseClick($(element, '[part="submit-button"]'));
    await settle(element);
    await resetMouse();
    // The submit ran: it counts the fields to fix and takes the focus to the first one.
    expect(textOf($(element, '[part~="error"]'))).to.equal('4 fields need your attention.');
    expect(deepActiveElement()?.id, 'the focus').to.equal('email');
  });

  /**
   * Runs `test` in a window tall enough for the whole form (nothing scrolls, so nothing makes up
   * for a shift), with presses that take no focus when `like` is Safari (and Firefox on macOS).
   */
  async function inTallWindow(like: 'Chromium' | 'Safari', test: () => Promise<void>): Promise<void> {
    await setViewport({ width: 1000, height: 2400 });
    const restore = like === 'Safari' ? pressLikeSafari() : () => {};
    try {
      await test();
    } finally {
      restore();
      await resetMouse();
      await setViewport(DEFAULT_VIEWPORT);
    }
  }

  for (const browser of ['Chromium', 'Safari'] as const) {
    it(`submits on a mouse click on Create after the e-mail was emptied, the whole form in view (${browser})`, () =>
      inTallWindow(browser, async () => {
        const { element } = await render();
        type(input(element, 'email'), 'x');
        type(input(element, 'email'), '');
        await settle(element);
        await mouseClick($(element, '[part="submit-button"]'));
        await settle(element);
        expect(textOf($(element, '[part~="error"]'))).to.equal('3 fields need your attention.');
        expect(deepActiveElement()?.id, 'the focus').to.equal('email');
      }));

    it(`a mouse click on a checkbox right after a wrong e-mail ticks it; the e-mail's error shows after the click (${browser})`, () =>
      inTallWindow(browser, async () => {
        const { element } = await render();
        input(element, 'email').focus();
        type(input(element, 'email'), 'jan.peeters@lambert');
        await settle(element);
        const box = input(element, 'managed-c-retail');
        // The label is what a user aims at; the field's error line would push it down mid-click.
        await mouseClick($(element, 'label[for="managed-c-retail"]'));
        await settle(element);
        expect(box.checked, 'the click ticked the box').to.equal(true);
        expect(element.shadowRoot!.querySelector('#email-error')?.textContent, 'the e-mail error, after the click').to.be.a('string').and.not.equal('');
      }));
  }

  it('fits the individual matrix of 7 applications in a 1366 px window in every language, with no level label cut', async () => {
    await setViewport({ width: 1366, height: 900 });
    try {
      for (const locale of ['fr', 'nl', 'de', 'en'] as const) {
        const { element } = await render({ locale });
        input(element, 'mode-individual').click();
        await settle(element);
        const scroller = $(element, '.matrix-scroller');
        expect(scroller.scrollWidth, `${locale}: the matrix scrolls sideways`).to.be.at.most(scroller.clientWidth);
        for (const select of $$<HTMLSelectElement>(element, '.matrix td select')) {
          // A select as wide as its longest option shows it whole: measure that option's text.
          const probe = document.createElement('span');
          probe.style.font = getComputedStyle(select).font;
          probe.textContent = [...select.options].reduce((longest, option) => (option.text.length > longest.length ? option.text : longest), '');
          document.body.append(probe);
          const needed = probe.getBoundingClientRect().width;
          probe.remove();
          expect(select.clientWidth, `${locale}: "${probe.textContent}" fits its select`).to.be.greaterThan(needed);
        }
      }
    } finally {
      await setViewport(DEFAULT_VIEWPORT);
    }
  });

  it('on a phone, keeps the client column of the matrix pinned and Tab shows each level whole beside it', async () => {
    const { element, provider } = await render();
    provider.style.cssText = 'display: block; width: 375px; font-family: sans-serif';
    input(element, 'mode-individual').click();
    await settle(element);
    const scroller = $(element, '.matrix-scroller');
    expect(scroller.scrollWidth, 'the matrix scrolls sideways').to.be.greaterThan(scroller.clientWidth);
    const table = $<HTMLTableElement>(element, 'table[part~="matrix"]');
    const firsts = [table.tHead!.rows[0]!.cells[0]!, ...[...table.tBodies[0]!.rows].map((row) => row.cells[0]!)];
    // Pinned, it leaves most of the width to the levels: a third at most.
    for (const first of firsts) expect(first.getBoundingClientRect().width, first.textContent!).to.be.at.most(scroller.clientWidth / 3 + 1);

    const row = table.tBodies[0]!.rows[0]!;
    const levels = [...row.querySelectorAll<HTMLSelectElement>('select')];
    expect(levels.length, 'a row of several levels').to.be.greaterThan(3);
    const edge = scroller.getBoundingClientRect().left + scroller.clientLeft;
    const hiddenBy = (control: Element): string[] => {
      const box = control.getBoundingClientRect();
      const pinnedRight = row.cells[0]!.getBoundingClientRect().right;
      const faults: string[] = [];
      if (box.left < pinnedRight - 1) faults.push(`left ${box.left} under the client column (to ${pinnedRight})`);
      if (box.right > edge + scroller.clientWidth + 1) faults.push(`right ${box.right} cut`);
      return faults;
    };
    await tabTo((candidate) => candidate === levels[0]);
    for (let i = 1; i < levels.length; i++) {
      await press('Tab');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const active = deepActiveElement()!;
      if (levels.includes(active as HTMLSelectElement)) expect(hiddenBy(active), `Tab to ${active.getAttribute('aria-label')}`).to.deep.equal([]);
    }
    expect(scroller.scrollLeft, 'the matrix scrolled sideways').to.be.greaterThan(0);
    for (const first of firsts) {
      const { left, top, width, height } = first.getBoundingClientRect();
      expect(left, first.textContent!).to.be.closeTo(edge, 1);
      // The pinned cell is what is on top (nothing scrolled shows through), over an opaque background.
      expect(first.contains(element.shadowRoot!.elementFromPoint(left + width - 4, top + height / 2)), first.textContent!).to.equal(true);
      expect(getComputedStyle(first).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    }
    await expectNoAxeViolations(element);
  });

  it('checks fields as they are typed, with the core schema, in the user language', async () => {
    const { element } = await render({ locale: 'nl' });
    await fill(element, { email: 'not-an-address', phone: 'abc' });
    expect(fieldError(element, 'email')).to.equal('Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.be.');
    expect(input(element, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'email').getAttribute('aria-describedby')).to.contain('email-error');
    expect(fieldError(element, 'phone')).to.contain('cijfers');
    await fill(element, { email: 'jan.peeters@lambert.example', phone: '+32 2 555 12 34' });
    expect(fieldError(element, 'email')).to.equal(undefined);
    expect(fieldError(element, 'phone')).to.equal(undefined);
    expect(input(element, 'email').getAttribute('aria-invalid')).to.equal('false');
    // A name of dashes, or a pasted one with an invisible control character, is no name.
    await fill(element, { firstName: '---', lastName: 'Peeters\u0000' });
    expect(fieldError(element, 'firstName')).to.equal('Een naam moet minstens één letter bevatten, zonder onzichtbare stuurtekens.');
    expect(fieldError(element, 'lastName')).to.equal('Een naam moet minstens één letter bevatten, zonder onzichtbare stuurtekens.');
  });

  it('says beside the e-mail that it is fixed once created, and that it is the login only for a login user', async () => {
    const { element } = await render();
    expect($(element, '#email-hint').textContent!.trim()).to.equal('The e-mail address is the login: it cannot be changed once the user is created.');
    input(element, 'kind-contact').click();
    await settle(element);
    expect($(element, '#email-hint').textContent!.trim()).to.equal('The e-mail address cannot be changed once the contact is created.');
  });

  it('refuses to send an incomplete form and focuses the first problem', async () => {
    const { element, portier } = await render();
    const before = Object.keys(portier.getState().data.users).length;
    await submit(element);
    // Empty is missing, like the names, not malformed.
    expect(fieldError(element, 'email')).to.equal('Fill in this field.');
    expect(fieldError(element, 'firstName')).to.equal('Fill in this field.');
    expect(textOf(element)).to.contain('3 fields need your attention.');
    expect(deepActiveElement()?.id).to.equal('email');
    expect(Object.keys(portier.getState().data.users)).to.have.length(before);
  });

  it('creates a login user with individual rights on two clients, without a password, and says so', async () => {
    const { element, portier, backend } = await render();
    await fill(element, { email: 'Nina.Verstraete@lambert.example', firstName: 'Nina', lastName: 'Verstraete', mobile: '+32 470 11 22 33' });
    choose($<HTMLSelectElement>(element, '#language'), 'nl');
    input(element, 'mode-individual').click();
    await settle(element);
    const level = (client: string, application: string) => $<HTMLSelectElement>(element, `select:not([data-profile])[data-client="${client}"][data-application="${application}"]`);
    const profile = (client: string, application: string) => element.shadowRoot!.querySelector<HTMLSelectElement>(`select[data-profile][data-client="${client}"][data-application="${application}"]`);
    // Each cell offers only the levels its application allows, highest first as in the access-rights matrix.
    expect([...level('c-brasserie', 'energy-guard').options].map((option) => option.value)).to.deep.equal(['full', 'alert', 'none']);
    expect([...level('c-brasserie', 'invoice-viewer').options].map((option) => option.value)).to.deep.equal(['full', 'none']);
    expect(level('c-brasserie', 'invoice-viewer').value, 'none chosen until the user chooses').to.equal('none');
    expect(profile('c-brasserie', 'portfolio-manager'), 'no profile to choose at level none').to.equal(null);
    choose(level('c-brasserie', 'portfolio-manager'), 'read');
    choose(level('c-logistics', 'invoice-viewer'), 'full');
    await settle(element);
    // Seed 002: an application with profiles (Portfolio Manager) offers its own, and only it does.
    expect([...profile('c-brasserie', 'portfolio-manager')!.options].map((option) => option.value)).to.deep.equal(['', 'REFERENT', 'GESTION SUIVI']);
    expect(profile('c-logistics', 'invoice-viewer')).to.equal(null);
    choose(profile('c-brasserie', 'portfolio-manager')!, 'REFERENT');
    await settle(element);
    const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
    await submit(element);
    const { user } = await created;
    expect(user).to.include({ email: 'Nina.Verstraete@lambert.example', language: 'nl', kind: 'login', status: 'invited', passwordSet: false });
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.contain('An invitation was sent to Nina.Verstraete@lambert.example');
    const grants = portier.getState().data.grants[user.id] ?? [];
    expect(grants.map((grant) => `${grant.clientId}/${grant.applicationId}/${grant.level}/${grant.profile ?? ''}`).sort()).to.deep.equal([
      'c-brasserie/portfolio-manager/read/REFERENT',
      'c-logistics/invoice-viewer/full/',
    ]);
    const outbox = await backend.outbox();
    expect(outbox.some((mail) => mail.to === 'Nina.Verstraete@lambert.example' || mail.to === 'nina.verstraete@lambert.example')).to.equal(true);
    expect(input(element, 'email').value).to.equal('');
  });

  it('keeps everything typed when the e-mail is taken and says why in French', async () => {
    const { element, portier } = await render({ locale: 'fr' });
    await fill(element, { email: 'AMELIE.DUBOIS@lambert.example', firstName: 'Autre', lastName: 'Personne', phone: '+32 2 555 00 00' });
    input(element, 'mode-authorize-all').click();
    await settle(element);
    const before = Object.keys(portier.getState().data.users).length;
    await submit(element);
    await settle(element);
    expect($(element, '[role="alert"]').textContent).to.contain('Cette adresse e-mail est déjà utilisée comme login');
    expect(fieldError(element, 'email')).to.contain('déjà utilisée');
    expect(input(element, 'email').value).to.equal('AMELIE.DUBOIS@lambert.example');
    expect(input(element, 'firstName').value).to.equal('Autre');
    expect(input(element, 'phone').value).to.equal('+32 2 555 00 00');
    expect(input(element, 'mode-authorize-all').checked).to.equal(true);
    expect(Object.keys(portier.getState().data.users)).to.have.length(before);
    await expectNoAxeViolations(element);
  });

  it('says the refusal and the result in the new language after the language is switched', async () => {
    const [fr, nl, de] = await Promise.all([loadLocale('fr'), loadLocale('nl'), loadLocale('de')]);
    const { element, provider } = await render({ locale: 'fr' });
    const switchTo = async (locale: 'nl' | 'de') => {
      provider.locale = locale;
      await settle(provider);
      await settle(element);
    };
    // The QA case: the e-mail is taken, seen in French, then read in Dutch.
    await fill(element, { email: 'Bart.Peeters@lambert.example', firstName: 'Bart', lastName: 'Peeters' });
    await submit(element);
    await settle(element);
    expect(textOf($(element, '[part~="error"]'))).to.contain(fr.errors['email-taken']);
    expect(fieldError(element, 'email')).to.equal(fr.errors['email-taken']);
    await switchTo('nl');
    expect(textOf($(element, '[part~="error"]'))).to.contain(nl.errors['email-taken']).and.not.contain(fr.errors['email-taken']);
    expect(fieldError(element, 'email')).to.equal(nl.errors['email-taken']);
    // The announcement of a creation.
    await fill(element, { email: 'nina.verstraete@lambert.example', firstName: 'Nina', lastName: 'Verstraete' });
    await submit(element);
    await settle(element);
    expect(textOf($(element, '[part~="live"]'))).to.equal(nl.userCreate.created('nina.verstraete@lambert.example'));
    await switchTo('de');
    expect(textOf($(element, '[part~="live"]'))).to.equal(de.userCreate.created('nina.verstraete@lambert.example'));
  });

  it('creates a contact, who cannot be a super user', async () => {
    const { element } = await render();
    input(element, 'kind-contact').click();
    await settle(element);
    const superOption = $<HTMLOptionElement>(element, '#role option[value="superuser"]');
    expect(superOption.disabled).to.equal(true);
    expect(textOf(element)).to.contain('A contact cannot sign in, so it cannot be a super user.');
    await fill(element, { email: 'contact.only@lambert.example', firstName: 'Carla', lastName: 'Contact' });
    const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
    await submit(element);
    const { user } = await created;
    expect(user).to.include({ kind: 'contact', status: 'contact', role: 'user' });
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.contain('Contact Carla Contact created.');
  });

  it('copies an existing user without the applications excluded (seed 004)', async () => {
    const { element, portier } = await render();
    await fill(element, { email: 'copy.target@lambert.example', firstName: 'Copy', lastName: 'Target' });
    input(element, 'mode-copy').click();
    await settle(element);
    choose($<HTMLSelectElement>(element, '#sourceUserId'), 'u-001');
    input(element, 'exclude-invoice-viewer').click();
    await settle(element);
    const preview = $$(element, '[part="preview"] tbody tr').map((row) => row.dataset.application);
    expect(preview).to.not.include('invoice-viewer');
    expect(preview).to.include('portfolio-manager');
    const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
    await submit(element);
    const { user } = await created;
    const state = portier.getState();
    const expected = state.data.grants['u-001']!.filter((grant) => grant.applicationId !== 'invoice-viewer').map((grant) => `${grant.clientId}/${grant.applicationId}/${grant.level}`);
    const actual = (state.data.grants[user.id] ?? []).map((grant) => `${grant.clientId}/${grant.applicationId}/${grant.level}`);
    expect(actual.sort()).to.deep.equal(expected.sort());
  });

  it('shows the functional profiles a copy gives in its preview, as the rights screen does', async () => {
    const { element } = await render();
    input(element, 'mode-copy').click();
    await settle(element);
    choose($<HTMLSelectElement>(element, '#sourceUserId'), 'u-004');
    await settle(element);
    const given = $(element, '[part="preview"] tr[data-client="c-brasserie"][data-application="portfolio-manager"]').lastElementChild!.textContent!.trim();
    expect(given).to.equal('Read only, profile REFERENT');
  });

  it('has nothing unsaved after a right set and set back to No access, or a way to set access opened and left as it came', async () => {
    const { element } = await render();
    expect(element.hasUnsavedChanges).to.equal(false);
    input(element, 'mode-authorize-all').click();
    await settle(element);
    expect(element.hasUnsavedChanges, 'a way opened, nothing chosen').to.equal(false);
    choose($<HTMLSelectElement>(element, '#type-supply'), 'none');
    await settle(element);
    expect(element.hasUnsavedChanges, 'a type set to No access (the default is Full)').to.equal(true);
    choose($<HTMLSelectElement>(element, '#type-supply'), 'full');
    await settle(element);
    expect(element.hasUnsavedChanges, 'set back to Full, as it came').to.equal(false);
    input(element, 'mode-individual').click();
    await settle(element);
    const cell = $<HTMLSelectElement>(element, '.matrix td select[data-client]');
    choose(cell, 'full');
    await settle(element);
    expect(element.hasUnsavedChanges, 'a right chosen').to.equal(true);
    choose(cell, 'none');
    await settle(element);
    expect(element.hasUnsavedChanges, 'set back to No access').to.equal(false);
  });

  it('authorizes all with one level per contract type and shows the nearest lower level given', async () => {
    const { element, portier } = await render();
    await fill(element, { email: 'all.rights@lambert.example', firstName: 'All', lastName: 'Rights' });
    input(element, 'mode-authorize-all').click();
    await settle(element);
    choose($<HTMLSelectElement>(element, '#type-supply'), 'read');
    choose($<HTMLSelectElement>(element, '#type-services'), 'none');
    await settle(element);
    const given = (application: string) => $(element, `[part="preview"] tr[data-client="c-brasserie"][data-application="${application}"]`).lastElementChild!.textContent!.trim();
    expect(given('portfolio-manager')).to.equal('Read only');
    expect(given('energy-guard')).to.equal('Alert');
    expect(given('invoice-viewer')).to.equal('No access');
    const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
    await submit(element);
    const { user } = await created;
    const grants = portier.getState().data.grants[user.id] ?? [];
    const level = (application: string) => grants.find((grant) => grant.clientId === 'c-brasserie' && grant.applicationId === application)?.level ?? 'none';
    expect([level('portfolio-manager'), level('energy-guard'), level('invoice-viewer')]).to.deep.equal(['read', 'alert', 'none']);
  });

  it('names contract types in the user language, and shows a host’s own types as they are', async () => {
    const seed = demoSeed(Date.UTC(2026, 0, 5, 9));
    const supply = seed.data.contracts['k-supply']!;
    // Types the locales do not know, one of them also the name of an Object.prototype member.
    seed.data.contracts['k-maintenance'] = { ...supply, id: 'k-maintenance', number: 'MT-1', type: 'maintenance' };
    seed.data.contracts['k-constructor'] = { ...supply, id: 'k-constructor', number: 'MT-2', type: 'constructor' };
    const { element } = await render({ locale: 'fr', seed });
    input(element, 'mode-authorize-all').click();
    await settle(element);
    const label = (type: string) => $(element, `label[for="type-${type}"]`).textContent!.trim();
    expect(label('supply')).to.equal('Contrats de fourniture');
    expect(label('services')).to.equal('Contrats de services');
    expect(label('maintenance')).to.equal('Contrats de type « maintenance »');
    expect(label('constructor')).to.equal('Contrats de type « constructor »');
    await expectNoAxeViolations(element);
  });

  it('can be filled in and sent with the keyboard alone', async () => {
    const { element } = await render();
    input(element, 'kind-login').focus();
    await tabTo((active) => active.id === 'email');
    await keyboardType('keyboard.only@lambert.example');
    await press('Tab');
    await keyboardType('Kim');
    await press('Tab');
    await keyboardType('Board');
    const created = oneEvent(element, 'portier-user-created') as Promise<PortierUserCreatedEvent>;
    await press('Enter');
    const { user } = await created;
    expect(user).to.include({ email: 'keyboard.only@lambert.example', firstName: 'Kim', lastName: 'Board' });
  });

  it('asks to go back to the list on cancel', async () => {
    const { element } = await render();
    const navigation = oneEvent(element, 'portier-navigate');
    $<HTMLButtonElement>(element, '[part="cancel-button"]').click();
    expect(await navigation).to.include({ view: 'list' });
  });

  it('tells a plain user it may not create users', async () => {
    const { element } = await render({ actorId: 'u-004' });
    expect(textOf(element)).to.contain('You are not allowed to see this page.');
    expect(element.shadowRoot!.querySelector('form')).to.equal(null);
  });
});
