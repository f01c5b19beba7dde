/**
 * Lumen Energy Business — the sample host portal of the Portier demo (`pnpm start`).
 *
 * A host page with its own header, navigation and styling that embeds the Portier screens over the
 * memory backend (persisted in localStorage). Demo controls above the header: act as one of three
 * accounts, switch language, move time forward, reset the data, and read the outbox of e-mails the
 * backend would have sent (their links open the account screens, so an invitation or a password
 * reset can be followed end to end). Routing is the URL hash, with no framework.
 */
import '../packages/elements/src/define.js';
import { DEMO_PASSWORD, type OutboxEmail } from '@portier/adapters';
import { LANGUAGES, displayName, isPortierError, type Language, type PortierState, type User } from '@portier/core';
import { ACT_AS, createDemo, saveLocale, savedLocale } from './demo-setup.js';
import { h } from './dom.js';
import { accountLabel, hostTexts, type HostTexts, type TileId } from './host-i18n.js';

const demo = createDemo();
const { store, backend, clock } = demo;
/** For the screenshot script and the curious: `lumenDemo.store.getState()` in the console. */
(globalThis as unknown as { lumenDemo: typeof demo }).lumenDemo = demo;

let locale: Language = savedLocale();
let t: HostTexts = hostTexts(locale);

const provider = document.getElementById('provider') as HTMLElementTagNameMap['portier-provider'];
const page = document.getElementById('page')!;
const demoBar = document.getElementById('demo-bar')!;
const header = document.getElementById('site-header')!;
const footer = document.getElementById('site-footer')!;
const outbox = document.getElementById('outbox')!;
const announcer = document.getElementById('announcer')!;
const skipLink = document.getElementById('skip-link')!;
// The skip link moves the focus, never the route: "#main" is no page of the portal.
skipLink.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')!.focus();
});

provider.portier = store;

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };

function announce(text: string): void {
  announcer.textContent = '';
  // A new node on the next frame is announced again even when the text repeats.
  requestAnimationFrame(() => (announcer.textContent = text));
}

/** Users of the demo seed as the backend holds them (for names in the switch and the sign-in hints). */
function seedUser(id: string): User | undefined {
  return backend.inspect().data.users[id];
}

function actor(state: PortierState = store.getState()): User | undefined {
  return state.actorId ? state.data.users[state.actorId] : undefined;
}

// ---------------------------------------------------------------- routing

interface Route {
  path: string;
  params: URLSearchParams;
}

function currentRoute(): Route {
  return routeOf(location.hash);
}

