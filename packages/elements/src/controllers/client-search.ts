import type { Client } from '@portier/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PortierController } from './portier-controller.js';

/** The words of one screen's client search. */
export interface ClientSearchLabels {
  heading: string;
  label: string;
  button: string;
  noResults: string;
  caption: string;
  columns: { name: string; number: string; action: string };
}

/** A column a screen adds after the name and the number (the VAT number, say). */
export interface ClientSearchColumn {
  heading: string;
  cell(client: Client): TemplateResult;
}

/** What the screen does with a search's outcome. */
export interface ClientSearchOptions {
  /** How many clients one search shows at most. */
  limit: number;
  /** A search began (clear an earlier failure). */
  started(): void;
  /** The latest search answered (announce it). */
  found(clients: Client[]): void;
  /** The latest search failed (show why). */
  failed(error: unknown): void;
}

/**
 * Searching the organization's clients by name, number or VAT (seed 000 §6) on the screens that
 * add a client: the typed text, the last results, the search form and the results table. Only
 * the latest search's answer is shown, however the answers arrive.
 */
export class ClientSearchController implements ReactiveController {
  /** The last results; undefined before the first search. */
  results: Client[] | undefined;
  #text = '';
  #searching = false;
  #run = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly portier: PortierController,
    private readonly options: ClientSearchOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const portier = this.portier.portier;
    // The button stays focusable while a search runs (aria-disabled): pressing it again does nothing.
    if (!portier || this.#searching) return;
    const run = ++this.#run;
    this.#searching = true;
    this.options.started();
    this.host.requestUpdate();
    try {
      const found = await portier.clients.search(this.#text.trim(), this.options.limit);
      if (run !== this.#run) return;
      this.results = found;
      this.options.found(found);
    } catch (error) {
      if (run === this.#run) this.options.failed(error);
    } finally {
      if (run === this.#run) {
        this.#searching = false;
        this.host.requestUpdate();
      }
    }
  };

  /**
   * The form (its field has id `search`) and, after a search, the results: name, number, the
   * screen's own `columns`, and `action` per client.
   */
  render(labels: ClientSearchLabels, action: (client: Client, index: number) => TemplateResult, columns: readonly ClientSearchColumn[] = []): TemplateResult {
    return html`
      <div>
        <h3 part="subtitle">${labels.heading}</h3>
        <form part="search" role="search" @submit=${this.#submit}>
          <div class="field">
            <label for="search">${labels.label}</label>
            <input
              part="search-input"
              id="search"
              type="search"
              autocomplete="off"
              .value=${this.#text}
              @input=${(event: Event) => (this.#text = (event.target as HTMLInputElement).value)}
            />
          </div>
          <button part="button" class="button" type="submit" aria-disabled=${this.#searching ? 'true' : 'false'}>${labels.button}</button>
        </form>
        ${this.results === undefined
          ? nothing
          : this.results.length === 0
            ? html`<p part="no-results" class="muted">${labels.noResults}</p>`
            : // Explicit roles and each value's column label (data-label): a screen may lay the rows
              // out as cards on a narrow width, and a table whose display changes keeps its
              // semantics only through its roles.
              html`<div class="table-scroll" tabindex="0" role="region" aria-label=${labels.caption}><table part="results" role="table">
                <caption class="visually-hidden">${labels.caption}</caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col">${labels.columns.name}</th>
                    <th role="columnheader" scope="col">${labels.columns.number}</th>
                    ${columns.map((column) => html`<th role="columnheader" scope="col">${column.heading}</th>`)}
                    <th role="columnheader" scope="col"><span class="visually-hidden">${labels.columns.action}</span></th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${this.results.map(
                    (client, index) => html`<tr role="row">
                      <td role="cell"><bdi part="client-name" class="clamp">${client.name}</bdi></td>
                      <td role="cell" data-label=${labels.columns.number}><bdi part="client-number" class="clamp">${client.number}</bdi></td>
                      ${columns.map((column) => html`<td role="cell" data-label=${column.heading}>${column.cell(client)}</td>`)}
                      <td role="cell">${action(client, index)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table></div>`}
      </div>
    `;
  }
}
