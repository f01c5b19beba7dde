import {
  PortierError,
  displayName,
  grantKey,
  type AuditEntry,
  type Grant,
  type Language,
  type Portier,
  type PortierData,
  type User,
} from '@portier/core';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortierController } from '../controllers/portier-controller.js';
import type { Messages } from '../localize/messages.js';
import { auditLogStyles } from './audit-log.styles.js';

/** Bookkeeping fields that say nothing to an administrator. */
const HIDDEN = [
  'id',
  'organizationId',
  'createdAt',
  'version',
  'failedSignIns',
  'passwordSet',
  'invitationExpiresAt',
  'signInLockedUntil',
  'blockReason',
  'passwordExpired',
] as const satisfies readonly (keyof User)[];
const HIDDEN_FIELDS: ReadonlySet<string> = new Set(HIDDEN);

/**
 * The label key in `fields` of every user field a change can show: the audit records any user
 * field that changed (and `grants`, shown apart), so a field added to `User` must be named here.
 */
const FIELD_LABELS: Record<Exclude<keyof User, (typeof HIDDEN)[number]>, keyof Messages['fields']> = {
  email: 'email',
  firstName: 'firstName',
  lastName: 'lastName',
  phone: 'phone',
  mobile: 'mobile',
  language: 'language',
  role: 'role',
  kind: 'kind',
  signature: 'signature',
  status: 'status',
  activeUntil: 'activeUntil',
  managedClientIds: 'managedClients',
};

/**
 * The entry's values come from the backend as they were recorded: a word is looked up among the
 * table's own keys only (`constructor` would find a function), and shown as it is when unknown.
 */
const wordFor = (words: Readonly<Record<string, string>>, value: string): string => (Object.hasOwn(words, value) ? words[value]! : value);

/** The name of a client or an application by its id, or the id of one no longer known. */
const nameOf = (records: Readonly<Record<string, { name: string }>>, id: string): string => (Object.hasOwn(records, id) ? records[id]!.name : id);

/** Beyond this many changes in one entry, the last line shown offers the rest. */
const MAX_CHANGES_SHOWN = 6;

/** A right's level and profile as an entry recorded them, when they are text (the records are free-form). */
const levelOf = (grant: Grant | undefined): string | undefined => (typeof grant?.level === 'string' ? grant.level : undefined);
const profileOf = (grant: Grant | undefined): string | undefined => (typeof grant?.profile === 'string' && grant.profile !== '' ? grant.profile : undefined);

/** "No access" and no profile: what a right that is absent also means. */
const isNoAccess = (grant: Grant | undefined): boolean => (levelOf(grant) ?? 'none') === 'none' && profileOf(grant) === undefined;

/** One right an audit entry changed: what it was and what it became (absent: no access). */
type GrantChange = { clientId: string; applicationId: string; before?: Grant; after?: Grant };

/**
 * The rights an audit entry changed, paired by client and application (the entry keeps the old
 * version of each changed right in `before`, the new one in `after`). A right that gives no
 * access before and after (an "authorize all" that found no level for it) changed nothing.
 */
function pairGrants(before: unknown, after: unknown): GrantChange[] {
  const pairs = new Map<string, GrantChange>();
  const add = (value: unknown, side: 'before' | 'after') => {
    if (!Array.isArray(value)) return;
    for (const grant of value as Grant[]) {
      // The audit's before and after are free-form records: skip what is not a right.
      if (typeof grant?.clientId !== 'string' || typeof grant.applicationId !== 'string') continue;
      const key = grantKey(grant.clientId, grant.applicationId);
      const pair = pairs.get(key) ?? { clientId: grant.clientId, applicationId: grant.applicationId };
      pair[side] = grant;
      pairs.set(key, pair);
    }
  };
  add(before, 'before');
  add(after, 'after');
  return [...pairs.values()].filter((pair) => !(isNoAccess(pair.before) && isNoAccess(pair.after)));
}