/** The route a hash names. */
function routeOf(hashText: string): Route {
  const hash = hashText.replace(/^#/, '');
  const [path = '', query = ''] = hash.split('?');
  return { path: path.replace(/^\/?/, '/').replace(/\/$/, '') || '/', params: new URLSearchParams(query) };
}

/**
 * The host's pages. `/users/…` belongs to <portier-admin>, which keeps its own place in the hash
 * (and links to the signed-in user's own profile as `#/me`, the host's "My profile" page).
 */
function pageKey(route: Route): string {
  const first = route.path.split('/')[1] ?? '';
  return first === '' ? 'home' : first === 'profile' ? 'me' : first;
}

let mountedKey = '';
let mountedSearch = '';

/**
 * The portal's own navigation: before it replaces a page whose Portier screen holds unsaved changes
 * (what a host router does with `hasUnsavedChanges`), it asks; staying puts the address back.
 */
function onHashChange(event: HashChangeEvent): void {
  const leaving = pageKey(currentRoute()) !== mountedKey;
  if (leaving && !leaveConfirmed && holdsUnsavedChanges() && !confirm(t.leaveUnsaved)) {
    // Back or Forward: the entry reached says this page again (a link is asked about before it is followed).
    history.replaceState(history.state, '', new URL(event.oldURL).hash || '#/');
    return;
  }
  leaveConfirmed = false;
  renderPage();
}

/** True while a Portier screen on the page holds unsaved changes (`hasUnsavedChanges`). */
function holdsUnsavedChanges(): boolean {
  return [...page.querySelectorAll('*')].some((element) => (element as Partial<{ hasUnsavedChanges: boolean }>).hasUnsavedChanges === true);
}

/** The user said to leave already (a link, Act as): the hash change that follows does not ask again. */
let leaveConfirmed = false;

/**
 * The portal's links to its other pages ask before they are followed when a screen holds unsaved
 * changes, so staying adds no history entry (no Back press that goes nowhere).
 */
function askBeforeLink(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const target = new URL((link as HTMLAnchorElement).href);
  if (target.hash === window.location.hash || pageKey(routeOf(target.hash)) === mountedKey || !holdsUnsavedChanges()) return;
  if (confirm(t.leaveUnsaved)) leaveConfirmed = true;
  else event.preventDefault();
}

function renderPage(force = false): void {
  const route = currentRoute();
  const key = pageKey(route);
  const search = key === 'users' ? '' : route.params.toString();
  if (!force && key === mountedKey && search === mountedSearch) return;
  const moved = mountedKey !== '' && key !== mountedKey;
  mountedKey = key;
  mountedSearch = search;
  page.dataset['page'] = key;
  page.replaceChildren(...buildPage(key, route));
  renderHeader();
  document.title = `${pageTitle(key)} — Lumen Energy Business`;
  if (moved) document.getElementById('main')?.focus({ preventScroll: false });
}

function pageTitle(key: string): string {
  switch (key) {
    case 'home':
      return t.nav.home;
    case 'users':
      return t.pages.users;
    case 'me':
      return t.pages.profile;
    case 'audit':
      return t.pages.audit;
    case 'signin':
      return t.signin.title;
    case 'activate':
      return t.pages.activate;
    case 'reset':
      return t.pages.reset;
    case 'password-change':
      return t.pages.passwordChange;
    default:
      return t.pages.notFound;
  }
}

/**
 * A Portier screen as this host embeds it: pinned to the light theme, because the portal is light
 * only and themes the screens with its own light colours. Without `theme="light"`, a visitor whose
 * system prefers dark would get Portier's dark defaults for the tokens the host does not set.
 */
function screen(tag: string, attrs: Record<string, string | boolean> = {}): HTMLElement {
  return h(tag, { ...attrs, theme: 'light' });
}

function buildPage(key: string, route: Route): Node[] {
  const title = (text: string) => h('h1', { class: 'page-title' }, text);
  switch (key) {
    case 'home':
      return homePage();
    case 'users':
      // `hash`: the admin keeps its own place in the URL (#/users, #/users/new, #/users/<id>/access…).
      return [title(t.pages.users), screen('portier-admin', { hash: true })];
    case 'me':
      return [
        title(t.pages.profile),
        h('div', { class: 'panel' }, screen('portier-own-profile')),
        h('p', null, h('a', { href: '#/password-change?reason=change', onclick: () => rememberPasswordChangeEmail() }, t.changePassword)),
      ];
    case 'audit':
      return [title(t.pages.audit), h('div', { class: 'panel' }, screen('portier-audit-log'))];
    case 'signin':
      return signInPage();
    case 'activate':
      return accountScreen(t.pages.activate, screen('portier-activate-account', { token: route.params.get('token') ?? '' }));
    case 'reset': {
      const token = route.params.get('token');
      return accountScreen(t.pages.reset, screen('portier-password-reset', token ? { token } : {}));
    }
    case 'password-change': {
      const email = sessionStorage.getItem('lumen-demo-password-change') ?? '';
      // From "My profile" (?reason=change) rather than from an expired initial password at sign-in.
      const attributes: Record<string, string> = {};
      if (email) attributes['email'] = email;
      if (route.params.get('reason') === 'change') attributes['reason'] = 'change';
      const page = screen('portier-password-change', attributes);
      // Asked from "My profile", by someone signed in: after the change, back there rather than "Sign in".
      if (attributes['reason'] === 'change') page.append(h('a', { slot: 'sign-in', href: '#/me', class: 'button' }, t.nav.profile));
      return accountScreen(t.pages.passwordChange, page);
    }
    default:
      return [title(t.pages.notFound), h('p', null, h('a', { href: '#/' }, t.nav.home))];
  }
}

function accountScreen(heading: string, screen: HTMLElement): Node[] {
  return [h('h1', { class: 'page-title' }, heading), h('div', { class: 'panel account-screen' }, screen)];
}

// ---------------------------------------------------------------- pages

const TILES: { id: TileId; application?: string; featured?: boolean }[] = [
  { id: 'energy-guard', application: 'energy-guard' },
  { id: 'price-viewer' },
  { id: 'portfolio-manager', application: 'portfolio-manager' },
  { id: 'invoice-viewer', application: 'invoice-viewer' },
  { id: 'access-points', application: 'manage-access-points' },
  { id: 'market-review' },
  { id: 'customer-data', application: 'my-customer-data' },
  { id: 'users', featured: true },
];

function homePage(): Node[] {
  const state = store.getState();
  const me = actor(state);
  const grants = (me && state.data.grants[me.id]) ?? [];
  const toast = h('p', { class: 'toast', role: 'status' });
  const tiles = TILES.map(({ id, application, featured }) => {
    const text = t.tiles[id];
    const isUsers = id === 'users';
    const allowed = isUsers ? me?.role === 'superuser' : !application || grants.some((grant) => grant.applicationId === application && grant.level !== 'none');
    const action = isUsers
      ? h('a', { class: 'tile-action', href: '#/users' }, text.action)
      : h('button', { type: 'button', class: 'tile-action', onclick: () => (toast.textContent = `${t.labelled(text.title)} ${t.notInDemo}`) }, text.action);
    return h(
      'li',
      { class: `tile${featured ? ' featured' : ''}${allowed ? '' : ' locked'}` },
      h('h2', null, text.title),
      h('p', null, text.text),
      allowed ? action : h('span', { class: 'lock' }, isUsers ? t.superUsersOnly : t.noAccess),
    );
  });
  return [
    h(
      'div',
      { class: 'hero' },
      h('div', null, h('h1', { class: 'page-title' }, t.welcome(me ? me.firstName || displayName(me) : '')), h('p', null, t.homeIntro)),
    ),
    h('ul', { class: 'tiles' }, ...tiles),
    toast,
  ];
}

function signInPage(): Node[] {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true, value: sessionStorage.getItem('lumen-demo-sign-in-email') ?? '' });
  sessionStorage.removeItem('lumen-demo-sign-in-email');
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const message = h('div', { class: 'message', role: 'alert', id: 'signin-message' });
  /** Marks the empty fields as such, described by the message; no argument clears the marks. */
  const markMissing = (...fields: HTMLInputElement[]) => {
    for (const input of [email, password]) {
      if (fields.includes(input)) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'signin-message');
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
  };
  const form = h(
    'form',
    { class: 'form panel', novalidate: true, 'aria-labelledby': 'signin-title' },
    h('p', null, t.signin.intro),
    h('label', null, t.signin.email, email),
    h('label', null, t.signin.password, password),
    message,
    h('button', { type: 'submit', class: 'button' }, t.signin.submit),
    h('a', { href: '#/reset' }, t.signin.forgot),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.className = 'message';
    message.textContent = '';
    const missing = [email, password].filter((input) => (input === email ? input.value.trim() : input.value) === '');
    markMissing(...missing);
    if (missing.length > 0) {
      message.className = 'message error';
      message.textContent = t.signin.missing;
      missing[0]!.focus();
      return;
    }
    try {
      const result = await store.session.signIn(email.value, password.value);
      if (result.passwordChangeRequired) {
        sessionStorage.setItem('lumen-demo-password-change', email.value);
        location.hash = '#/password-change';
        return;
      }
      await demo.actAs(result.userId);
      renderDemoBar();
      const me = actor();
      announce(t.signin.success(me ? displayName(me) : email.value));
      location.hash = '#/';
    } catch (error) {
      const lines = signInError(error);
      message.className = `message ${lines.kind}`;
      message.replaceChildren(...lines.text.flatMap((line, index) => (index ? [h('br'), line] : [line])));
    } finally {
      void refreshOutbox();
      // A failed attempt may have blocked the account: the screens show it without a reload.
      void store.refresh().catch(() => undefined);
    }
  });

  const accounts = (['u-001', 'u-002', 'u-003', 'u-004', 'u-016'] as const).map((id) => {
    const user = seedUser(id);
    if (!user) return null;
    return h(
      'li',
      null,
      h('span', null, displayName(user), h('small', null, `${user.email} · ${t.signin.accountNotes[id]}`)),
      h(
        'button',
        {
          type: 'button',
          'aria-label': `${t.signin.fill} ${user.email}`,
          onclick: () => {
            email.value = user.email;
            password.value = DEMO_PASSWORD;
            password.focus();
          },
        },
        t.signin.fill,
      ),
    );
  });
  return [
    h('h1', { class: 'page-title', id: 'signin-title' }, t.signin.title),
    h(
      'div',
      { class: 'signin' },
      form,
      h('section', { class: 'panel', 'aria-labelledby': 'demo-accounts' }, h('h2', { id: 'demo-accounts' }, t.signin.accounts), h('p', null, t.signin.password_hint(DEMO_PASSWORD)), h('ul', { class: 'accounts' }, ...accounts)),
    ),
  ];
}

