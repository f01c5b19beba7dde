import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import {
  PortierError,
  displayName,
  effectiveStatus,
  selectUsers,
  type Action,
  type AccountStatus,
  type Client,
  type Decision,
  type Grant,
  type PortierState,
  type User,
  type UserQuery,
  type UserSortKey,
} from '@portier/core';
import { LitElement, html, noChange, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Directive, directive, type ChildPart } from 'lit/directive.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { ConfirmDialog } from '../controllers/confirm-dialog.js';
import { PortierController } from '../controllers/portier-controller.js';
import { PortierNavigateEvent, type PortierView } from '../events/navigate.js';
import { PortierUserUpdatedEvent } from '../events/user-updated.js';
import type { Messages, Say } from '../localize/messages.js';
import { baseStyles, dialogStyles, tokens } from '../theme/tokens.js';
import { userListStyles } from './user-list.styles.js';
import { keepFocusInSight } from '../controllers/keep-focus-in-sight.js';

/** A column the list sorts by: the core's keys, plus the number of rights (sorted here). */
export type UserListSortKey = UserSortKey | 'accessRights';

type ColumnId = keyof Messages['userList']['columns'];

interface Column {
  id: ColumnId;
  sort?: UserListSortKey;
}

const COLUMNS: readonly Column[] = [
  { id: 'email', sort: 'email' },
  { id: 'firstName', sort: 'firstName' },
  { id: 'lastName', sort: 'lastName' },
  { id: 'language', sort: 'language' },
  { id: 'role', sort: 'role' },
  { id: 'status', sort: 'status' },
  { id: 'profile' },
  { id: 'accessRights', sort: 'accessRights' },
  { id: 'managedClients', sort: 'managedClients' },
  { id: 'activeUntil', sort: 'activeUntil' },
  { id: 'activation' },
];

/** A row's button in `column`, or its first button where that column has none. */
const buttonIn = (row: Element, column: number): HTMLElement | null => row.children[column]?.querySelector<HTMLElement>('button') ?? row.querySelector<HTMLElement>('button');

/** The action that fits a status, in the activate / deactivate column. */
type RowAction = { action: Action; label: keyof Messages['userList']; run: 'deactivate' | 'activate' | 'unblock' | 'resendInvitation' };

const ROW_ACTIONS: Record<AccountStatus, RowAction | undefined> = {
  active: { action: 'user.deactivate', label: 'deactivate', run: 'deactivate' },
  contact: { action: 'user.deactivate', label: 'deactivate', run: 'deactivate' },
  deactivated: { action: 'user.activate', label: 'reactivate', run: 'activate' },
  blocked: { action: 'user.unblock', label: 'unblock', run: 'unblock' },
  invited: { action: 'user.resend-invitation', label: 'resendInvitation', run: 'resendInvitation' },
  expired: { action: 'user.resend-invitation', label: 'resendInvitation', run: 'resendInvitation' },
  deleted: undefined,
};

/** Refusals worth explaining on a visible (aria-disabled) button rather than hiding it: one's own account, the last super user. */
const EXPLAINED: ReadonlySet<string> = new Set(['last-super-user', 'last-super-user-without-end-date', 'own-account']);

/** Rows per request in paged mode. */
const PAGE_SIZE = 100;

/** The focused control shows whole, not under the sticky header row or the pinned e-mail column. */
const KEEP_FOCUS_IN_SIGHT = keepFocusInSight('.head');

/** Paged mode: what the backend answered for the current query. */
interface PagedState {
  key: string;
  query: UserQuery;
  /** Matching users on the backend; undefined until the first page arrives. */
  total: number | undefined;
  pages: Map<number, User[] | 'loading'>;
  /** `total` slots, a user where its page has arrived. */
  items: (User | undefined)[];
  /** The store's users when the pages were fetched: a change makes them stale. */
  users: object | undefined;
  /** The store's commands in flight when the pages were fetched: pages read before a command landed are stale once it has. */
  pending: number;
  /** Bumped when the pages are dropped as stale: an answer asked for before is dropped too. */
  generation: number;
  error: unknown;
}

/**
 * The rows' layout: the virtualizer's flow layout, told a row's height up front (its default
 * guess of 100 px costs a second render and measure before the first frame) and rendering 400 px
 * beyond the visible rows (some nine rows) rather than 1,000 px (some twenty-two, all built on the
 * first frame and refilled on each filter keystroke). Scrolling still finds rows ready.
 */
class RowLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = 400;
    this._itemSize = { width: 1000, height: 45 };
  }
}

/** One layout config for every render (a new object each time would reconfigure the layout). */
const LAYOUT = { type: RowLayout };

const rightsCounts = new WeakMap<object, Map<string, number>>();
const organizationCounts = new WeakMap<object, { organizationId: string; total: number; foreign: boolean }>();

/**
 * Users of the organization, and whether the record holds others too: one pass per users record,
 * over `all` (every user of the record, in any order) when the caller has that array already.
 */
