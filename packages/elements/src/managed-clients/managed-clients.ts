import { PortierError, displayName, selectUser, type Client, type Language, type User } from '@portier/core';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientSearchController } from '../controllers/client-search.js';
import { PortierController } from '../controllers/portier-controller.js';
import { BusyUsers } from '../controllers/busy-users.js';
import { PortierUserUpdatedEvent } from '../events/user-updated.js';
import { OtherUserFailure, sayFailure } from '../localize/error-message.js';
import type { Messages, Say } from '../localize/messages.js';
import { managedClientsStyles } from './managed-clients.styles.js';

const SEARCH_LIMIT = 50;

/**
 * The clients a user works for (seed 000 §6): search the organization's clients by name, client
 * number or VAT number and add one, or remove one. Each add or remove is saved at once.
 *
 * @summary Edits the clients a user manages.
 *
 * @event portier-user-updated - After the managed clients were saved (`change` is `managed-clients`).
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart user - The line naming the user.
 * @csspart intro - The explanation under the heading.
 * @csspart subtitle - The headings of the search and of the list.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart button - Every button.
 * @csspart results - The table of clients found.
 * @csspart no-results - The line shown when a search found nothing.
 * @csspart managed - The table of managed clients.
 * @csspart empty - The line shown when the user manages no client.
 * @csspart client-name - A client's name (cut after three lines); also `client-number` and `client-vat`.
 * @csspart client-number - A client's number.
 * @csspart client-vat - A client's VAT number.
 * @csspart status - The live regions: the visually hidden one (search results), and `saved`.
 * @csspart saved - The banner saying a client was added or removed (and announcing it), shown until the next search.
 * @csspart error - The banner explaining a failure.
 * @csspart retry - Loads again after the data could not be loaded.
 */
export class PortierManagedClients extends LitElement {
  static override styles = managedClientsStyles;

  /** The user whose managed clients are edited. */
  @property({ attribute: 'user-id' }) userId = '';

  /** The language (`fr`, `nl`, `de`, `en`); default: the provider's, the page's, the store's. */
  @property({ reflect: true }) locale: Language | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  /** What the visually hidden status line says (search results). */
  @state() private announcement: Say | undefined;
  /** The last add or remove, shown in a banner until the next search. */
  @state() private saved: Say | undefined;
  @state() private failure: unknown;