function signInError(error: unknown): { kind: 'error' | 'warning'; text: string[] } {
  if (!isPortierError(error)) return { kind: 'error', text: [String(error)] };
  const details = error.details ?? {};
  if (error.code === 'account-blocked') {
    const until = details['until'];
    if (typeof until !== 'string') return { kind: 'error', text: [t.signin.blocked] };
    return { kind: 'error', text: [t.signin.locked(new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(Date.parse(until)))] };
  }
  if (error.code === 'network' || error.code === 'server') return { kind: 'error', text: [t.signin.unreachable] };
  if (error.code === 'validation') return { kind: 'error', text: [t.signin.missing] };
  if (error.code === 'forbidden' && details['reason'] === 'inactive') {
    const status = String(details['status']);
    return { kind: 'error', text: [t.signin.inactive(t.signin.statuses[status as keyof typeof t.signin.statuses] ?? status)] };
  }
  if (error.code === 'forbidden' && details['reason'] === 'credentials') return { kind: 'warning', text: [t.signin.wrong, t.signin.lockoutHint] };
  return { kind: 'error', text: [t.signin.wrong] };
}

// ---------------------------------------------------------------- chrome

/**
 * The demo bar's controls. They are built once and then updated in place: replacing them on every
 * redraw (a language, an actor, a state change) would drop the keyboard focus to <body>, so arrow
 * keys on a select could not step on through its values. A render changes only what differs.
 */
