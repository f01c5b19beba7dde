import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../localize/messages.js';

/**
 * A visually hidden alert saying that `count` fields need attention, for a form whose submit
 * focuses its first field in error. When Enter is pressed in that very field the focus does not
 * move, so a screen reader would say nothing; this region does. Rendered always (empty at 0), so
 * that assistive technology knows the region before its text arrives.
 */
export function invalidAlert(t: Messages, count: number): TemplateResult {
  return html`<p class="visually-hidden" role="alert">${count > 0 ? t.common.fixErrors(count) : nothing}</p>`;
}
