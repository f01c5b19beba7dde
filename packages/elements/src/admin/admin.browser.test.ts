import { createMemoryBackend } from '@portier/adapters';
import { PortierError, createManualClock, createPortier } from '@portier/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/admin.js';
import '../define/provider.js';
import { loadLocale } from '../localize/load-locale.js';
import type { PortierAccessRights } from '../access-rights/access-rights.js';
import { $, $$, choose, createTestPortier, deepActiveElement, expectNoAxeViolations, renderWithPortier, settle, textOf, type } from '../test-utils/index.js';
import type { PortierUserList } from '../user-list/user-list.js';
import type { PortierUserCreate } from '../user-create/user-create.js';
import type { PortierUserProfile } from '../user-profile/user-profile.js';
import { hashOf, viewFromHash, type PortierAdmin } from './admin.js';

const render = (template = html`<portier-admin></portier-admin>`, options: Parameters<typeof renderWithPortier>[1] = {}) =>
  renderWithPortier<PortierAdmin>(template, options);

const screen = <E extends HTMLElement>(admin: PortierAdmin, tag: string) => admin.shadowRoot!.querySelector<E>(tag);

/** Fills the create form shown in the admin with a colleague called `firstName` Colleague. */
async function fillCreateForm(admin: PortierAdmin, email: string, firstName: string): Promise<PortierUserCreate> {
  const form = screen<PortierUserCreate>(admin, 'portier-user-create')!;
  await settle(form);
  for (const [id, value] of Object.entries({ email, firstName, lastName: 'Colleague' })) {
    type(form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!, value);
  }
  await settle(form);
  return form;
}