let bar: ReturnType<typeof buildDemoBar> | undefined;

function buildDemoBar() {
  const actAs = h('select', {
    id: 'act-as',
    onchange: async () => {
      const id = actAs.value;
      // Another account sees other screens: what is typed here would go.
      if (holdsUnsavedChanges() && !confirm(t.leaveUnsaved)) {
        actAs.value = store.getState().actorId ?? '';
        return;
      }
      await demo.actAs(id);
      announce(`${t.labelled(t.actAs)} ${actAs.selectedOptions[0]?.textContent ?? id}`);
    },
  });
  const language = h(
    'select',
    { id: 'language', onchange: () => setLocale(language.value as Language) },
    ...LANGUAGES.map((code) => h('option', { value: code, lang: code }, LANGUAGE_NAMES[code])),
  );
  const tag = h('span', { class: 'tag' });
  const actAsText = h('span', { class: 'label-text' });
  const languageText = h('span', { class: 'label-text' });
  const clockSpan = h('span', { class: 'clock' });
  const moveTime = h(
    'button',
    {
      type: 'button',
      id: 'move-time',
      onclick: async () => {
        await demo.moveTime(31);
        renderDemoBar();
        void refreshOutbox();
        announce(`${t.today} ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(clock.now())}`);
      },
    },
  );
  const resetData = h('button', {
    type: 'button',
    id: 'reset-data',
    onclick: async () => {
      if (!confirm(t.resetConfirm)) return;
      await demo.resetData();
      renderDemoBar();
      renderPage(true);
      void refreshOutbox();
      announce(t.resetData);
    },
  });
  const react = h('a', { href: './react.html' });
  const outboxText = document.createTextNode('');
  const outboxToggle = h(
    'button',
    { type: 'button', id: 'outbox-toggle', 'aria-controls': 'outbox', 'aria-expanded': String(!outbox.hidden), onclick: () => toggleOutbox() },
    outboxText,
    h('span', { class: 'badge', id: 'outbox-count' }, String(outboxMails.length)),
  );
  demoBar.replaceChildren(
    tag,
    h('label', null, actAsText, actAs),
    h('label', null, languageText, language),
    clockSpan,
    moveTime,
    resetData,
    h('span', { class: 'spacer' }),
    react,
    outboxToggle,
  );
  return { tag, actAs, actAsText, language, languageText, clock: clockSpan, moveTime, resetData, react, outboxText };
}

