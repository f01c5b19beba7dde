import { displayName, isPortierError, selectUser } from '@portier/core';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConfirmDialog } from '../controllers/confirm-dialog.js';
import { PortierController } from '../controllers/portier-controller.js';
import { holdsUnsavedChanges, type HoldsUnsavedChanges } from '../controllers/unsaved-changes.js';
import { PortierNavigateEvent, type PortierView } from '../events/navigate.js';
import { SCREEN_EXPORTPARTS } from './screen-parts.js';
import type { PortierUserCreatedEvent } from '../events/user-created.js';
import type { PortierUserRemovedEvent } from '../events/user-removed.js';
import type { Messages, Say } from '../localize/messages.js';
import type { PortierUserList } from '../user-list/user-list.js';
import { baseStyles, dialogStyles, tokens } from '../theme/tokens.js';
import { adminStyles } from './admin.styles.js';

const VIEWS: readonly PortierView[] = ['list', 'create', 'profile', 'access', 'clients', 'audit', 'own-profile'];
const DETAIL_VIEWS: readonly PortierView[] = ['profile', 'access', 'clients', 'audit'];
const DETAIL_PATHS: Record<string, PortierView> = { access: 'access', clients: 'clients', audit: 'audit' };

/** `#/users`, `#/users/new`, `#/users/<id>[/access|/clients|/audit]`, `#/me`; undefined for another or a malformed hash. */
export function viewFromHash(hash: string): { view: PortierView; userId: string } | undefined {
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A broken escape ("%E0%A4%A"), typed or pasted: not an address of these screens.
    return undefined;
  }
  if (parts[0] === 'me') return { view: 'own-profile', userId: '' };
  if (parts[0] !== 'users') return undefined;
  if (parts.length === 1) return { view: 'list', userId: '' };
  if (parts[1] === 'new') return { view: 'create', userId: '' };
  const detail = parts[2] ?? '';
  // An own key only: `#/users/u-1/constructor` is no view.
  return { view: (Object.hasOwn(DETAIL_PATHS, detail) ? DETAIL_PATHS[detail] : undefined) ?? 'profile', userId: parts[1]! };
}

/** The hash of a view (inverse of {@link viewFromHash}). */
export function hashOf(view: PortierView, userId = ''): string {
  const id = encodeURIComponent(userId);
  switch (view) {
    case 'list':
      return '#/users';
    case 'create':
      return '#/users/new';
    case 'own-profile':
      return '#/me';
    case 'profile':
      return `#/users/${id}`;
    default:
      return `#/users/${id}/${view}`;
  }
}

/** This document's place in the browser history, where the browser tells it (the Navigation API). */
function historyIndex(): number | undefined {
  return typeof navigation === 'undefined' ? undefined : navigation.currentEntry?.index;
}

/**
 * The whole user administration in one element: the user list, the create form and a user's
 * detail (profile, access rights, managed clients, recent changes), with its own navigation
 * (list → create / detail → back) and a link to the signed-in user's own profile. The view is
 * the `view` and `user-id` attributes, or the URL hash with `hash` set (`#/users`,
 * `#/users/new`, `#/users/<id>/access`, `#/me`), so no host router is needed. Child screens are
 * used by tag name; a plain user sees only its own profile. A user deleted from its profile
 * (`portier-user-removed`) takes the administrator back to the list, which announces it. The
 * screens' CSS parts are forwarded under their own names: `portier-admin::part(row)` styles the
 * list's rows (see `SCREEN_PARTS`).
 *
 * @summary User administration: list, create, detail, own profile.
 * @event portier-navigate - Every move between screens asks with it first: those the screens ask for bubble up from them; the admin's own (menu, tabs, back, the next screen after a creation or a deletion) are fired on this element, after asking about unsaved changes. A host that handles navigation itself calls `preventDefault()` in a capture-phase listener on this element, then routes and sets `view` and `user-id`.
 * @event portier-user-created - Bubbles up from the create form: a user was created.
 * @event portier-user-updated - Bubbles up from the list, the profile and the managed clients: a change was saved.
 * @event portier-user-removed - Bubbles up from the profile: a user was deleted.
 * @event portier-access-changed - Bubbles up from the access rights: rights were saved, copied or authorized.
 * @csspart notice - Why a plain user sees its own profile instead of the screen it asked for.
 * @csspart error - Why nothing could be loaded (no signed-in actor, an unreachable server).
 * @csspart retry - Loads again after that error, or after a failed refresh.
 * @csspart stale - Says that a refresh could not reach the backend: the screens show the data as last loaded.
 * @csspart bar - The navigation bar.
 * @csspart brand - The title in the bar.
 * @csspart nav - The main navigation.
 * @csspart nav-item - A navigation button.
 * @csspart detail-header - The back button and the user's name above a detail view.
 * @csspart back-button - "Back to the users".
 * @csspart detail-name - The user's name.
 * @csspart tabs - The detail's navigation (profile, access rights, managed clients, recent changes).
 * @csspart view - The box around the current screen.
 * @csspart live - The live region that announces results.
 * @csspart dialog - The question asked before leaving a screen with unsaved changes.
 * @csspart button - The dialog's two buttons (stay, leave without saving), and the screens' buttons.
 */
