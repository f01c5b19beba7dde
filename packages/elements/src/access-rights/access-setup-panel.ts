import type { Application, Level, User } from '@portier/core';
import { html, nothing, type TemplateResult } from 'lit';
import { levelPerType } from '../access-setup/contract-types.js';
import { renderCopySourceFields } from '../access-setup/copy-source-fields.js';
import { renderTypeLevelFields } from '../access-setup/type-level-fields.js';
import type { Messages } from '../localize/messages.js';
import type { AccessSetupChoices } from './access-setup.js';

/** The two ways of the panel, as `data-method` and `data-review` name them. */
export type AccessSetupMode = 'copy' | 'authorize-all';

/** What {@link renderAccessSetupPanel} shows and whom it tells. */
export interface AccessSetupPanelOptions {
  t: Messages;
  choices: AccessSetupChoices;
  /** The ways whose `<details>` is open (their fields are only rendered then). */
  open: ReadonlySet<AccessSetupMode>;
  /** Users whose rights may be copied (`copySourceCandidates`); read only when "copy" is open. */
  sources: () => readonly User[];
  applications: readonly Application[];
  /** The contract types of the organization, sorted. */
  contractTypes: readonly string[];
  /** The source choice's error ("fill in this field"). */
  sourceError: string;
  /** Why the review buttons cannot be used now (unsaved matrix edits), or `''`. */
  blocked: string;
  /** A command is being applied. */
  busy: boolean;
  /** A result that is not a change ("nothing would change"), shown under the two ways. */
  note: string;
  onToggle(mode: AccessSetupMode, open: boolean): void;
  /** Each change names one choice, so that the host applies it to its current choices (two changes can come before a render). */
  onSourceChange(sourceUserId: string): void;
  onExcludeChange(applicationId: string, excluded: boolean): void;
  onTypeLevelChange(type: string, level: Level): void;
  onReview(mode: AccessSetupMode, button: HTMLElement): void;
}

/**
 * The rights matrix's other two ways to set access (seed 004, SPEC rule 11): copy another user
 * without chosen applications, and "authorize all" with one level per contract type. Each is a
 * disclosure with the create form's fields and a button that asks for the summary of changes.
 */
export function renderAccessSetupPanel(options: AccessSetupPanelOptions): TemplateResult {
  const { t, choices, open, blocked, busy } = options;
  const a = t.accessRights;
  const review = (mode: AccessSetupMode) => html`<div class="actions">
    <button
      part="button button-primary"
      class="button primary"
      type="button"
      data-review=${mode}
      aria-disabled=${blocked || busy ? 'true' : 'false'}
      aria-describedby=${blocked ? 'setup-blocked' : nothing}
      @click=${(event: Event) => options.onReview(mode, event.currentTarget as HTMLElement)}
    >
      ${a.review}
    </button>
  </div>`;
  const toggle = (mode: AccessSetupMode) => (event: Event) => {
    const isOpen = (event.target as HTMLDetailsElement).open;
    if (isOpen !== open.has(mode)) options.onToggle(mode, isOpen);
  };
  return html`<section part="setup" aria-labelledby="setup-title">
    <h3 part="subtitle" id="setup-title">${a.setupTitle}</h3>
    ${blocked ? html`<p part="hint" class="banner info" id="setup-blocked">${blocked}</p>` : nothing}
    <details part="setup-method" data-method="copy" ?open=${open.has('copy')} @toggle=${toggle('copy')}>
      <summary>${t.userCreate.accessMode.copy}</summary>
      ${open.has('copy')
        ? html`<p part="hint" class="hint">${a.copyHint}</p>
            ${renderCopySourceFields({
              t,
              sources: options.sources(),
              applications: options.applications,
              sourceUserId: choices.sourceUserId,
              excludeApplications: choices.excludeApplications,
              error: options.sourceError || undefined,
              idPrefix: 'setup-',
              onSourceChange: options.onSourceChange,
              onExcludeChange: options.onExcludeChange,
            })}
            ${review('copy')}`
        : nothing}
    </details>
    <details part="setup-method" data-method="authorize-all" ?open=${open.has('authorize-all')} @toggle=${toggle('authorize-all')}>
      <summary>${t.userCreate.accessMode['authorize-all']}</summary>
      ${open.has('authorize-all')
        ? html`<p part="hint" class="hint">${a.authorizeAllHint}</p>
            ${options.contractTypes.length === 0
              ? html`<p>${t.userCreate.noContracts}</p>`
              : html`${renderTypeLevelFields({
                  t,
                  types: options.contractTypes,
                  levels: levelPerType(options.contractTypes, choices.typeLevels),
                  idPrefix: 'setup-',
                  onChange: options.onTypeLevelChange,
                })}
                ${review('authorize-all')}`}`
        : nothing}
    </details>
    ${options.note ? html`<p part="hint" class="hint">${options.note}</p>` : nothing}
  </section>`;
}