/** Sets a node's text only when it differs (an unchanged control is not touched). */
function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Makes `select`'s options these (kept where their value matches, so the select keeps its focus) and selects `value`. */
function setOptions(select: HTMLSelectElement, options: { value: string; label: string }[], value: string): void {
  options.forEach((wanted, index) => {
    let option = select.options[index];
    if (option?.value !== wanted.value) {
      option = h('option', { value: wanted.value });
      select.add(option, index);
    }
    setText(option, wanted.label);
  });
  while (select.options.length > options.length) select.remove(select.options.length - 1);
  if (select.value !== value) select.value = value;
}

/**
 * An "act as" entry: the account as the store holds it now (one the actor may not see, as the
 * backend holds it), so its role and status follow demotions, blocks and the like.
 */
function actAsLabel(id: string, state: PortierState): string {
  const user = state.data.users[id] ?? seedUser(id);
  return user ? accountLabel(user, t, clock.now()) : id;
}

function renderDemoBar(): void {
  bar ??= buildDemoBar();
  const state = store.getState();
  const ids: string[] = ACT_AS.map(({ id }) => id);
  // Signed in as another account (sign-in page): it heads the list.
  if (state.actorId && !ids.includes(state.actorId)) ids.unshift(state.actorId);
  setOptions(bar.actAs, ids.map((id) => ({ value: id, label: actAsLabel(id, state) })), state.actorId ?? '');
  setOptions(bar.language, LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] })), locale);
  const days = Math.round(clock.offset() / 86_400_000);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(clock.now());
  const shift = days ? ` (${t.shifted(days)})` : '';
  if (bar.clock.textContent !== `${t.today} ${date}${shift}`) {
    bar.clock.replaceChildren(`${t.today} ${date}`, shift ? h('span', { class: 'shift' }, shift) : '');
  }
  if (demoBar.getAttribute('aria-label') !== t.demoBar) demoBar.setAttribute('aria-label', t.demoBar);
  setText(bar.tag, t.demoTag);
  setText(bar.actAsText, t.actAs);
  setText(bar.languageText, t.language);
  setText(bar.moveTime, t.moveTime);
  setText(bar.resetData, t.resetData);
  setText(bar.react, t.react);
  setText(bar.outboxText, t.outbox);
}

/** The brand mark: a sun, built in the SVG namespace (static markup, no user text). */
function brandMark(): SVGSVGElement {
  const mark = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  mark.setAttribute('viewBox', '0 0 32 32');
  mark.setAttribute('width', '30');
  mark.setAttribute('height', '30');
  mark.setAttribute('aria-hidden', 'true');
  mark.innerHTML =
    '<circle cx="16" cy="16" r="8" fill="#f2a20c"/><g stroke="#f2a20c" stroke-width="2.4" stroke-linecap="round"><path d="M16 2v4M16 26v4M2 16h4M26 16h4M6.1 6.1l2.8 2.8M23.1 23.1l2.8 2.8M6.1 25.9l2.8-2.8M23.1 8.9l2.8-2.8"/></g>';
  return mark;
}