function organizationCount(users: Record<string, User>, organizationId: string, all?: readonly User[]): { total: number; foreign: boolean } {
  let counted = organizationCounts.get(users);
  if (counted?.organizationId !== organizationId) {
    let total = 0;
    all ??= Object.values(users);
    for (let i = 0; i < all.length; i++) if (all[i]!.organizationId === organizationId) total++;
    counted = { organizationId, total, foreign: total !== all.length };
    organizationCounts.set(users, counted);
  }
  return counted;
}

/** One collator per locale (creating one costs far more than sorting a few hundred names with it). */
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
  return collator;
}

const sortedClients = new WeakMap<object, { ids: readonly string[]; locale: string; list: Client[] }>();

/** The actor's managed clients by name, cached per clients record, managed ids and locale. */
function managedClients(clients: Record<string, Client>, ids: readonly string[], locale: string): Client[] {
  const cached = sortedClients.get(clients);
  if (cached && cached.ids === ids && cached.locale === locale) return cached.list;
  const compare = collatorFor(locale).compare;
  const list = ids
    .map((id) => clients[id])
    .filter((client) => client !== undefined)
    .sort((a, b) => compare(a.name, b.name));
  sortedClients.set(clients, { ids, locale, list });
  return list;
}

/**
 * The client filter's options, made with `new Option` (text only, never parsed as HTML): one
 * node per client rather than one template instance, so that an actor managing hundreds of
 * clients does not slow the first render. Rebuilt only when the list changes; otherwise only
 * the selection follows.
 */
class ClientOptionsDirective extends Directive {
  #clients: readonly Client[] | undefined;
  #selected = '';
  #options: HTMLOptionElement[] = [];

  render(_clients: readonly Client[], _selected: string): unknown {
    return nothing;
  }

  override update(_part: ChildPart, [clients, selected]: [readonly Client[], string]): unknown {
    if (clients === this.#clients) {
      if (selected === this.#selected) return noChange;
      this.#selected = selected;
      for (const option of this.#options) {
        const chosen = option.value === selected;
        if (option.defaultSelected !== chosen) option.defaultSelected = chosen;
        if (option.selected !== chosen) option.selected = chosen;
      }
      return noChange;
    }
    this.#clients = clients;
    this.#selected = selected;
    const fragment = document.createDocumentFragment();
    this.#options = clients.map((client) => {
      const chosen = client.id === selected;
      return fragment.appendChild(new Option(`${client.name} (${client.number})`, client.id, chosen, chosen));
    });
    return fragment;
  }
}
const clientOptions = directive(ClientOptionsDirective);

/**
 * Client options put in the first frame. An actor managing more clients gets the selected one
 * first and the others a frame later, or as soon as the filter is focused or pressed: a closed
 * `<select>` of 500 options costs some 40 ms of style and layout that nobody sees.
 */
const EAGER_CLIENT_OPTIONS = 50;

/** An e-mail that may wrap before its `@` (the text stays the same). */
function emailText(email: string): TemplateResult | string {
  const at = email.lastIndexOf('@');
  return at > 0 ? html`${email.slice(0, at)}<wbr />${email.slice(at)}` : email;
}

/** Rights above `none` per user, cached per grants record. */
function rightsOf(grants: Record<string, Grant[]>, userId: string): number {
  let counts = rightsCounts.get(grants);
  if (!counts) rightsCounts.set(grants, (counts = new Map()));
  let count = counts.get(userId);
  if (count === undefined) {
    count = 0;
    for (const grant of grants[userId] ?? []) if (grant.level !== 'none') count++;
    counts.set(userId, count);
  }
  return count;
}

/**
 * The users of the organization (seed 000 §4.3, §5): e-mail, names, language, role, status,
 * links to the profile, the access rights and the managed clients, active-until and the action
 * that fits the status (deactivate, reactivate, unblock, re-send the invitation); deactivating asks
 * for the same confirmation as the user's profile. Filters by
 * e-mail and by client, sorts by any column, and renders only the visible rows, so that 100,000
 * users stay fluid. Rows are an ARIA table (`role="table"`, `aria-rowcount`, `aria-rowindex`);
 * arrow keys, Page up / down and Home / End (with or without Ctrl) move between rows in the same column.
 *
 * @summary The user list with filters, sorting and status actions.
 * @event portier-navigate - The user asked to open a user's profile, rights or clients, or the create form.
 * @event portier-user-updated - A row action changed a user (status or invitation).
 * @csspart header - The title bar with the create button.
 * @csspart title - The heading.
 * @csspart create-button - "Create a new user".
 * @csspart filters - The filter bar.
 * @csspart email-filter - The e-mail filter input.
 * @csspart client-filter - The client filter select.
 * @csspart clear-button - "Clear the filter".
 * @csspart count - How many users are shown.
 * @csspart scroller - The scrolling box around the table.
 * @csspart table - The table.
 * @csspart header-row - The row of column headers.
 * @csspart columnheader - A column header.
 * @csspart sort-button - A header's sort button.
 * @csspart row - A user's row.
 * @csspart cell - A cell.
 * @csspart status - The status badge.
 * @csspart action-button - A button in a row.
 * @csspart state - The loading, empty or error message.
 * @csspart error - The error banner.
 * @csspart retry - Loads again after the data could not be loaded.
 * @csspart live - The live region that announces results.
 * @csspart dialog - The confirmation dialog.
 * @csspart button - A button of the confirmation dialog.
 * @cssproperty --portier-user-list-height - Height of the scrolling table (default 36rem; at most 85% of the screen's height).
 * @cssproperty --portier-user-list-columns - The `grid-template-columns` of the rows.
 */
