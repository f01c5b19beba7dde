import type { Level } from '@portier/core';
import { LEVELS_HIGHEST_FIRST } from './levels-offered.js';
import { html, type TemplateResult } from 'lit';
import type { Messages } from '../localize/messages.js';
import { contractTypeLabel } from './contract-types.js';

/** What {@link renderTypeLevelFields} shows and whom it tells. */
export interface TypeLevelFieldsOptions {
  t: Messages;
  /** The contract types, in display order. */
  types: readonly string[];
  /** The level chosen per type (see `levelPerType`). */
  levels: Readonly<Record<string, Level>>;
  /** Put before every id, so that the ids stay unique in the host's shadow root. Default `''`. */
  idPrefix?: string;
  onChange(type: string, level: Level): void;
}

/**
 * "Authorize all" (seed 004): one level per contract type, each a labelled `<select>` (id
 * `${idPrefix}type-${type}`, `data-contract-type`). Every level is offered: where an application
 * does not allow the one chosen, the core gives the nearest lower one. Parts: `label`, `input`.
 * The host's styles provide `.grid` and `.field` (`accessSetupStyles`, `baseStyles`).
 */
export function renderTypeLevelFields({ t, types, levels, idPrefix = '', onChange }: TypeLevelFieldsOptions): TemplateResult {
  return html`<div class="grid">
    ${types.map(
      (type) => html`<div class="field">
        <label for="${idPrefix}type-${type}" part="label">${contractTypeLabel(t, type)}</label>
        <select
          id="${idPrefix}type-${type}"
          part="input"
          data-contract-type=${type}
          @change=${(event: Event) => onChange(type, (event.target as HTMLSelectElement).value as Level)}
        >
          ${LEVELS_HIGHEST_FIRST.map((level) => html`<option value=${level} ?selected=${levels[type] === level}>${t.level[level]}</option>`)}
        </select>
      </div>`,
    )}
  </div>`;
}