export class PortierAdmin extends LitElement implements HoldsUnsavedChanges {
  static override styles = [tokens, baseStyles, dialogStyles, adminStyles];

  /** The screen shown. */
  @property({ reflect: true }) view: PortierView = 'list';

  /** The user of a detail view. */
  @property({ attribute: 'user-id', reflect: true }) userId = '';

  /** The list loads users page by page from the backend (see `<portier-user-list paged>`). */
  @property({ type: Boolean, reflect: true }) paged = false;

  /** Follow and write the URL hash (`#/users/…`). */
  @property({ type: Boolean, reflect: true }) hash = false;

  /** Language of every screen; default: the provider's, the page's, or the store's. */
  @property({ reflect: true }) locale: string | undefined;

  /** `dark` or `light` forces a colour scheme on every screen; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** Worded at render time, so it follows a change of language. */
  @state() private announcement: Say | undefined;
  /** The `view/userId` the announcement was made for. */
  #announcedOn = '';

  readonly #portier = new PortierController(this);
  readonly #dialog = new ConfirmDialog(this);
  #moveFocus = false;
  /** The name of the user last shown in a detail view. */
  #lastName: { id: string; name: string } | undefined;
  /** The list has been shown: it is kept from then on (see `#renderList`). */
  #listShown = false;
  /** Back to the list from a user's screen: the focus goes to that user's row. */
  #returnTo: { userId: string; view: PortierView } | undefined;
  /** The place in the browser history of the entry whose screen shows (when the browser tells it). */
  #entryIndex: number | undefined;
  /** The address the user agreed to leave for: its hashchange shows it without asking again. */
  #leaveConfirmedFor: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHash);
    if (this.hash) this.#onHash();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.#onHash);
    super.disconnectedCallback();
  }

  /**
   * Shows another screen (and writes the hash when `hash` is set). When the screen shown holds
   * changes not saved yet, asks first whether to leave without saving them. Resolves true once the
   * other screen shows, false when the user stayed.
   */
  navigate(view: PortierView, userId = ''): Promise<boolean> {
    if (!VIEWS.includes(view)) return Promise.resolve(false);
    const leave = this.#mayLeaveFor(view, userId);
    if (leave === true) {
      this.#go(view, userId);
      return Promise.resolve(true);
    }
    return leave.then((left) => {
      if (left) this.#go(view, userId);
      return left;
    });
  }

  /** True at once when showing `view` loses nothing typed; else asks (a promise of the answer). */
  #mayLeaveFor(view: PortierView, userId: string): true | Promise<boolean> {
    const elsewhere = view !== this.view || (DETAIL_VIEWS.includes(view) ? userId : '') !== this.userId;
    return !elsewhere || !this.#holdsUnsavedChanges() ? true : this.#mayLeave();
  }

  /** True while the screen shown holds changes not saved yet: a host router asks before it removes the admin. */
  get hasUnsavedChanges(): boolean {
    return this.#holdsUnsavedChanges();
  }

  /** True when the screen shown holds changes not saved yet (typed, chosen, edited in the matrix). */
  #holdsUnsavedChanges(): boolean {
    const shown = this.renderRoot.querySelector('[part~="view"]')?.children ?? [];
    return [...shown].some((screen) => holdsUnsavedChanges(screen));
  }

  /** Asks whether to leave the screen shown without saving its changes. */
  #mayLeave(): Promise<boolean> {
    const t = this.#portier.t;
    if (!t) return Promise.resolve(true);
    const { title, message, confirm, stay } = t.admin.leave;
    return this.#dialog.ask({ title, message, confirmLabel: confirm, cancelLabel: stay, danger: true });
  }

  #go(view: PortierView, userId: string): void {
    this.#show(view, userId);
    if (this.hash) {
      const next = hashOf(this.view, this.userId);
      if (window.location.hash !== next) window.location.hash = next;
    }
  }

  /** Shows `view` (the address is the caller's business), the focus moving to it. */
  #show(view: PortierView, userId: string): void {
    this.#moveFocus = true;
    this.#returnTo = this.#returnFor(view);
    this.view = view;
    this.userId = DETAIL_VIEWS.includes(view) ? userId : '';
  }

  /** Where the focus goes back to when `next` is the list and a user's screen is being left. */
  #returnFor(next: PortierView): { userId: string; view: PortierView } | undefined {
    return next === 'list' && DETAIL_VIEWS.includes(this.view) && this.userId ? { userId: this.userId, view: this.view } : undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('hash') && this.hash && this.isConnected) this.#onHash();
    // An announcement belongs to the screen it led to: any other navigation (a link, the URL, the host) drops it.
    if ((changed.has('view') || changed.has('userId')) && this.#announcedOn !== `${this.view}/${this.userId}`) this.announcement = undefined;
    // The kept list's own result ("… was deactivated") is done with once another screen is shown.
    if (changed.has('view') && changed.get('view') === 'list' && this.view !== 'list') {
      this.renderRoot.querySelector<PortierUserList>('portier-user-list')?.clearMessages();
    }
  }

  /**
   * The admin's own moves (its menu, tabs and back button): asked for with `portier-navigate`, as
   * the screens ask, so that a host routing by itself hears every move and may take it over.
   */
  #request(view: PortierView, userId = ''): void {
    // Asked first: a host that takes the move over replaces the screen without asking again.
    const move = () => {
      if (this.dispatchEvent(new PortierNavigateEvent(view, userId || undefined))) this.#go(view, userId);
    };
    const leave = this.#mayLeaveFor(view, userId);
    if (leave === true) move();
    else void leave.then((left) => left && move());
  }

  /** Shows `message` on the screen `navigate(view, userId)` leads to (or a host router, see {@link #request}). */
  #announceAndGo(message: Say, view: PortierView, userId = ''): void {
    this.announcement = message;
    this.#announcedOn = `${view}/${DETAIL_VIEWS.includes(view) ? userId : ''}`;
    // What the screen held is done (created, deleted): nothing is left to ask about.
    if (this.dispatchEvent(new PortierNavigateEvent(view, userId || undefined))) this.#go(view, userId);
  }

  protected override updated(): void {
    if (!this.#moveFocus) return;
    this.#moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>('[part~="view"]')?.focus();
    const returnTo = this.#returnTo;
    this.#returnTo = undefined;
    // Then, once the list shows it, on the row of the user just left (its button for that screen).
    if (returnTo && this.view === 'list') void this.renderRoot.querySelector('portier-user-list')?.focusUser(returnTo.userId, returnTo.view);
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p class="muted" role="status">${t.common.loading}</p>`;
    // Nothing loaded for this actor (no session, an unreachable server), or the backend refused the
    // actor itself (an account no longer active): no screen can show anything, so the admin says
    // why itself. Another failed refresh over loaded data (a server error) leaves the screens in
    // the page, each saying it, so what the user typed is still there once a refresh works.
    const actorRefused = isPortierError(state.error) && state.error.code === 'forbidden';
    const loadedForActor = state.actorId !== undefined && Object.hasOwn(state.data.users, state.actorId);
    if (state.status === 'error' && (actorRefused || !loadedForActor)) {
      return this.#portier.renderLoadError(t);
    }
    const administers = this.#portier.can('user.create').allowed;
    // A plain user has only its own profile here (SPEC rule 1).
    const view: PortierView = administers || state.status !== 'ready' ? this.view : 'own-profile';
    return html`
      <div class="bar" part="bar">
        <span class="brand" part="brand">${t.admin.title}</span>
        <nav part="nav" aria-label=${t.admin.nav}>
          <ul>
            ${administers ? this.#navItem(t.admin.users, 'list', view === 'list' || DETAIL_VIEWS.includes(view)) : nothing}
            ${administers ? this.#navItem(t.admin.create, 'create', view === 'create') : nothing}
            ${this.#navItem(t.admin.ownProfile, 'own-profile', view === 'own-profile')}
          </ul>
        </nav>
      </div>
      <div class="banner success" part="live" role="status" aria-live="polite">${this.announcement?.(t) ?? ''}</div>
      <div class="banner info" part="stale" role="status">${state.status === 'ready' && state.error
        ? html`<p>${t.common.refreshFailed} ${this.#portier.errorText(state.error)}</p>
            <button class="button" part="retry" type="button" @click=${() => this.#portier.retry()}>${t.common.retry}</button>`
        : nothing}</div>
      ${view === 'own-profile' && this.view !== 'own-profile' ? html`<p class="banner info" part="notice" role="status">${t.admin.ownProfileOnly}</p>` : nothing}
      <div
        class="view"
        part="view"
        tabindex="-1"
        role="region"
        aria-label=${this.#label(t, view)}
        @portier-navigate=${this.#onNavigate}
        @portier-user-created=${this.#onCreated}
        @portier-user-removed=${this.#onRemoved}
      >
        ${this.#renderList(administers, view)} ${this.#renderView(t, view)}
      </div>
      ${this.#dialog.render(t)}
    `;
  }

  #navItem(label: string, view: PortierView, current: boolean): TemplateResult {
    return html`<li>
      <button class="nav-item" part="nav-item" type="button" data-view=${view} aria-current=${current ? 'page' : nothing} @click=${() => this.#request(view)}>
        ${label}
      </button>
    </li>`;
  }

  #label(t: Messages, view: PortierView): string {
    if (view === 'create') return t.admin.create;
    if (view === 'own-profile') return t.admin.ownProfile;
    if (view === 'list') return t.admin.users;
    return t.admin.detail(this.#userName());
  }

  #userName(): string {
    const user = this.userId ? this.#portier.state && selectUser(this.#portier.state, this.userId) : undefined;
    // A user deleted meanwhile (in another tab) keeps the name it was shown with, not its id.
    if (user) this.#lastName = { id: user.id, name: displayName(user) };
    return user ? this.#lastName!.name : this.#lastName?.id === this.userId ? this.#lastName.name : this.userId;
  }

  #renderView(t: Messages, view: PortierView): TemplateResult | typeof nothing {
    const locale = this.locale ?? nothing;
    const theme = this.theme ?? nothing;
    switch (view) {
      case 'create':
        return html`<portier-user-create exportparts=${SCREEN_EXPORTPARTS} locale=${locale} theme=${theme}></portier-user-create>`;
      case 'own-profile':
        return html`<portier-own-profile exportparts=${SCREEN_EXPORTPARTS} locale=${locale} theme=${theme}></portier-own-profile>`;
      case 'profile':
      case 'access':
      case 'clients':
      case 'audit':
        return this.#renderDetail(t, view);
      default:
        // The list: rendered by #renderList, which keeps it.
        return nothing;
    }
  }

  /**
   * The list, once shown, stays in the page (hidden) while other screens show: its filter, client,
   * sort and scroll are still there when the administrator comes back from a colleague's screens.
   * (Hidden rather than taken out: the virtualized rows do not come back after a re-insertion.)
   */
  #renderList(administers: boolean, view: PortierView): TemplateResult | typeof nothing {
    if (!administers || (view !== 'list' && !this.#listShown)) return nothing;
    this.#listShown = true;
    return html`<div class="kept-list" ?hidden=${view !== 'list'}>
      <portier-user-list exportparts=${SCREEN_EXPORTPARTS} locale=${this.locale ?? nothing} theme=${this.theme ?? nothing} ?paged=${this.paged}></portier-user-list>
    </div>`;
  }

  #renderDetail(t: Messages, view: PortierView): TemplateResult {
    const locale = this.locale ?? nothing;
    const theme = this.theme ?? nothing;
    const userId = this.userId;
    const name = this.#userName();
    const tab = (label: string, target: PortierView) =>
      html`<li>
        <button class="nav-item" part="nav-item" type="button" data-view=${target} aria-current=${view === target ? 'page' : nothing} @click=${() => this.#request(target, userId)}>
          ${label}
        </button>
      </li>`;
    const screen =
      view === 'access'
        ? html`<portier-access-rights exportparts=${SCREEN_EXPORTPARTS} user-id=${userId} locale=${locale} theme=${theme}></portier-access-rights>`
        : view === 'clients'
          ? html`<portier-managed-clients exportparts=${SCREEN_EXPORTPARTS} user-id=${userId} locale=${locale} theme=${theme}></portier-managed-clients>`
          : view === 'audit'
            ? html`<portier-audit-log exportparts=${SCREEN_EXPORTPARTS} user-id=${userId} locale=${locale} theme=${theme}></portier-audit-log>`
            : html`<portier-user-profile exportparts=${SCREEN_EXPORTPARTS} user-id=${userId} locale=${locale} theme=${theme}></portier-user-profile>`;
    return html`
      <div class="detail-header" part="detail-header">
        <button class="button" part="back-button" type="button" @click=${() => this.#request('list')}>
          <span aria-hidden="true">←</span> ${t.admin.back}
        </button>
        <p class="detail-name" part="detail-name">${name}</p>
      </div>
      <nav class="tabs" part="tabs" aria-label=${t.admin.detail(name)}>
        <ul>
          ${tab(t.admin.tabs.profile, 'profile')} ${tab(t.admin.tabs.access, 'access')} ${tab(t.admin.tabs.clients, 'clients')}
          ${tab(t.admin.tabs.audit, 'audit')}
        </ul>
      </nav>
      ${screen}
    `;
  }

  #onNavigate = (event: PortierNavigateEvent): void => {
    if (!(event instanceof PortierNavigateEvent) || event.defaultPrevented) return;
    this.announcement = undefined;
    void this.navigate(event.view, event.userId ?? '');
  };

  #onCreated = (event: PortierUserCreatedEvent): void => {
    const user = event.user;
    // Next step of seed 000: give the new user its access rights.
    this.#announceAndGo((t) => (user.kind === 'login' ? t.userCreate.created(user.email) : t.userCreate.createdContact(displayName(user))), 'access', user.id);
  };

  #onRemoved = (event: PortierUserRemovedEvent): void => {
    // The detail of a deleted user has nothing left to show.
    this.#announceAndGo((t) => t.userProfile.done.removed(displayName(event.user)), 'list');
  };

  #onHash = (): void => {
    if (!this.hash) return;
    const parsed = viewFromHash(window.location.hash);
    if (!parsed) {
      // A page opened with no address of its own gets the one of what shows: Back returns to it.
      const { hash } = window.location;
      if (hash === '' || hash === '#') history.replaceState(history.state, '', hashOf(this.view, this.userId));
      return;
    }
    const target = hashOf(parsed.view, parsed.userId);
    const elsewhere = parsed.view !== this.view || parsed.userId !== this.userId;
    const confirmed = this.#leaveConfirmedFor === target;
    if (confirmed) this.#leaveConfirmedFor = undefined;
    if (elsewhere && !confirmed && this.#holdsUnsavedChanges()) {
      this.#holdUntilAsked(target, parsed);
      return;
    }
    this.#entryIndex = historyIndex();
    if (elsewhere) {
      this.#moveFocus = this.hasUpdated;
      this.#returnTo = this.#returnFor(parsed.view);
    }
    this.view = parsed.view;
    this.userId = parsed.userId;
    // An address the screens read another way ("#/users/u-5/history" shows the profile): it says what shows.
    if (window.location.hash !== target) history.replaceState(history.state, '', target);
  };

  /**
   * Back, Forward or a link moved the address to `target` while the screen shown holds unsaved
   * changes: the address says this screen again while the user decides. Where the browser tells
   * each history entry's place (the Navigation API), the browser steps back to this screen's entry
   * and, on leaving, steps to `target` again: the history stays as it was. Elsewhere the entry the
   * browser went to says this screen meanwhile, and gets its address back on leaving.
   */
  #holdUntilAsked(target: string, parsed: { view: PortierView; userId: string }): void {
    const shown = this.#entryIndex;
    const now = historyIndex();
    const steps = shown === undefined || now === undefined ? 0 : now - shown;
    if (steps !== 0) history.go(-steps);
    else history.replaceState(history.state, '', hashOf(this.view, this.userId));
    void this.#mayLeave().then((leave) => {
      if (!leave) return;
      if (steps !== 0) {
        this.#leaveConfirmedFor = target;
        history.go(steps);
        return;
      }
      // No entry added: a second Back goes on back, not to the screen just left.
      history.replaceState(history.state, '', target);
      this.#show(parsed.view, parsed.userId);
    });
  }
}