export class PortierUserList extends LitElement {
  static override styles = [tokens, baseStyles, dialogStyles, userListStyles];

  /** Language of the screen (`fr`, `nl`, `de`, `en`); default: the provider's, the page's, or the store's. */
  @property({ reflect: true }) locale: string | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** The e-mail filter (also settable as the `email-filter` attribute). */
  @property({ attribute: 'email-filter' }) emailFilter = '';

  /** The client filter: a client id, or '' for all. */
  @property({ attribute: 'client-id' }) clientId = '';

  /** The sort column. */
  @property({ attribute: 'sort-key' }) sortKey: UserListSortKey = 'email';

  /** The sort direction. */
  @property({ attribute: 'sort-direction' }) sortDirection: 'asc' | 'desc' = 'asc';

  /**
   * Load the users page by page from the backend (`listUsers`, filtered and sorted there) as the
   * list scrolls, for backends that do not send every user with the first load.
   */
  @property({ type: Boolean, reflect: true }) paged = false;

  /** The last action's result and failure, worded at render time (in the current language). */
  @state() private announcement: Say | undefined;
  @state() private failure: unknown;
  @state() private busy = new Set<string>();

  readonly #portier = new PortierController(this);
  readonly #dialog = new ConfirmDialog(this);
  #sortedCache: { source: User[]; grants: object; direction: string; result: User[] } | undefined;
  #paged: PagedState | undefined;
  /** The rows of the last render, in order (undefined: a page not loaded yet). */
  #shownUsers: readonly (User | undefined)[] = [];
  #range = { first: 0, last: 0 };
  #debounce: ReturnType<typeof setTimeout> | undefined;
  #unfilteredTotal: number | undefined;
  /** False until every client option is in the filter (see EAGER_CLIENT_OPTIONS). */
  #allClientOptions = false;
  #clientOptionsFrame: number | undefined;
  #firstClientOptions: { clients: Record<string, Client>; ids: readonly string[]; clientId: string; list: Client[] } | undefined;

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    return html`
      <div class="header" part="header">
        <h2 part="title" id="title">${t.userList.title}</h2>
        ${state?.status === 'ready' && this.#portier.can('user.create').allowed
          ? html`<button class="button primary" part="create-button" type="button" @click=${() => this.#navigate('create')}>
              ${t.userList.create}
            </button>`
          : nothing}
      </div>
      <div class="banner error" part="error" role="alert">${this.failure === undefined ? '' : this.#portier.actionErrorText(this.failure)}</div>
      <div class="banner success live" part="live" role="status" aria-live="polite">${this.announcement?.(t) ?? ''}</div>
      ${this.#renderBody(t, state)} ${this.#dialog.render(t)}
    `;
  }