/** A recorded value as text: a newer backend's field may hold an object, shown as its JSON rather than "[object Object]". */
const plainText = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** An option's text cannot wrap: a very long name would widen the select, and the page, without end. */
function shorten(text: string, max = 80): string {
  const characters = [...text];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/**
 * The organization's recent changes (SPEC rule 13): who did what to whom and when, with the
 * fields before and after. Filtered by user with the `user-id` attribute or the select it shows
 * when that attribute is absent. Reloads after every change made through the store.
 *
 * @summary The audit log: who, when, what, before → after.
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart toolbar - The filter and the refresh button.
 * @csspart filter - The user filter.
 * @csspart button - Every button.
 * @csspart count - How many changes are shown.
 * @csspart table-scroll - The scrolling box around the table.
 * @csspart log - The table of changes.
 * @csspart when - A change's date and time.
 * @csspart changes - The list of fields changed in one entry.
 * @csspart change - One field's or one right's change (cut after four lines).
 * @csspart more-changes - The disclosure that holds the rest of a long entry's changes.
 * @csspart user-name - Who acted, or on whom.
 * @csspart field - A field's name.
 * @csspart before - A value before the change.
 * @csspart after - A value after the change.
 * @csspart empty - The line shown when nothing was recorded.
 * @csspart status - The live region (loading, counts).
 * @csspart error - The banner explaining a failure.
 * @csspart retry - Loads again after the data could not be loaded.
 */
export class PortierAuditLog extends LitElement {
  static override styles = auditLogStyles;

  /** Show only the changes made by or to this user (hides the user filter). */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** How many of the most recent changes to show. Default 100. */
  @property({ type: Number }) limit = 100;

  /** The language (`fr`, `nl`, `de`, `en`); default: the provider's, the page's, the store's. */
  @property({ reflect: true }) locale: Language | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() private entries: AuditEntry[] | undefined;
  @state() private selectedUserId = '';
  @state() private failure: unknown;
  @state() private loading = false;

  readonly #portier = new PortierController(this);
  /** What the shown entries were loaded for: a different store, data, filter or limit loads again. */
  #loadedFor: { portier: Portier; data: PortierData; filter: string; limit: number } | undefined;
  #run = 0;

  /** Loads the log again. */
  async refresh(): Promise<void> {
    const portier = this.#portier.portier;
    const state = this.#portier.state;
    if (!portier || !state || state.status !== 'ready') return;
    const filter = this.#filter();
    this.#loadedFor = { portier, data: state.data, filter, limit: this.limit };
    const run = ++this.#run;
    this.loading = true;
    try {
      const entries = await portier.audit.list(filter ? { userId: filter, limit: this.limit } : { limit: this.limit });
      if (run !== this.#run) return;
      this.entries = entries;
      this.failure = undefined;
    } catch (error) {
      if (run === this.#run) this.failure = error;
    } finally {
      if (run === this.#run) this.loading = false;
    }
  }

  #filter(): string {
    return this.userId ?? this.selectedUserId;
  }

  protected override willUpdate(): void {
    const portier = this.#portier.portier;
    const state = this.#portier.state;
    if (!portier || state?.status !== 'ready' || state.pending > 0) return;
    if (!this.#portier.can('audit.view').allowed) return;
    const loaded = this.#loadedFor;
    if (loaded?.portier === portier && loaded.data === state.data && loaded.filter === this.#filter() && loaded.limit === this.limit) return;
    void this.refresh();
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p part="status" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const view = this.#portier.can('audit.view');
    if (!view.allowed) {
      // "Only a super user can manage other users" would be the wrong sentence on the log.
      const text = view.reason === 'not-super-user' ? t.auditLog.superUsersOnly : this.#portier.errorText(new PortierError(view.code, { reason: view.reason }));
      return html`<p part="error" class="banner error" role="alert">${text}</p>`;
    }
    const l = t.auditLog;
    const entries = this.entries;
    return html`
      <section part="base" aria-labelledby="title">
        <h2 part="title" id="title">${l.title}</h2>
        <div part="toolbar">
          ${this.userId === undefined ? this.#renderFilter(t, state.data) : nothing}
          <button
            part="button"
            class="button"
            aria-disabled=${this.loading ? 'true' : 'false'}
            @click=${() => {
              // Refresh stays focusable while the log loads (aria-disabled): pressing it again does nothing.
              if (!this.loading) void this.refresh();
            }}
          >
            ${l.refresh}
          </button>
          ${entries ? html`<span part="count">${l.count(entries.length)}</span>` : nothing}
        </div>
        <div part="error" class="banner error" role="alert">${this.failure !== undefined ? html`<p>${this.#portier.errorText(this.failure)}</p>` : nothing}</div>
        ${entries === undefined
          ? nothing
          : entries.length === 0
            ? html`<p part="empty" class="muted">${l.empty}</p>`
            : html`<div part="table-scroll">
                <table part="log" role="table">
                  <caption class="visually-hidden">${this.#caption(t, state.data)}</caption>
                  <thead role="rowgroup">
                    <tr role="row">
                      <th role="columnheader" scope="col">${l.columns.when}</th>
                      <th role="columnheader" scope="col">${l.columns.who}</th>
                      <th role="columnheader" scope="col">${l.columns.what}</th>
                      <th role="columnheader" scope="col">${l.columns.target}</th>
                      <th role="columnheader" scope="col">${l.columns.change}</th>
                    </tr>
                  </thead>
                  <tbody role="rowgroup">
                    ${entries.map(
                      (entry) => html`<tr role="row">
                        <td role="cell" part="when"><time datetime=${entry.at}>${this.#portier.date(entry.at, { dateStyle: 'medium', timeStyle: 'short', timeZone: undefined })}</time></td>
                        <td role="cell" data-label=${l.columns.who}><bdi part="user-name" class="clamp">${this.#who(t, state.data, entry.actorId)}</bdi></td>
                        <td role="cell" data-label=${l.columns.what}><span>${actionName(l.actions, entry)}</span></td>
                        <td role="cell" data-label=${l.columns.target}><bdi part="user-name" class="clamp">${this.#who(t, state.data, entry.targetId)}</bdi></td>
                        <td role="cell" data-label=${l.columns.change}>${this.#renderChanges(t, state.data, entry)}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`}
        <p part="status" class="visually-hidden" role="status" aria-live="polite">
          ${this.loading ? t.common.loading : entries ? l.count(entries.length) : ''}
        </p>
      </section>
    `;
  }

  #renderFilter(t: Messages, data: PortierData): TemplateResult {
    const users = Object.values(data.users).sort((a, b) => displayName(a).localeCompare(displayName(b)));
    return html`<div class="field">
      <label for="user-filter">${t.auditLog.filterUser}</label>
      <select
        part="filter"
        id="user-filter"
        @change=${(event: Event) => (this.selectedUserId = (event.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.selectedUserId === ''}>${t.auditLog.allUsers}</option>
        ${users.map(
          (user) => html`<option value=${user.id} ?selected=${user.id === this.selectedUserId}>${shorten(`${displayName(user)} (${user.email})`)}</option>`,
        )}
      </select>
    </div>`;
  }

  /** What the table shows: the organization's changes, or one user's (the tab of a user, a chosen user). */
  #caption(t: Messages, data: PortierData): string {
    const userId = this.#filter();
    return userId ? t.auditLog.captionFor(this.#who(t, data, userId)) : t.auditLog.caption;
  }

  #who(t: Messages, data: PortierData, id: string): string {
    if (id === 'system') return t.auditLog.system;
    const user = Object.hasOwn(data.users, id) ? data.users[id] : undefined;
    return user ? displayName(user) : t.auditLog.unknownUser(id);
  }

  #renderChanges(t: Messages, data: PortierData, entry: AuditEntry): TemplateResult | string {
    const keys = [...new Set([...Object.keys(entry.before), ...Object.keys(entry.after)])].filter((key) => !HIDDEN_FIELDS.has(key));
    const items = keys.flatMap((key) => (key === 'grants' ? this.#grantChanges(t, data, entry) : [this.#fieldChange(t, data, key, entry)]));
    if (items.length === 0) return t.auditLog.none;
    // "Authorize all" or a copy can change dozens of rights: the first few show, the rest one click away.
    const shown = items.length > MAX_CHANGES_SHOWN ? items.slice(0, MAX_CHANGES_SHOWN - 1) : items;
    const rest = items.slice(shown.length);
    return html`<ul part="changes">
      ${shown}
      ${rest.length > 0
        ? html`<li><details part="more-changes"><summary>${t.auditLog.moreChanges(rest.length)}</summary><ul part="changes">${rest}</ul></details></li>`
        : nothing}
    </ul>`;
  }

  #fieldChange(t: Messages, data: PortierData, key: string, entry: AuditEntry): TemplateResult {
    // A field this version does not know (a newer backend's) keeps its name rather than vanish.
    const label = (FIELD_LABELS as Record<string, keyof Messages['fields'] | undefined>)[key];
    return this.#change(t.common.labelled(label ? t.fields[label] : key), this.#value(t, data, key, entry.before[key]), this.#value(t, data, key, entry.after[key]));
  }

  /** One line per right changed: its client and application, what it was → what it became. */
  #grantChanges(t: Messages, data: PortierData, entry: AuditEntry): TemplateResult[] {
    return pairGrants(entry.before.grants, entry.after.grants).map(({ clientId, applicationId, before, after }) =>
      this.#change(
        t.common.labelled(t.auditLog.grant(nameOf(data.clients, clientId), nameOf(data.applications, applicationId))),
        this.#grantValue(t, before),
        this.#grantValue(t, after),
      ),
    );
  }

  #grantValue(t: Messages, grant: Grant | undefined): string {
    const level = wordFor(t.level, levelOf(grant) ?? 'none');
    const profile = profileOf(grant);
    return profile === undefined ? level : t.auditLog.withProfile(level, profile);
  }

  #change(field: string, before: string, after: string): TemplateResult {
    return html`<li part="change" class="clamp"><span part="field">${field}</span> <bdi part="before">${before}</bdi> → <bdi part="after">${after}</bdi></li>`;
  }

  #value(t: Messages, data: PortierData, key: string, value: unknown): string {
    if (value === undefined || value === null || value === '') return t.auditLog.none;
    if (typeof value === 'boolean') return value ? t.auditLog.yes : t.auditLog.no;
    if (Array.isArray(value)) {
      if (value.length === 0) return t.auditLog.none;
      return value.map((item) => (key === 'managedClientIds' ? nameOf(data.clients, String(item)) : plainText(item))).join(', ');
    }
    const text = plainText(value);
    switch (key) {
      case 'status':
        return wordFor(t.status, text);
      case 'role':
        return wordFor(t.role, text);
      case 'language':
        return wordFor(t.language, text);
      case 'signature':
        return wordFor(t.signature, text);
      case 'kind':
        return wordFor(t.kind, text);
      case 'activeUntil':
        return this.#portier.date(text);
      default:
        return text;
    }
  }
}

/**
 * What an entry's action is called. Setting a day to come and removing it travel as deactivate and
 * activate, yet leave the account as it is: named as what they did, not as a change of status.
 */
function actionName(actions: Messages['auditLog']['actions'], entry: AuditEntry): string {
  const statusChanged = 'status' in entry.before || 'status' in entry.after;
  if (!statusChanged && entry.action === 'users.deactivate') return actions['users.setEndDate'];
  if (!statusChanged && entry.action === 'users.activate') return actions['users.removeEndDate'];
  return wordFor(actions, entry.action);
}