function renderHeader(): void {
  const state = store.getState();
  const me = actor(state);
  const key = mountedKey;
  const link = (href: string, pageId: string, text: string) =>
    h('li', null, h('a', { href, 'aria-current': key === pageId ? 'page' : undefined }, text));
  const initials = me ? `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase() || me.email.charAt(0).toUpperCase() : '?';
  header.replaceChildren(
    h(
      'a',
      { class: 'brand', href: '#/' },
      brandMark(),
      t.brand,
      h('small', null, t.brandTagline),
    ),
    h(
      'nav',
      { class: 'site-nav', 'aria-label': t.brand },
      h(
        'ul',
        null,
        link('#/', 'home', t.nav.home),
        me?.role === 'superuser' ? link('#/users', 'users', t.nav.users) : null,
        link('#/me', 'me', t.nav.profile),
        me?.role === 'superuser' ? link('#/audit', 'audit', t.nav.audit) : null,
      ),
    ),
    h(
      'div',
      { class: 'user-chip' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials),
      h(
        'span',
        { class: 'who' },
        h('span', null, h('span', { class: 'visually-hidden' }, `${t.signedInAs} `), me ? displayName(me) : '…'),
        h('span', { class: 'role' }, me ? (me.role === 'superuser' ? (me.signature === 'collective' ? t.actAsKinds.collective : t.actAsKinds.superuser) : t.actAsKinds.user) : ''),
      ),
      key === 'signin' ? null : h('a', { href: '#/signin' }, t.signOut),
    ),
  );
  footer.textContent = t.footer;
  skipLink.textContent = t.skip;
}

function setLocale(next: Language): void {
  locale = next;
  t = hostTexts(next);
  saveLocale(next);
  document.documentElement.lang = next;
  provider.locale = next;
  store.setLocale(next);
  renderDemoBar();
  renderOutbox();
  // Host pages rebuild their texts; Portier screens translate themselves without a remount.
  if (mountedKey === 'home' || mountedKey === 'signin') renderPage(true);
  else {
    renderHeader();
    const heading = page.querySelector('.page-title');
    if (heading) heading.textContent = pageTitle(mountedKey);
    document.title = `${pageTitle(mountedKey)} — Lumen Energy Business`;
  }
}

// ---------------------------------------------------------------- outbox

let outboxMails: OutboxEmail[] = [];
let outboxPoll: ReturnType<typeof setInterval> | undefined;

/** The password change page greets the signed-in user with their e-mail. */
function rememberPasswordChangeEmail(): void {
  const me = actor();
  if (me) sessionStorage.setItem('lumen-demo-password-change', me.email);
}

async function refreshOutbox(): Promise<void> {
  // The demo's own API may be down (REST demo): the outbox just keeps what it showed.
  const mails = await backend.outbox().catch(() => undefined);
  if (!mails) return;
  const changed = mails.length !== outboxMails.length || mails[0]?.id !== outboxMails[0]?.id;
  outboxMails = mails;
  const count = document.getElementById('outbox-count');
  if (count) count.textContent = String(mails.length);
  if (changed || !outbox.hidden) renderOutbox();
}

/**
 * Draws the open panel. The poll calls this every 1.5 s: a part whose content did not change is
 * kept (so is a focused link in it), and when a focused part is redrawn (a link was used, the
 * language changed) the focus goes to its counterpart in the new content.
 */
function renderOutbox(): void {
  if (outbox.hidden) return;
  const { tokens, data } = backend.inspect();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const items = outboxMails.map((mail) => {
    const record = mail.token ? tokens[mail.token] : undefined;
    const state = record ? (record.state === 'open' && Date.parse(record.expiresAt) <= clock.now() ? 'expired' : record.state) : undefined;
    const href = mail.token ? (mail.kind === 'invitation' ? `#/activate?token=${encodeURIComponent(mail.token)}` : `#/reset?token=${encodeURIComponent(mail.token)}`) : undefined;
    const about = mail.aboutUserId ? data.users[mail.aboutUserId] : undefined;
    return h(
      'li',
      { class: 'mail', 'data-kind': mail.kind, 'data-id': mail.id },
      h('div', null, h('span', { class: 'kind' }, t.mailKinds[mail.kind]), state ? h('span', { class: 'state', 'data-state': state }, t.linkStates[state]) : null),
      h('div', null, `${t.mailTo} `, h('span', { dir: 'auto' }, mail.to)),
      h('div', { class: 'meta' }, `${when.format(Date.parse(mail.at))} · ${mail.language.toUpperCase()}`),
      href ? h('a', { href, onclick: () => (announce(t.mailKinds[mail.kind]), leaveOverlaidOutbox()) }, t.openLink) : null,
      about ? h('a', { href: `#/users/${encodeURIComponent(about.id)}`, onclick: leaveOverlaidOutbox }, t.openUser(about.email)) : null,
    );
  });
  const focus = focusPath(outbox);
  reconcile(outbox, [
    h(
      'header',
      null,
      // A target for the focus when the panel opens (tabindex -1: not a stop of the Tab order).
      h('h2', { id: 'outbox-title', tabindex: '-1' }, t.outboxTitle),
      h('button', { type: 'button', class: 'close', onclick: () => toggleOutbox(false) }, t.close),
    ),
    h('p', { class: 'hint' }, items.length ? t.outboxHint : t.outboxEmpty),
    h('ol', null, ...items),
  ]);
  if (focus && !outbox.contains(document.activeElement)) restoreFocus(outbox, focus);
}