describe('<portier-admin>', () => {
  afterEach(() => {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  });

  it('when nothing can be loaded (no signed-in actor), says why and loads again on Retry, instead of an empty box', async () => {
    const memory = createMemoryBackend();
    let refuse = true;
    const backend = { ...memory, load: (ctx: Parameters<typeof memory.load>[0]) => (refuse ? Promise.reject(new PortierError('forbidden', { reason: 'unknown-actor' })) : memory.load(ctx)) };
    const portier = createPortier({ backend });
    await portier.ready.catch(() => undefined);
    await loadLocale('fr');
    const provider = await fixture<HTMLElement>(html`<portier-provider .portier=${portier} locale="fr"><portier-admin></portier-admin></portier-provider>`);
    const element = provider.firstElementChild as PortierAdmin;
    await settle(element);
    expect($(element, '[part~="error"][role="alert"]').textContent).to.contain('Les données n’ont pas pu être chargées.');
    await expectNoAxeViolations(element);
    refuse = false;
    $<HTMLButtonElement>(element, '[part~="retry"]').click();
    await waitUntil(() => screen(element, 'portier-user-list'), 'the list shows once loaded');
    expect(element.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it('when the signed-in account’s end date passes, says so instead of showing screens it may no longer use', async () => {
    const test = await createTestPortier({ actorId: 'u-004' });
    const today = new Date(test.clock.now()).toISOString().slice(0, 10);
    await test.backend.execute({ actorId: 'u-001' }, { type: 'users.deactivate', userId: 'u-004', until: today });
    const { element } = await render(html`<portier-admin view="profile" user-id="u-004"></portier-admin>`, { portier: test });
    await settle(element);
    test.clock.advance(2 * 86_400_000);
    await test.portier.refresh().catch(() => undefined);
    await settle(element);
    expect($(element, '[part~="error"][role="alert"]').textContent!.trim()).to.equal('The data could not be loaded. Your account is not active.');
    expect(element.shadowRoot!.querySelector('[part~="tabs"]'), 'no user screens').to.equal(null);
  });

  it('lets the host style the screens inside it by their parts (exportparts)', async () => {
    const style = document.createElement('style');
    style.textContent = 'portier-admin.styled::part(row) { outline: 3px solid rgb(1, 2, 3); } portier-admin.styled::part(save-button) { color: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const { element } = await render(html`<portier-admin class="styled"></portier-admin>`);
      await settle(element);
      const list = screen<PortierUserList>(element, 'portier-user-list')!;
      await waitUntil(() => list.shadowRoot!.querySelector('[part~="row"]'), 'the list has rows');
      expect(getComputedStyle(list.shadowRoot!.querySelector('[part~="row"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
      await element.navigate('profile', 'u-004');
      await settle(element);
      const profile = screen<PortierUserProfile>(element, 'portier-user-profile')!;
      await settle(profile);
      expect(getComputedStyle(profile.shadowRoot!.querySelector('[part~="save-button"]')!).color).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });

  it('when a refresh cannot reach the backend, keeps the screens and says the data is as last loaded, with Retry', async () => {
    const memory = createMemoryBackend();
    let unreachable = false;
    const backend = { ...memory, load: (ctx: Parameters<typeof memory.load>[0]) => (unreachable ? Promise.reject(new PortierError('network', { reason: 'fetch-failed' })) : memory.load(ctx)) };
    const portier = createPortier({ backend, actorId: 'u-001' });
    await portier.ready;
    await loadLocale('en');
    const provider = await fixture<HTMLElement>(html`<portier-provider .portier=${portier} locale="en"><portier-admin></portier-admin></portier-provider>`);
    const element = provider.firstElementChild as PortierAdmin;
    await settle(element);
    unreachable = true;
    await portier.refresh().catch(() => undefined);
    await settle(element);
    expect(portier.getState().status).to.equal('ready');
    expect(screen(element, 'portier-user-list'), 'the list stays').to.not.equal(null);
    expect($(element, '[part~="stale"]').textContent).to.contain('you see the data as last loaded');
    await expectNoAxeViolations(element);
    unreachable = false;
    $<HTMLButtonElement>(element, '[part~="stale"] [part~="retry"]').click();
    await waitUntil(() => $(element, '[part~="stale"]').textContent!.trim() === '', 'the notice goes once loaded');
  });

  it('starts on the list with its navigation, and passes axe', async () => {
    const { element } = await render();
    expect(screen(element, 'portier-user-list')).to.not.equal(null);
    const nav = $$(element, '[part~="nav-item"]').map((item) => item.textContent!.trim());
    expect(nav).to.deep.equal(['Users', 'Create a new user', 'My profile']);
    expect($(element, '[data-view="list"]').getAttribute('aria-current')).to.equal('page');
    await settle(screen(element, 'portier-user-list')!);
    await expectNoAxeViolations(element);
  });

  it('goes from the list to a detail and back, and moves the focus to the new view', async () => {
    const { element, portier } = await render();
    const list = screen<PortierUserList>(element, 'portier-user-list')!;
    await settle(list);
    type(list.shadowRoot!.querySelector<HTMLInputElement>('#email-filter')!, portier.getState().data.users['u-004']!.email);
    await settle(list);
    list.shadowRoot!.querySelector<HTMLButtonElement>('[data-user-id="u-004"] button[aria-label*="Edit the access rights"]')!.click();
    await settle(element);
    expect(element.view).to.equal('access');
    const rights = screen(element, 'portier-access-rights')!;
    expect(rights.getAttribute('user-id')).to.equal('u-004');
    expect($(element, '[part~="detail-name"]').textContent).to.equal('Dirk Janssens');
    expect(deepActiveElement()).to.equal($(element, '[part~="view"]'));
    $<HTMLButtonElement>(element, '.tabs [data-view="profile"]').click();
    await settle(element);
    expect(screen(element, 'portier-user-profile')!.getAttribute('user-id')).to.equal('u-004');
    $<HTMLButtonElement>(element, '.tabs [data-view="clients"]').click();
    await settle(element);
    expect(screen(element, 'portier-managed-clients')!.getAttribute('user-id')).to.equal('u-004');
    $<HTMLButtonElement>(element, '.tabs [data-view="audit"]').click();
    await settle(element);
    expect(screen(element, 'portier-audit-log')!.getAttribute('user-id')).to.equal('u-004');
    $<HTMLButtonElement>(element, '[part~="back-button"]').click();
    await settle(element);
    expect(screen(element, 'portier-user-list')).to.not.equal(null);
  });

  it('back from a user, the list keeps its filter and the focus is on the button that opened the user', async () => {
    const { element, portier } = await render();
    const list = screen<PortierUserList>(element, 'portier-user-list')!;
    await settle(list);
    const email = portier.getState().data.users['u-004']!.email;
    type(list.shadowRoot!.querySelector<HTMLInputElement>('#email-filter')!, email);
    await settle(list);
    list.shadowRoot!.querySelector<HTMLButtonElement>('[data-user-id="u-004"] button[data-open="access"]')!.click();
    await settle(element);
    $<HTMLButtonElement>(element, '[part~="back-button"]').click();
    await settle(element);
    const back = screen<PortierUserList>(element, 'portier-user-list')!;
    expect(back).to.equal(list);
    expect(back.shadowRoot!.querySelector<HTMLInputElement>('#email-filter')!.value).to.equal(email);
    await waitUntil(() => deepActiveElement()?.getAttribute('data-open') === 'access', 'the focus is back on the row');
    expect(deepActiveElement()!.closest('[data-user-id]')!.getAttribute('data-user-id')).to.equal('u-004');
  });

  it('back from a user far down an unfiltered list (by the URL), scrolls to its row and focuses it', async () => {
    const { element } = await render(html`<portier-admin hash></portier-admin>`);
    const list = screen<PortierUserList>(element, 'portier-user-list')!;
    await settle(list);
    // Far down the list: its row is not rendered until scrolled to.
    expect(list.shadowRoot!.querySelector('[data-user-id="u-040"]')).to.equal(null);
    window.location.hash = '#/users/u-040';
    await waitUntil(() => element.view === 'profile', 'the hash opens the profile');
    await settle(element);
    // What the browser's Back button does here: the hash changes.
    window.location.hash = '#/users';
    await waitUntil(() => element.view === 'list', 'the hash returns to the list');
    await waitUntil(() => deepActiveElement()?.closest('[data-user-id]')?.getAttribute('data-user-id') === 'u-040', 'the focus is on the row of the user left');
    expect(deepActiveElement()!.getAttribute('data-open')).to.equal('profile');
  });

  it('keeps the name of a user deleted elsewhere while its screens are open', async () => {
    const { element, portier, backend } = await render();
    element.navigate('profile', 'u-004');
    await settle(element);
    expect($(element, '[part~="detail-name"]').textContent).to.equal('Dirk Janssens');
    await backend.execute({ actorId: 'u-002' }, { type: 'users.remove', userId: 'u-004' });
    await portier.refresh();
    await settle(element);
    expect($(element, '[part~="detail-name"]').textContent).to.equal('Dirk Janssens');
  });

  it('creates a user and then opens its access rights, announcing the creation', async () => {
    const { element } = await render();
    $<HTMLButtonElement>(element, '[data-view="create"]').click();
    await settle(element);
    const form = await fillCreateForm(element, 'new.colleague@lambert.example', 'New');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => element.view === 'access', 'the access rights of the new user open');
    expect(element.userId).to.match(/^u-/);
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.contain('An invitation was sent to new.colleague@lambert.example');
  });

  it('a host routing by itself hears every move first, the admin’s own too, and may take it over', async () => {
    const { element } = await render();
    const asked: string[] = [];
    let routeItself = true;
    element.addEventListener(
      'portier-navigate',
      (event) => {
        asked.push(`${event.view}/${event.userId ?? ''}`);
        if (routeItself) event.preventDefault();
      },
      { capture: true },
    );
    $<HTMLButtonElement>(element, '[data-view="create"]').click();
    await settle(element);
    expect(asked).to.deep.equal(['create/']);
    expect(element.view, 'the host routes: the admin stays until told').to.equal('list');
    // The host's router sets the view; then the admin's tabs and back button ask the same way.
    element.view = 'profile';
    element.userId = 'u-004';
    await settle(element);
    $<HTMLButtonElement>(element, '.tabs [data-view="access"]').click();
    $<HTMLButtonElement>(element, '[part~="back-button"]').click();
    expect(asked.slice(1)).to.deep.equal(['access/u-004', 'list/']);
    expect(element.view).to.equal('profile');
    // The next screen after a creation is asked for too.
    routeItself = false;
    element.navigate('create');
    await settle(element);
    const form = await fillCreateForm(element, 'routed.colleague@lambert.example', 'Routed');
    routeItself = true;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await waitUntil(() => asked.at(-1)?.startsWith('access/u-'), 'the access rights of the new user are asked for');
    expect(element.view).to.equal('create');
    element.view = 'access';
    element.userId = asked.at(-1)!.slice('access/'.length);
    await settle(element);
    expect($(element, '[part~="live"]').textContent, 'the announcement waits on the screen the host opened').to.contain('routed.colleague@lambert.example');
  });

  it('does not repeat the list’s own result on coming back to it from another screen', async () => {
    const { element, portier } = await render();
    await settle(element);
    const list = screen<PortierUserList>(element, 'portier-user-list')!;
    await settle(list);
    const name = 'Dirk Janssens';
    $<HTMLButtonElement>(list, `button[data-action="deactivate"][aria-label*="${name}"]`).click();
    await waitUntil(() => $<HTMLDialogElement>(list, 'dialog').open, 'the confirmation opens');
    $<HTMLButtonElement>(list, 'button[data-action="dialog-confirm"]').click();
    await waitUntil(() => $(list, '[part~="live"]').textContent!.includes(name), 'the list says it');
    expect(portier.getState().data.users['u-004']!.status).to.equal('deactivated');
    for (const leave of [() => element.navigate('profile', 'u-005'), () => element.navigate('create')]) {
      await leave();
      await settle(element);
      await element.navigate('list');
      await settle(element);
      await settle(list);
      expect($(list, '[part~="live"]').textContent!.trim(), 'no old result').to.equal('');
    }
  });

  it('goes back to the list and announces it when the open user is deleted, in the language shown', async () => {
    const { element, portier, provider } = await render(html`<portier-admin></portier-admin>`, { locale: 'de' });
    element.navigate('profile', 'u-004');
    await settle(element);
    const profile = screen<PortierUserProfile>(element, 'portier-user-profile')!;
    await settle(profile);
    profile.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
    await waitUntil(() => profile.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.open, 'the confirmation opens');
    profile.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="dialog-confirm"]')!.click();
    await waitUntil(() => element.view === 'list', 'back to the list');
    await settle(element);
    expect(element.userId).to.equal('');
    expect(portier.getState().data.users['u-004']).to.equal(undefined);
    expect(screen(element, 'portier-user-list')).to.not.equal(null);
    expect($(element, '[part~="live"]').textContent).to.equal('Dirk Janssens wurde gelöscht.');
    expect(deepActiveElement() === $(element, '[part~="view"]'), 'the focus is on the view').to.equal(true);
    // Switched to French, the announcement says the same in French.
    provider.locale = 'fr';
    await settle(provider);
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal((await loadLocale('fr')).userProfile.done.removed('Dirk Janssens'));
    // Any other screen (here set by the host, as a URL would) drops the announcement.
    element.userId = 'u-021';
    element.view = 'access';
    await settle(element);
    expect($(element, '[part~="live"]').textContent).to.equal('');
  });

  it('a page opened with no hash gets the address of what shows, so Back comes back to it', async () => {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    const { element } = await render(html`<portier-admin hash></portier-admin>`);
    await settle(element);
    expect(window.location.hash).to.equal('#/users');
    element.navigate('create');
    await settle(element);
    history.back();
    await waitUntil(() => element.view === 'list', 'Back shows the list again');
  });

  it('follows and writes the URL hash', async () => {
    window.location.hash = '#/users/u-005/clients';
    const { element } = await render(html`<portier-admin hash></portier-admin>`);
    expect(element.view).to.equal('clients');
    expect(element.userId).to.equal('u-005');
    element.navigate('profile', 'u-006');
    expect(window.location.hash).to.equal('#/users/u-006');
    window.location.hash = '#/me';
    await waitUntil(() => element.view === 'own-profile');
    await settle(element);
    expect(screen(element, 'portier-own-profile')).to.not.equal(null);
  });

  describe('unsaved changes', () => {
    const tabTo = (element: PortierAdmin, view: string) => $<HTMLButtonElement>(element, `button[data-view="${view}"]`).click();
    const dialog = (element: PortierAdmin) => $<HTMLDialogElement>(element, 'dialog[data-confirm]');
    /** Types a last name in the profile shown: an unsaved change. */
    const typeInProfile = async (element: PortierAdmin) => {
      const profile = screen<PortierUserProfile>(element, 'portier-user-profile')!;
      await settle(profile);
      type(profile.shadowRoot!.querySelector<HTMLInputElement>('#lastName')!, 'Typed');
      await settle(profile);
      return profile;
    };
    const answer = async (element: PortierAdmin, action: 'dialog-cancel' | 'dialog-confirm') => {
      await waitUntil(() => dialog(element).open, 'the question opens');
      $<HTMLButtonElement>(element, `dialog [data-action="${action}"]`).click();
      await settle(element);
    };

    it('asks before leaving the access rights with unsaved edits: Cancel stays with the edits, confirming leaves', async () => {
      const { element } = await render(html`<portier-admin view="access" user-id="u-004"></portier-admin>`);
      await settle(element);
      const rights = screen<PortierAccessRights>(element, 'portier-access-rights')!;
      await settle(rights);
      choose(rights.shadowRoot!.querySelector<HTMLSelectElement>('select[data-client="c-brasserie"][data-application="energy-guard"]')!, 'full');
      await settle(rights);
      expect(rights.hasUnsavedChanges).to.equal(true);
      expect(element.hasUnsavedChanges, 'the admin tells a host router').to.equal(true);
      tabTo(element, 'clients');
      await waitUntil(() => dialog(element).open, 'the question opens');
      expect(dialog(element).textContent).to.contain('Your changes on this screen are not saved.');
      // Not "Cancel": cancel the leaving, or the edits? The safe button says what it does.
      expect($(element, 'dialog [data-action="dialog-cancel"]').textContent!.trim()).to.equal('Keep editing');
      await answer(element, 'dialog-cancel');
      expect(element.view, 'stayed').to.equal('access');
      expect(screen(element, 'portier-access-rights'), 'the same screen, with its edits').to.equal(rights);
      expect(rights.hasUnsavedChanges).to.equal(true);
      expect(element.hasUnsavedChanges, 'the admin tells a host router').to.equal(true);
      tabTo(element, 'clients');
      await answer(element, 'dialog-confirm');
      expect(element.view).to.equal('clients');
    });

    it('asks before its own moves reach a host that routes by itself: staying sends nothing, leaving asks the host', async () => {
      const { element } = await render(html`<portier-admin view="profile" user-id="u-004"></portier-admin>`);
      await settle(element);
      await typeInProfile(element);
      const asked: string[] = [];
      element.addEventListener(
        'portier-navigate',
        (event) => {
          asked.push(`${event.view}/${event.userId ?? ''}`);
          event.preventDefault();
        },
        { capture: true },
      );
      tabTo(element, 'access');
      await answer(element, 'dialog-cancel');
      expect(asked, 'the user stayed: the host hears nothing').to.deep.equal([]);
      tabTo(element, 'access');
      await answer(element, 'dialog-confirm');
      expect(asked).to.deep.equal(['access/u-004']);
      expect(element.view, 'the host routes').to.equal('profile');
    });

    it('goes back to the list without asking after the user shown is deleted, typed edits or not', async () => {
      const { element } = await render(html`<portier-admin view="profile" user-id="u-004"></portier-admin>`);
      await settle(element);
      const profile = await typeInProfile(element);
      profile.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="remove"]')!.click();
      await waitUntil(() => profile.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open, 'the profile asks to confirm the deletion');
      profile.shadowRoot!.querySelector<HTMLButtonElement>('dialog [data-action="dialog-confirm"]')!.click();
      await waitUntil(() => element.view === 'list', 'back on the list');
      expect(dialog(element).open, 'no leave question').to.equal(false);
    });

    it('moves at once when nothing is unsaved', async () => {
      const { element } = await render(html`<portier-admin view="profile" user-id="u-004"></portier-admin>`);
      await settle(element);
      expect(await element.navigate('access', 'u-004')).to.equal(true);
      expect(dialog(element).open).to.equal(false);
    });

    it('with the URL hash: Back to another screen asks, and staying puts the address back', async () => {
      window.location.hash = '#/users/u-004';
      const { element } = await render(html`<portier-admin hash></portier-admin>`);
      await settle(element);
      const profile = await typeInProfile(element);
      window.location.hash = '#/users';
      await answer(element, 'dialog-cancel');
      expect(window.location.hash).to.equal('#/users/u-004');
      expect(element.view).to.equal('profile');
      expect(profile.shadowRoot!.querySelector<HTMLInputElement>('#lastName')!.value).to.equal('Typed');
      // Leaving by the address: confirmed once, it goes there (and does not ask again).
      window.location.hash = '#/users/u-004/access';
      await answer(element, 'dialog-confirm');
      await waitUntil(() => element.view === 'access', 'the other screen shows');
      expect(window.location.hash).to.equal('#/users/u-004/access');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(dialog(element).open, 'asked once').to.equal(false);
    });

    it('without the Navigation API: Back asks, staying puts the address back, leaving shows the other screen', async () => {
      const real = Object.getOwnPropertyDescriptor(window, 'navigation');
      Object.defineProperty(window, 'navigation', { configurable: true, get: () => undefined });
      try {
        window.location.hash = '#/users/u-004';
        const { element } = await render(html`<portier-admin hash></portier-admin>`);
        await settle(element);
        await typeInProfile(element);
        window.location.hash = '#/users';
        await answer(element, 'dialog-cancel');
        expect(window.location.hash).to.equal('#/users/u-004');
        expect(element.view).to.equal('profile');
        window.location.hash = '#/users';
        await answer(element, 'dialog-confirm');
        await waitUntil(() => element.view === 'list', 'the list shows');
        expect(window.location.hash).to.equal('#/users');
      } finally {
        if (real) Object.defineProperty(window, 'navigation', real);
        else delete (window as { navigation?: unknown }).navigation;
      }
      expect(typeof navigation, 'the real API is back').to.equal('object');
    });

    it('after the browser’s Back is confirmed, a second Back goes on back, not to the screen just left', async () => {
      const hashChange = () => new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      window.location.hash = '#/users';
      const { element } = await render(html`<portier-admin hash></portier-admin>`);
      await settle(element);
      let changed = hashChange();
      window.location.hash = '#/users/u-004';
      await changed;
      await settle(element);
      await typeInProfile(element);
      history.back();
      await answer(element, 'dialog-confirm');
      await waitUntil(() => element.view === 'list', 'left for the list');
      expect(window.location.hash).to.equal('#/users');
      changed = hashChange();
      history.back();
      await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 500))]);
      await settle(element);
      expect(element.view, 'not the abandoned profile').to.not.equal('profile');
    });

    it('after the browser’s Back, staying keeps the history as it was: the list is still one step back', async () => {
      const hashChange = () => new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      window.location.hash = '#/users';
      const { element } = await render(html`<portier-admin hash></portier-admin>`);
      await settle(element);
      const changed = hashChange();
      window.location.hash = '#/users/u-004';
      await changed;
      await settle(element);
      const profile = await typeInProfile(element);
      const shownAt = navigation.currentEntry!.index;
      history.back();
      await answer(element, 'dialog-cancel');
      await waitUntil(() => navigation.currentEntry!.index === shownAt, 'back on the profile’s own history entry');
      expect(window.location.hash).to.equal('#/users/u-004');
      expect(new URL(navigation.entries()[shownAt - 1]!.url!).hash, 'the entry before still leads to the list').to.equal('#/users');
      expect(element.view).to.equal('profile');
      expect(profile.shadowRoot!.querySelector<HTMLInputElement>('#lastName')!.value).to.equal('Typed');
      // Back again, and leave this time: the list shows, and Forward is still there.
      history.back();
      await answer(element, 'dialog-confirm');
      await waitUntil(() => element.view === 'list', 'left for the list');
      expect(window.location.hash).to.equal('#/users');
      expect(navigation.currentEntry!.index).to.equal(shownAt - 1);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(dialog(element).open, 'asked once').to.equal(false);
    });

    it('keeps the screens, and what was typed, when a refresh over loaded data fails with a server error', async () => {
      const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
      const memory = createMemoryBackend({ seed: 'demo', clock });
      let fail = false;
      const backend = { ...memory, load: (ctx: Parameters<typeof memory.load>[0]) => (fail ? Promise.reject(new PortierError('server', { status: 500 })) : memory.load(ctx)) };
      const portier = createPortier({ backend, clock, actorId: 'u-001' });
      await portier.ready;
      const { element } = await render(html`<portier-admin view="profile" user-id="u-004"></portier-admin>`, { portier: { portier, backend: memory, clock } });
      await settle(element);
      const profile = await typeInProfile(element);
      fail = true;
      await portier.refresh().catch(() => undefined);
      await settle(element);
      expect(screen(element, 'portier-user-profile'), 'the screen stays').to.equal(profile);
      fail = false;
      await portier.refresh();
      await settle(profile);
      expect(profile.shadowRoot!.querySelector<HTMLInputElement>('#lastName')!.value).to.equal('Typed');
    });

    it('Back to the users, confirmed, leaves a typed profile', async () => {
      window.location.hash = '#/users/u-004';
      const { element } = await render(html`<portier-admin hash></portier-admin>`);
      await settle(element);
      await typeInProfile(element);
      $<HTMLButtonElement>(element, '[part="back-button"]').click();
      await answer(element, 'dialog-confirm');
      expect(element.view).to.equal('list');
      expect(window.location.hash).to.equal('#/users');
    });

    it('asks the browser before the page is left (reload, close) while a screen holds unsaved changes', async () => {
      const { element } = await render(html`<portier-admin view="create"></portier-admin>`);
      await settle(element);
      const create = screen<PortierUserCreate>(element, 'portier-user-create')!;
      const leaving = () => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      };
      expect(leaving(), 'nothing typed').to.equal(false);
      type(create.shadowRoot!.querySelector<HTMLInputElement>('#firstName')!, 'Jan');
      await settle(create);
      expect(leaving(), 'something typed').to.equal(true);
      type(create.shadowRoot!.querySelector<HTMLInputElement>('#firstName')!, '');
      await settle(create);
      expect(leaving(), 'typed away again').to.equal(false);
    });
  });

  it('shows a plain user only its own profile', async () => {
    const { element } = await render(html`<portier-admin></portier-admin>`, { actorId: 'u-004', locale: 'de' });
    expect(screen(element, 'portier-user-list')).to.equal(null);
    expect(screen(element, 'portier-own-profile')).to.not.equal(null);
    expect($$(element, '[part~="nav-item"]').map((item) => item.textContent!.trim())).to.deep.equal(['Mein Profil']);
    expect(textOf(element)).to.contain('Benutzerverwaltung');
    // Asked for the list (or another user, by URL), it is told why it sees its own profile.
    expect($(element, '[part~="notice"]').textContent).to.equal('Nur ein Super User kann andere Benutzer verwalten: Hier ist Ihr eigenes Profil.');
    element.navigate('own-profile');
    await settle(element);
    expect(element.shadowRoot!.querySelector('[part~="notice"]')).to.equal(null);
  });

  it('maps views to hashes and back', () => {
    for (const [view, userId] of [['list', ''], ['create', ''], ['own-profile', ''], ['profile', 'u-1'], ['access', 'u-1'], ['clients', 'a/b'], ['audit', 'u-1']] as const) {
      expect(viewFromHash(hashOf(view, userId))).to.deep.equal({ view, userId });
    }
    expect(viewFromHash('#/elsewhere')).to.equal(undefined);
    expect(viewFromHash('#/users/%E0%A4%A'), 'a broken escape is no address, not a crash').to.equal(undefined);
    expect(viewFromHash('#/users/u-1/constructor'), 'an inherited name is no view').to.deep.equal({ view: 'profile', userId: 'u-1' });
  });

  it('an address naming an inherited property instead of a user finds no user', async () => {
    for (const id of ['__proto__', 'constructor']) {
      window.location.hash = `#/users/${id}`;
      const { element } = await render(html`<portier-admin hash></portier-admin>`);
      await settle(element);
      const profile = screen(element, 'portier-user-profile');
      expect(profile, id).to.not.equal(null);
      expect(textOf(profile!), id).to.contain('This user does not exist or is no longer visible to you.');
    }
  });

  it('shows the profile for an unknown detail path, and the address then says so', async () => {
    window.location.hash = '#/users/u-005/history';
    const { element } = await render(html`<portier-admin hash></portier-admin>`);
    expect(element.view).to.equal('profile');
    expect(window.location.hash).to.equal('#/users/u-005');
  });
});