  readonly #portier = new PortierController(this);
  readonly #clientSearch = new ClientSearchController(this, this.#portier, {
    limit: SEARCH_LIMIT,
    started: () => {
      this.failure = undefined;
      // A new search: the last add or remove is no longer what the user looks at.
      this.saved = undefined;
    },
    found: (clients) => {
      this.announcement = clients.length === 0 ? (t) => t.managedClients.noResults : (t) => t.managedClients.found(clients.length);
    },
    failed: (error) => (this.failure = error),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('userId') && changed.get('userId') !== undefined) {
      this.failure = undefined;
      this.announcement = undefined;
      this.saved = undefined;
    }
  }

  #user(): User | undefined {
    return this.#portier.state && selectUser(this.#portier.state, this.userId);
  }

  /** Only the buttons of a user with a save running wait: after a switch, the next user's are free. */
  readonly #busy = new BusyUsers(this);

  private get busy(): boolean {
    return this.#busy.has(this.userId);
  }

  #clientName(id: string): string {
    return this.#portier.state?.data.clients[id]?.name ?? id;
  }

  async #save(next: string[], done: Say, focusAfter: () => HTMLElement | null | undefined): Promise<void> {
    const portier = this.#portier.portier;
    const user = this.#user();
    // The buttons stay focusable while a save runs (aria-disabled, so the focus is not lost): a press then does nothing.
    if (!portier || !user || this.busy) return;
    this.#busy.start(user.id);
    this.failure = undefined;
    this.saved = undefined;
    let failure: unknown;
    try {
      await portier.clients.setManaged(user.id, next, { expectedVersion: user.version });
      this.dispatchEvent(new PortierUserUpdatedEvent(user.id, 'managed-clients'));
    } catch (error) {
      failure = error;
    } finally {
      this.#busy.end(user.id);
    }
    // Switched to another user meanwhile: a success belongs to no one on screen now; a failure is
    // shown all the same, naming the user, but the focus stays where the user now works.
    if (this.userId !== user.id) {
      if (failure !== undefined) this.failure = new OtherUserFailure(displayName(user), failure);
      return;
    }
    // Shown in the banner, whose status role announces it: the hidden line says nothing more.
    if (failure === undefined) this.saved = done;
    else this.failure = failure;
    this.announcement = undefined;
    await this.updateComplete;
    // A failure changed nothing: the focus stays on the button pressed, so Enter tries the same client again.
    if (failure !== undefined && this.shadowRoot?.activeElement) return;
    (focusAfter() ?? this.renderRoot.querySelector<HTMLInputElement>('#search'))?.focus();
  }

  #add(client: Client, index: number): Promise<void> {
    const user = this.#user();
    if (!user) return Promise.resolve();
    return this.#save([...user.managedClientIds, client.id], (t) => t.managedClients.added(client.name), () => {
      // Go on with the next client found that can still be added.
      const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-add]')];
      return buttons.find((button) => Number(button.dataset.index) > index) ?? buttons.at(-1);
    });
  }

  #remove(clientId: string, index: number): Promise<void> {
    const user = this.#user();
    if (!user) return Promise.resolve();
    const name = this.#clientName(clientId);
    return this.#save(
      user.managedClientIds.filter((id) => id !== clientId),
      (t) => t.managedClients.removed(name),
      () => {
        const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove]');
        return buttons[Math.min(index, buttons.length - 1)];
      },
    );
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p part="status" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const user = this.#user();
    if (!user) return html`<p part="error" class="banner error" role="alert">${t.errors['not-found']}</p>`;
    const view = this.#portier.can('clients.view', { user });
    if (!view.allowed) return html`<p part="error" class="banner error" role="alert">${this.#decisionText(view.code, view.reason)}</p>`;
    const edit = this.#portier.can('clients.set-managed', { user });
    const m = t.managedClients;
    return html`
      <section part="base" aria-labelledby="title">
        <div>
          <h2 part="title" id="title">${m.title}</h2>
          <p part="user">${m.userHeading(user.email)}</p>
          <p part="intro" class="muted">${m.intro}</p>
        </div>
        ${edit.allowed ? this.#renderSearch(t, user) : html`<p part="error" class="banner info">${this.#decisionText(edit.code, edit.reason)}</p>`}
        <div part="error" class="banner error" role="alert">${this.failure !== undefined ? html`<p>${sayFailure(t, this.failure, (error) => this.#portier.actionErrorText(error))}</p>` : nothing}</div>
        <div part="status saved" class="banner success" role="status">${this.saved?.(t) ?? nothing}</div>
        ${this.#renderManaged(t, user, edit.allowed)}
        <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement?.(t) ?? nothing}</p>
      </section>
    `;
  }

  #decisionText(code: PortierError['code'], reason: string): string {
    return this.#portier.errorText(new PortierError(code, { reason }));
  }

  #renderSearch(t: Messages, user: User) {
    const m = t.managedClients;
    const managed = new Set(user.managedClientIds);
    const labels = { heading: m.addClient, label: m.search, button: m.searchButton, noResults: m.noResults, caption: m.resultsCaption, columns: m.columns };
    const vat = { heading: m.columns.vat, cell: (client: Client) => html`<bdi part="client-vat" class="clamp">${client.vat}</bdi>` };
    return html`<div class="cards">${this.#clientSearch.render(
      labels,
      (client, index) =>
        managed.has(client.id)
          ? html`<span class="muted">${m.alreadyManaged}</span>`
          : html`<button
              part="button"
              class="button small"
              data-add
              data-index=${index}
              aria-label=${m.addNamed(client.name)}
              aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => this.#add(client, index)}
            >
              ${m.add}
            </button>`,
      [vat],
    )}</div>`;
  }

  #renderManaged(t: Messages, user: User, editable: boolean) {
    const m = t.managedClients;
    const clients = this.#portier.state?.data.clients ?? {};
    if (user.managedClientIds.length === 0) return html`<p part="empty" class="muted">${m.none}</p>`;
    return html`<div class="cards">
      <table part="managed" role="table">
        <caption part="subtitle">${m.managedCaption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${m.columns.name}</th>
            <th role="columnheader" scope="col">${m.columns.number}</th>
            <th role="columnheader" scope="col">${m.columns.vat}</th>
            <th role="columnheader" scope="col"><span class="visually-hidden">${m.columns.action}</span></th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${user.managedClientIds.map((id, index) => {
            const client = clients[id];
            const name = client?.name ?? id;
            const removable = editable && this.#portier.can('clients.set-managed', { user, clientIds: [id] }).allowed;
            return html`<tr role="row">
              <th role="rowheader" scope="row"><bdi part="client-name" class="clamp">${name}</bdi></th>
              <td role="cell" data-label=${m.columns.number}><bdi part="client-number" class="clamp">${client?.number ?? ''}</bdi></td>
              <td role="cell" data-label=${m.columns.vat}><bdi part="client-vat" class="clamp">${client?.vat ?? ''}</bdi></td>
              <td role="cell">
                ${removable
                  ? html`<button
                      part="button"
                      class="button small danger"
                      data-remove
                      aria-label=${m.removeNamed(name)}
                      aria-disabled=${this.busy ? 'true' : 'false'}
                      @click=${() => this.#remove(id, index)}
                    >
                      ${m.remove}
                    </button>`
                  : editable
                    ? html`<span class="muted">${m.notManaged}</span>`
                    : nothing}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
