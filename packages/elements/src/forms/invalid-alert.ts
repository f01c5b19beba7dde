import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Messages } from '../localize/messages.js';

/** What a form's last submit found: how many fields were in error, and which submit it was. */
export interface SubmitAlert {
  count: number;
  attempt: number;
}

/** No submit yet. */
export const NO_SUBMIT_ALERT: SubmitAlert = { count: 0, attempt: 0 };

/** The next submit's alert: `count` fields in error now. */
export function nextSubmitAlert(previous: SubmitAlert, count: number): SubmitAlert {
  return { count, attempt: previous.attempt + 1 };
}

/**
 * A visually hidden alert saying how many fields a submit found in error, for a form whose submit
 * focuses its first field in error. When Enter is pressed in that very field the focus does not
 * move, so a screen reader would say nothing; this alert does. It speaks once per submit (a new
 * element each time, so the same words are said again) and falls silent once no field is in error
 * (`inError`); typing never makes it speak.
 */
export function invalidAlert(t: Messages, alert: SubmitAlert, inError: number): TemplateResult {
  const count = inError === 0 ? 0 : alert.count;
  return html`${keyed(alert.attempt, html`<p class="visually-hidden" role="alert">${count > 0 ? t.common.fixErrors(count) : nothing}</p>`)}`;
}