/**
 * Puts `next` in `parent`, keeping each child that equals its counterpart (same tag, attributes
 * and text). A list's items are matched by `data-id` (a new mail comes first), so the others stay.
 */
function reconcile(parent: Element, next: Element[]): void {
  const keyOf = (element: Element, index: number) => element.getAttribute('data-id') ?? `#${index}`;
  const old = new Map([...parent.children].map((child, index) => [keyOf(child, index), child]));
  const children = next.map((child, index) => {
    const kept = old.get(keyOf(child, index));
    if (!kept || kept.tagName !== child.tagName) return child;
    if (kept.isEqualNode(child)) return kept;
    // A list whose items changed: keep the unchanged items inside it.
    if (child.tagName === 'OL') {
      reconcile(kept, [...child.children]);
      return kept;
    }
    return child;
  });
  // Only what moved or is new is inserted: a kept node that stays in place is not touched (moving it would blur it).
  children.forEach((child, index) => {
    if (parent.children[index] !== child) parent.insertBefore(child, parent.children[index] ?? null);
  });
  while (parent.children.length > children.length) parent.lastElementChild!.remove();
}

/** Where the focus is inside `root`: the child indexes (or `data-id`s) down to the focused element. */
function focusPath(root: Element): string[] | undefined {
  const active = document.activeElement;
  if (!active || active === root || !root.contains(active)) return undefined;
  const path: string[] = [];
  for (let node: Element = active; node !== root; node = node.parentElement!) {
    path.unshift(node.getAttribute('data-id') ?? `#${[...node.parentElement!.children].indexOf(node)}`);
  }
  return path;
}

/** Focuses the element at `path` (see focusPath), or the nearest focusable one above it, or the heading. */
function restoreFocus(root: Element, path: string[]): void {
  let node: Element = root;
  for (const step of path) {
    const child = step.startsWith('#') ? node.children[Number(step.slice(1))] : [...node.children].find((element) => element.getAttribute('data-id') === step);
    if (!child) break;
    node = child;
  }
  const target = node.matches('a[href], button, [tabindex]') ? node : node.querySelector('a[href], button') ?? root.querySelector('h2');
  (target as HTMLElement | null)?.focus();
}

/** Where the outbox is an overlay rather than a column (portal.css, `max-width: 900px`). */
const overlayOutbox = matchMedia('(max-width: 900px)');

/**
 * Where the open outbox lies over the page, the page under it is inert: the keyboard and a screen
 * reader stay in the panel instead of reaching controls it covers. Close and Escape leave it.
 */