  #renderBody(t: Messages, state: PortierState | undefined): TemplateResult {
    if (!state || state.status === 'loading') {
      return html`<div class="state" part="state" role="status"><span class="spinner" aria-hidden="true"></span>${t.userList.loading}</div>`;
    }
    if (state.status === 'error') {
      return html`<div class="state" part="state">${this.#portier.renderLoadError(t)}</div>`;
    }
    if (!this.#portier.can('user.create').allowed) {
      return html`<div class="state" part="state"><p>${t.common.noAccess}</p></div>`;
    }
    const actor = this.#portier.actor!;
    const filtered = this.emailFilter.trim() !== '' || this.#clientFilter() !== '';
    if (this.paged) return this.#renderPaged(t, state, actor, filtered);
    const users = this.#users(state, actor.organizationId);
    const total = this.#total(state, actor.organizationId);
    return html`
      ${this.#renderFilters(t, state, actor)}
      <p class="count" part="count" aria-live="polite" aria-atomic="true">${t.userList.count(users.length, total)}</p>
      ${users.length === 0
        ? html`<div class="state" part="state" role="status">
            <p>${filtered ? t.userList.noMatch : t.userList.empty}</p>
            ${filtered ? html`<button class="button" type="button" @click=${this.#clear}>${t.userList.clearFilter}</button>` : nothing}
          </div>`
        : this.#renderTable(t, state, users)}
    `;
  }

  #renderPaged(t: Messages, state: PortierState, actor: User, filtered: boolean): TemplateResult {
    const paged = this.#paged;
    let body: TemplateResult;
    if (paged?.error !== undefined && paged.total === undefined) {
      body = html`<div class="state" part="state">
        <div class="banner error" role="alert"><p>${t.common.loadError} ${this.#portier.errorText(paged.error)}</p></div>
        <button class="button" type="button" @click=${() => this.#resetPages(true)}>${t.common.retry}</button>
      </div>`;
    } else if (!paged || paged.total === undefined) {
      body = html`<div class="state" part="state" role="status"><span class="spinner" aria-hidden="true"></span>${t.userList.loading}</div>`;
    } else if (paged.total === 0) {
      body = html`<div class="state" part="state" role="status">
        <p>${filtered ? t.userList.noMatch : t.userList.empty}</p>
        ${filtered ? html`<button class="button" type="button" @click=${this.#clear}>${t.userList.clearFilter}</button>` : nothing}
      </div>`;
    } else {
      body = this.#renderTable(t, state, paged.items);
    }
    const count = paged?.total === undefined ? '' : t.userList.count(paged.total, filtered ? (this.#unfilteredTotal ?? paged.total) : paged.total);
    return html`
      ${this.#renderFilters(t, state, actor)}
      <p class="count" part="count" aria-live="polite" aria-atomic="true">${count}</p>
      ${body}
    `;
  }

  #renderFilters(t: Messages, state: PortierState, actor: User): TemplateResult {
    const clients = this.#clientOptionsShown(state.data.clients, actor.managedClientIds);
    const filtered = this.emailFilter !== '' || this.#clientFilter() !== '';
    return html`
      <div class="filters" part="filters" role="search">
        <div class="field">
          <label for="email-filter">${t.userList.filterEmail}</label>
          <input
            id="email-filter"
            part="email-filter"
            type="search"
            autocomplete="off"
            spellcheck="false"
            maxlength="254"
            placeholder=${t.userList.filterEmailPlaceholder}
            .value=${this.emailFilter}
            @input=${(event: Event) => (this.emailFilter = (event.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="client-filter">${t.userList.filterClient}</label>
          <select
            id="client-filter"
            part="client-filter"
            @change=${(event: Event) => (this.clientId = (event.target as HTMLSelectElement).value)}
            @focus=${this.#showAllClientOptions}
            @pointerdown=${this.#showAllClientOptions}
          >
            <option value="" ?selected=${this.#clientFilter() === ''}>${t.userList.allClients}</option>
            ${clientOptions(clients, this.clientId)}
          </select>
        </div>
        <button class="button" part="clear-button" type="button" ?disabled=${!filtered} @click=${this.#clear}>${t.userList.clearFilter}</button>
      </div>
    `;
  }

  #renderTable(t: Messages, state: PortierState, users: (User | undefined)[]): TemplateResult {
    this.#shownUsers = users;
    return html`
      <div class="scroller" part="scroller" tabindex="-1" @focusin=${(event: FocusEvent) => (KEEP_FOCUS_IN_SIGHT(event), this.#noteFocus(event))}>
        <div class="table" part="table" role="table" aria-labelledby="title" aria-rowcount=${users.length + 1} aria-colcount=${COLUMNS.length}>
          <div class="head" role="rowgroup">
            <div class="row" part="header-row" role="row" aria-rowindex="1">
              ${COLUMNS.map((column, index) => this.#renderHeader(t, column, index))}
            </div>
          </div>
          <div class="body" role="rowgroup" @rangeChanged=${this.#rangeChanged} @keydown=${this.#keydown}>
            ${virtualize({
              items: users,
              // Rows are keyed by position: when the filter changes, rendered rows are updated in place (no new DOM).
              keyFunction: (_user: User | undefined, index: number) => index,
              layout: LAYOUT,
              renderItem: (user: User | undefined, index: number) =>
                user ? this.#renderRow(t, state, state.data.users[user.id] ?? user, index) : this.#renderPlaceholder(t, index),
            })}
          </div>
        </div>
      </div>
    `;
  }

  #renderHeader(t: Messages, column: Column, index: number): TemplateResult {
    const label = t.userList.columns[column.id];
    // A backend sorts only by the core's keys.
    if (!column.sort || (this.paged && column.sort === 'accessRights')) {
      return html`<div class="columnheader" part="columnheader" role="columnheader" aria-colindex=${index + 1}>${label}</div>`;
    }
    const active = this.sortKey === column.sort;
    const sort = active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<div class="columnheader" part="columnheader" role="columnheader" aria-colindex=${index + 1} aria-sort=${sort}>
      <button class="sort" part="sort-button" type="button" data-sort=${column.sort} @click=${() => this.#sortBy(column.sort!)}>
        <span>${label}</span>
        <span class="sort-indicator" aria-hidden="true">${active ? (this.sortDirection === 'asc' ? '▲' : '▼') : '↕'}</span>
      </button>
    </div>`;
  }

  #renderRow(t: Messages, state: PortierState, user: User, index: number): TemplateResult {
    const name = displayName(user);
    const status = effectiveStatus(user, state.now);
    const rights = rightsOf(state.data.grants, user.id);
    const canView = this.#portier.can('user.view', { user }).allowed;
    const canAccess = this.#portier.can('access.view', { user }).allowed;
    const canClients = this.#portier.can('clients.view', { user }).allowed;
    return html`<div
      class="row"
      part="row"
      role="row"
      aria-rowindex=${index + 2}
      data-user-id=${user.id}
      @click=${(event: Event) => this.#rowClick(event, user)}
    >
      <div class="cell" part="cell" role="cell"><span class="text email" title=${user.email}>${emailText(user.email)}</span></div>
      <div class="cell" part="cell" role="cell"><span class="text" title=${user.firstName}>${user.firstName}</span></div>
      <div class="cell" part="cell" role="cell"><span class="text" title=${user.lastName}>${user.lastName}</span></div>
      <div class="cell" part="cell" role="cell"><span class="text">${t.language[user.language]}</span></div>
      <div class="cell" part="cell" role="cell"><span class="text wrap">${t.role[user.role]}</span></div>
      <div class="cell" part="cell" role="cell"><span class="badge ${status}" part="status">${t.status[status]}</span></div>
      <div class="cell" part="cell" role="cell">
        ${canView
          ? html`<button class="button small link" part="action-button" type="button" data-open="profile" aria-label=${t.userList.editProfile(name)} @click=${() => this.#navigate('profile', user.id)}>
              ${t.common.edit}
            </button>`
          : nothing}
      </div>
      <div class="cell" part="cell" role="cell">
        ${canAccess
          ? html`<button class="button small link" part="action-button" type="button" data-open="access" aria-label=${`${t.common.labelled(t.userList.rightsCount(rights))} ${t.userList.editAccess(name)}`} @click=${() => this.#navigate('access', user.id)}>
              ${t.userList.rightsCount(rights)}
            </button>`
          : html`<span class="text">${t.userList.rightsCount(rights)}</span>`}
      </div>
      <div class="cell" part="cell" role="cell">
        ${canClients
          ? html`<button class="button small link" part="action-button" type="button" data-open="clients" aria-label=${`${t.common.labelled(t.userList.clientsCount(user.managedClientIds.length))} ${t.userList.editClients(name)}`} @click=${() => this.#navigate('clients', user.id)}>
              ${t.userList.clientsCount(user.managedClientIds.length)}
            </button>`
          : html`<span class="text">${t.userList.clientsCount(user.managedClientIds.length)}</span>`}
      </div>
      <div class="cell" part="cell" role="cell"><span class="text wrap">${user.activeUntil ? wrappableDate(this.#portier.date(user.activeUntil)) : t.common.notSet}</span></div>
      <div class="cell" part="cell" role="cell">${this.#renderRowAction(t, user, status, name, index)}</div>
    </div>`;
  }

  /**
   * Arrow up / down, Page up / down, Home / End (Ctrl or not) move between rows, keeping the column:
   * the focus goes to the same cell's button of the target row (scrolled into view first). Plain
   * Home / End are taken too: their default scroll would take the focused row out of the drawn ones.
   */
  #keydown = async (event: KeyboardEvent): Promise<void> => {
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    const edge = event.key === 'Home' || event.key === 'End';
    if (!(event.key in steps) && !edge) return;
    const path = event.composedPath() as Element[];
    const row = path.find((node) => node instanceof HTMLElement && node.getAttribute('role') === 'row');
    const cell = path.find((node) => node instanceof HTMLElement && node.getAttribute('role') === 'cell');
    if (!row || !cell) return;
    const count = Number(this.renderRoot.querySelector('[role="table"]')?.getAttribute('aria-rowcount') ?? 1) - 1;
    const index = Number(row.getAttribute('aria-rowindex')) - 2;
    // On a row's first button only because the column had none there: the arrows go on in that column.
    const focused = this.#focusedUser;
    const column = focused?.control === this.shadowRoot?.activeElement ? focused!.column : [...row.children].indexOf(cell);
    const target = edge ? (event.key === 'Home' ? 0 : count - 1) : Math.min(count - 1, Math.max(0, index + steps[event.key]!));
    event.preventDefault();
    if (target === index) return;
    await this.#focusRow(target, (row) => buttonIn(row, column));
    if (this.#focusedUser) this.#focusedUser.column = column;
  };

  /**
   * The user whose row holds the focus, and the column the arrow keys keep (the row's first button
   * may stand in for a column with none). Rows are reused by position: when a change moves that
   * user (a row action under a sort by status, a page fetched again, another tab's change), the
   * focused button would show the next user, and Enter would act on them.
   */
  #focusedUser: { userId: string; column: number; control: Element } | undefined;

  #noteFocus = (event: FocusEvent): void => {
    const control = event.composedPath()[0] as Element;
    const row = control.closest?.<HTMLElement>('[role="row"][data-user-id]');
    const cell = control.closest?.('[role="cell"]');
    this.#focusedUser = row?.dataset.userId && cell ? { userId: row.dataset.userId, column: [...row.children].indexOf(cell), control } : undefined;
  };

  /** After a render, the focused control now in another user's row goes back to its user's row, wherever it is. */
  async #keepFocusOnItsUser(): Promise<void> {
    // The virtualizer puts the new rows in after this element's update: look once they are in.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const focused = this.#focusedUser;
    if (!focused) return;
    // The control went with the row's new content (the user now there has no such button): the
    // focus fell to the page, not to somewhere the user chose.
    const lost = !focused.control.isConnected && (document.activeElement === null || document.activeElement === document.body);
    if (!lost) {
      if (this.shadowRoot?.activeElement !== focused.control) return;
      const row = focused.control.closest<HTMLElement>('[role="row"][data-user-id]');
      if (!row || row.dataset.userId === focused.userId) return;
    }
    const index = this.#shownUsers.findIndex((shown) => shown?.id === focused.userId);
    if (index < 0) return;
    await this.#focusRow(index, (target) => ((target as HTMLElement).dataset.userId === focused.userId ? buttonIn(target, focused.column) : null));
  }

  /**
   * Scrolls row `index` into view and focuses what `pick` finds in it, waiting a few frames for
   * the virtualizer to render the row. False when the row never showed a control.
   */
  async #focusRow(index: number, pick: (row: Element) => HTMLElement | null): Promise<boolean> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = this.renderRoot.querySelector(`.body [role="row"][aria-rowindex="${index + 2}"]`);
      const control = row && pick(row);
      if (control) {
        control.focus();
        return true;
      }
      // Asked again each frame: a list just put back in the page lays itself out first.
      this.renderRoot.querySelector<VirtualizerHostElement>('.body')?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return false;
  }

  /**
   * Puts the focus on `userId`'s row, scrolled into view: on its button that opens `view`
   * (`profile`, `access`, `clients`), or its first button. A host coming back from a user's
   * screens calls it, so that a keyboard user goes on from the row they left. Resolves false when
   * the user is not among the rows shown (filtered out, not loaded, deleted).
   */
  async focusUser(userId: string, view?: PortierView): Promise<boolean> {
    await this.updateComplete;
    const index = this.#shownUsers.findIndex((user) => user?.id === userId);
    if (index < 0) return false;
    return this.#focusRow(index, (row) => row.querySelector<HTMLElement>(`button[data-open="${view}"]`) ?? row.querySelector<HTMLElement>('button'));
  }

  #renderPlaceholder(t: Messages, index: number): TemplateResult {
    return html`<div class="row placeholder" part="row" role="row" aria-rowindex=${index + 2} aria-busy="true">
      <div class="cell" part="cell" role="cell" aria-colspan=${COLUMNS.length}><span class="text muted">${t.common.loading}</span></div>
    </div>`;
  }

  /**
   * The client options to render now: all of them by name, or (first frame, many clients) only the
   * selected one, which needs neither the sort nor its collator yet.
   */
  #clientOptionsShown(clients: Record<string, Client>, ids: readonly string[]): readonly Client[] {
    if (this.#allClientOptions || ids.length <= EAGER_CLIENT_OPTIONS) return managedClients(clients, ids, this.#portier.locale);
    this.#clientOptionsFrame ??= requestAnimationFrame(() => setTimeout(this.#showAllClientOptions, 0));
    const first = this.#firstClientOptions;
    if (first?.clients === clients && first.ids === ids && first.clientId === this.clientId) return first.list;
    const selected = ids.includes(this.clientId) ? clients[this.clientId] : undefined;
    const list = selected ? [selected] : [];
    this.#firstClientOptions = { clients, ids, clientId: this.clientId, list };
    return list;
  }

  #showAllClientOptions = (): void => {
    if (this.#allClientOptions) return;
    this.#allClientOptions = true;
    this.#firstClientOptions = undefined;
    this.requestUpdate();
  };

  protected override updated(): void {
    void this.#keepFocusOnItsUser();
    if (!this.paged) return;
    const state = this.#portier.state;
    if (state?.status !== 'ready' || !this.#portier.can('user.create').allowed) return;
    const query = this.#query();
    const key = JSON.stringify(query);
    const paged = this.#paged;
    if (!paged || paged.key !== key) {
      // Typing in the filter asks the backend once the user pauses.
      const typing = paged !== undefined && paged.query.email !== query.email;
      clearTimeout(this.#debounce);
      if (typing) this.#debounce = setTimeout(() => this.#resetPages(false), 150);
      else this.#resetPages(false);
      return;
    }
    // The store changed (a command shown), or its commands have all landed (the store shows the same
    // users when the backend confirms them, but a page fetched meanwhile was read before): fetch again.
    if ((paged.users !== undefined && paged.users !== state.data.users) || (paged.pending > 0 && state.pending === 0)) {
      paged.users = state.data.users;
      paged.pages.clear();
      paged.generation++;
    }
    paged.pending = state.pending;
    this.#loadVisible();
  }

  /**
   * The client the rows are filtered by: `clientId` while the select offers it (a client of the
   * actor's). One it no longer offers (taken from the actor meanwhile, or set from outside) would
   * filter the rows while the select shows "All clients".
   */
  #clientFilter(): string {
    const actor = this.#portier.actor;
    const clients = this.#portier.state?.data.clients;
    if (this.clientId === '' || !actor || !clients) return this.clientId;
    return actor.managedClientIds.includes(this.clientId) && Object.hasOwn(clients, this.clientId) ? this.clientId : '';
  }

  #query(): UserQuery {
    const key = this.sortKey === 'accessRights' ? 'email' : this.sortKey;
    return { email: this.emailFilter.trim() || undefined, clientId: this.#clientFilter() || undefined, sort: { key, direction: this.sortDirection } };
  }

  #resetPages(keepItems: boolean): void {
    const query = this.#query();
    const old = this.#paged;
    this.#paged = {
      key: JSON.stringify(query),
      query,
      total: keepItems ? old?.total : undefined,
      pages: new Map(),
      items: keepItems ? (old?.items ?? []) : [],
      users: this.#portier.state?.data.users,
      pending: this.#portier.state?.pending ?? 0,
      generation: 0,
      error: undefined,
    };
    this.#range = { first: 0, last: 0 };
    this.#load(0);
    this.requestUpdate();
  }

  #rangeChanged = (event: RangeChangedEvent): void => {
    this.#range = { first: event.first, last: event.last };
    this.#loadVisible();
  };

  #loadVisible(): void {
    const paged = this.#paged;
    if (!paged || paged.total === undefined) return;
    const first = Math.floor(Math.max(0, this.#range.first) / PAGE_SIZE);
    const last = Math.floor(Math.max(0, Math.min(this.#range.last, paged.total - 1)) / PAGE_SIZE);
    for (let page = first; page <= last; page++) if (!paged.pages.has(page)) this.#load(page);
  }

  async #load(page: number): Promise<void> {
    const paged = this.#paged;
    const portier = this.#portier.portier;
    const actorId = this.#portier.state?.actorId;
    if (!paged || !portier) return;
    paged.pages.set(page, 'loading');
    const generation = paged.generation;
    try {
      const result = await portier.backend.listUsers({ actorId }, { ...paged.query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (this.#paged !== paged || paged.generation !== generation) return;
      paged.pages.set(page, result.items);
      if (paged.total !== result.total || paged.items.length !== result.total) {
        paged.total = result.total;
        const items = new Array<User | undefined>(result.total).fill(undefined);
        for (const [index, users] of paged.pages) if (users !== 'loading') users.forEach((user, i) => (items[index * PAGE_SIZE + i] = user));
        paged.items = items;
      } else {
        paged.items = paged.items.slice();
        result.items.forEach((user, i) => (paged.items[page * PAGE_SIZE + i] = user));
      }
      if (!paged.query.email && !paged.query.clientId) this.#unfilteredTotal = result.total;
    } catch (error) {
      if (this.#paged !== paged || paged.generation !== generation) return;
      paged.pages.delete(page);
      paged.error = error;
      this.failure = error;
    }
    this.requestUpdate();
  }

  #renderRowAction(t: Messages, user: User, status: AccountStatus, name: string, index: number): TemplateResult | typeof nothing {
    const rowAction = ROW_ACTIONS[status];
    if (!rowAction || !this.#grantsKnown(user)) return nothing;
    const decision = this.#portier.can(rowAction.action, { user, superUsers: this.#portier.superUsers() });
    if (!decision.allowed && !EXPLAINED.has(decision.reason)) return nothing;
    const label = t.userList[rowAction.label] as string;
    const busy = this.busy.has(user.id);
    // A refused button says why before it is pressed: the reason is its description (the row's
    // index makes the id: a user id may hold any character, an id list may not).
    const reasonId = decision.allowed ? undefined : `refusal-${index}`;
    return html`<button
        class="button small ${rowAction.run === 'deactivate' ? 'danger' : ''}"
        part="action-button"
        type="button"
        data-action=${rowAction.run}
        aria-label=${t.userList.actionOn(label, name)}
        aria-disabled=${!decision.allowed || busy ? 'true' : 'false'}
        aria-describedby=${reasonId ?? nothing}
        @click=${() => this.#runAction(user, rowAction, decision)}
      >
        ${label}
      </button>${decision.allowed
        ? nothing
        : html`<span class="visually-hidden" id=${reasonId!}>${this.#refusal(decision)}</span>`}`;
  }

  /** Why the policy refuses, in the words of the alert a press on the refused button shows. */
  #refusal(decision: Decision): string {
    return decision.allowed ? '' : this.#portier.errorText(new PortierError(decision.code, { reason: decision.reason }));
  }

  #users(state: PortierState, organizationId: string): User[] {
    const sortKey = this.sortKey === 'accessRights' ? 'email' : this.sortKey;
    const users = selectUsers(state, {
      email: this.emailFilter,
      clientId: this.#clientFilter() || undefined,
      sort: { key: sortKey, direction: this.sortKey === 'accessRights' ? 'asc' : this.sortDirection },
    });
    // Unfiltered, the selection holds every user of the record: count over it (an array) rather than the record.
    const unfiltered = this.emailFilter.trim() === '' && !this.#clientFilter();
    // The store of one actor holds only its organization; this guards a backend that sends more.
    const own = organizationCount(state.data.users, organizationId, unfiltered ? users : undefined).foreign ? users.filter((user) => user.organizationId === organizationId) : users;
    if (this.sortKey !== 'accessRights') return own;
    const cache = this.#sortedCache;
    if (cache && cache.source === own && cache.grants === state.data.grants && cache.direction === this.sortDirection) return cache.result;
    const sign = this.sortDirection === 'asc' ? 1 : -1;
    const counts = own.map((user) => rightsOf(state.data.grants, user.id));
    const order = own.map((_, i) => i).sort((a, b) => sign * (counts[a]! - counts[b]!) || a - b);
    const result = order.map((i) => own[i]!);
    this.#sortedCache = { source: own, grants: state.data.grants, direction: this.sortDirection, result };
    return result;
  }

  #total(state: PortierState, organizationId: string): number {
    return organizationCount(state.data.users, organizationId).total;
  }

  #sortBy(key: UserListSortKey): void {
    if (this.sortKey === key) this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
    else {
      this.sortKey = key;
      this.sortDirection = 'asc';
    }
  }

  #clear = (): void => {
    this.emailFilter = '';
    this.clientId = '';
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#email-filter')?.focus());
  };

  #rowClick(event: Event, user: User): void {
    if ((event.composedPath() as Element[]).some((node) => node instanceof HTMLButtonElement || node instanceof HTMLAnchorElement)) return;
    if (this.#portier.can('user.view', { user }).allowed) this.#navigate('profile', user.id);
  }

  /**
   * Whether rule 2 can be asked about `user` here. A page of a paged list carries no grants, so
   * a user the store does not hold may work for clients the actor does not manage: its profile
   * decides then, unless the actor manages every client of the organization anyway.
   */
  #grantsKnown(user: User): boolean {
    const state = this.#portier.state;
    const actor = this.#portier.actor;
    if (!state || !actor || Object.hasOwn(state.data.users, user.id)) return true;
    const managed = new Set(actor.managedClientIds);
    return Object.values(state.data.clients).every((client) => client.organizationId !== actor.organizationId || managed.has(client.id));
  }

  /**
   * Drops the result and error banners. A host that keeps the list while it shows other screens
   * (as `<portier-admin>` does) calls it on leaving, so that coming back does not repeat an old result.
   */
  clearMessages(): void {
    this.announcement = undefined;
    this.failure = undefined;
  }

  #navigate(view: PortierView, userId?: string): void {
    this.dispatchEvent(new PortierNavigateEvent(view, userId));
  }

  async #runAction(user: User, rowAction: RowAction, decision: Decision): Promise<void> {
    const t = this.#portier.t;
    const portier = this.#portier.portier;
    if (!t || !portier || this.busy.has(user.id)) return;
    const name = displayName(user);
    this.failure = undefined;
    this.announcement = undefined;
    if (!decision.allowed) {
      this.failure = new PortierError(decision.code, { reason: decision.reason });
      return;
    }
    if (rowAction.run === 'deactivate') {
      // The same question, in the same words, as the profile's Deactivate.
      const p = t.userProfile;
      if (!(await this.#dialog.ask({ title: p.confirmTitle, message: p.confirm.deactivate(name), confirmLabel: t.userList.deactivate, danger: true }))) return;
      // The answer took a while: act on the user as it is now, as the profile does.
      const current = this.#portier.state?.data.users[user.id];
      if (!current || this.busy.has(user.id)) return;
      user = current;
    }
    this.busy = new Set(this.busy).add(user.id);
    try {
      await portier.users[rowAction.run](user.id, { expectedVersion: user.version });
      const run = rowAction.run;
      this.announcement = ({ userList: { done } }) =>
        run === 'deactivate' ? done.deactivated(name) : run === 'activate' ? done.activated(name) : run === 'unblock' ? done.unblocked(name) : done.invitationSent(name);
      this.dispatchEvent(new PortierUserUpdatedEvent(user.id, rowAction.run === 'resendInvitation' ? 'invitation' : 'status'));
    } catch (error) {
      this.failure = error;
    } finally {
      const busy = new Set(this.busy);
      busy.delete(user.id);
      this.busy = busy;
    }
  }
}

/**
 * A date that may wrap before its year in a narrow column: "Dec 31, 2026" wraps at its spaces, but
 * German "31.12.2026" has none, and was cut to "31.12.20…".
 */
function wrappableDate(text: string): TemplateResult | string {
  const year = text.search(/\d{4}$/);
  return year > 0 && !/\s/.test(text.charAt(year - 1)) ? html`${text.slice(0, year)}<wbr />${text.slice(year)}` : text;
}