function syncOutboxOverlay(): void {
  const covering = !outbox.hidden && overlayOutbox.matches;
  for (const element of [skipLink, demoBar, header, document.getElementById('main')!, footer]) element.inert = covering;
}
overlayOutbox.addEventListener('change', syncOutboxOverlay);

/** A link followed from the outbox where it lies over the page (a phone): the page it opens is shown, not hidden behind the panel. */
function leaveOverlaidOutbox(): void {
  if (overlayOutbox.matches) toggleOutbox(false, false);
}

/**
 * Escape closes the outbox, at every width, and gives the focus back to its button: from inside
 * the panel or the demo bar (or with nothing focused), and where the panel lies over the page
 * (narrow screens) from anywhere but another layer that has Escape for itself (an open dialog).
 */
function closeOutboxOnEscape(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || outbox.hidden) return;
  const path = event.composedPath();
  const inChrome = path.includes(outbox) || path.includes(demoBar) || event.target === document.body;
  if (!inChrome) {
    if (!overlayOutbox.matches) return;
    if (path.some((node) => node instanceof HTMLDialogElement && node.open)) return;
  }
  event.preventDefault();
  toggleOutbox(false);
}

function toggleOutbox(open = outbox.hidden, moveFocus = true): void {
  outbox.hidden = !open;
  syncOutboxOverlay();
  localStorage.setItem('lumen-demo-outbox-open', open ? '1' : '');
  document.getElementById('outbox-toggle')?.setAttribute('aria-expanded', String(open));
  clearInterval(outboxPoll);
  if (open) {
    renderOutbox();
    // Current at once (not after the first poll), so the list does not shift under the pointer.
    void refreshOutbox();
    // The account screens talk to the backend directly; a light poll keeps the panel current.
    outboxPoll = setInterval(() => void refreshOutbox(), 1500);
    // Opened with a click or a key press: the focus goes into the panel, on its heading.
    if (moveFocus) outbox.querySelector<HTMLElement>('h2')?.focus();
  } else if (moveFocus) {
    document.getElementById('outbox-toggle')?.focus();
  }
}

// ---------------------------------------------------------------- start

document.documentElement.lang = locale;
provider.locale = locale;
renderDemoBar();
renderHeader();
renderPage(true);

let lastActor = store.getState().actorId;
let lastStatus = store.getState().status;
let scheduled = false;
store.subscribe((state) => {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    const current = store.getState();
    renderHeader();
    // In place (the focused select keeps the focus): the "act as" labels follow roles and statuses.
    renderDemoBar();
    if (current.actorId !== lastActor || current.status !== lastStatus) {
      lastActor = current.actorId;
      lastStatus = current.status;
      if (mountedKey === 'home') renderPage(true);
    }
    void refreshOutbox();
  });
  void state;
});
window.addEventListener('hashchange', onHashChange);
document.addEventListener('click', askBeforeLink);
document.addEventListener('keydown', closeOutboxOnEscape);
// The account screens (activation, reset, change) end with "Sign in": the host shows its own page.
document.addEventListener('portier-sign-in-requested', (event) => {
  if (event.email) sessionStorage.setItem('lumen-demo-sign-in-email', event.email);
  location.hash = '#/signin';
});
// A host reacting to Portier's events: a new user means a new invitation in the outbox.
document.addEventListener('portier-user-created', () => void refreshOutbox());
// A password was set from a link or changed: the outbox links' states change, and so may the data.
document.addEventListener('portier-password-set', () => {
  sessionStorage.removeItem('lumen-demo-password-change');
  void refreshOutbox();
  void store.refresh().catch(() => undefined);
});
if (localStorage.getItem('lumen-demo-outbox-open')) toggleOutbox(true, false);
// Over REST the demo accounts (sign-in page, "act as") arrive after the first render: draw them again.
void backend.loaded?.then(() => {
  renderDemoBar();
  if (mountedKey === 'signin') renderPage(true);
});
void store.ready.catch(() => undefined).then(() => {
  renderDemoBar();
  renderHeader();
  if (mountedKey === 'home') renderPage(true);
  void refreshOutbox();
});
