import { html, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import type { Messages } from '../localize/messages.js';

/** What a confirmation asks. */
export interface ConfirmRequest {
  title: string;
  /** The question, naming who the action is on and what follows from it. */
  message: string;
  /** The confirm button: the action's own name ("Deactivate"), so the choice reads without the message. */
  confirmLabel: string;
  /** The action takes something away (block, deactivate, delete): the confirm button is drawn as dangerous. */
  danger?: boolean;
  /** The safe button, when "Cancel" would be ambiguous (leaving a form: cancel the leaving, or the form?). Default: Cancel. */
  cancelLabel?: string;
}

/**
 * The modal confirmation of the screens (a native `<dialog>`), shared so that the same action is
 * asked the same way wherever it is offered. `ask()` opens it and resolves true on the confirm
 * button, false on Cancel, Escape or when the host leaves the page. Cancel is first in tab order
 * and takes the focus when the dialog opens, the safe choice. When the dialog closes the focus
 * goes back to the control that opened it, if that control is still there and usable.
 *
 * The host renders `render(t)` once in its template and adds `dialogStyles`. Parts: `dialog`, and
 * `button` on its two buttons (`data-action="dialog-cancel"` / `"dialog-confirm"`).
 */
export class ConfirmDialog implements ReactiveController {
  #request: (ConfirmRequest & { resolve: (confirmed: boolean) => void }) | undefined;
  #opener: HTMLElement | undefined;

  constructor(private readonly host: LitElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#settle(false);
  }

  /** Opens the dialog; resolves true when the user confirmed. A second call replaces (and cancels) the first. */
  ask(request: ConfirmRequest): Promise<boolean> {
    this.#settle(false);
    this.#opener = ((this.host.renderRoot as ShadowRoot).activeElement as HTMLElement | null) ?? undefined;
    return new Promise((resolve) => {
      this.#request = { ...request, resolve };
      this.host.requestUpdate();
      void this.host.updateComplete.then(() => {
        const dialog = this.#dialog();
        if (dialog && !dialog.open && this.#request) dialog.showModal();
      });
    });
  }

  /** The dialog (closed until `ask()`). */
  render(t: Messages): TemplateResult {
    const request = this.#request;
    return html`<dialog part="dialog" data-confirm aria-labelledby="dialog-title" aria-describedby="dialog-message" @close=${this.#closed}>
      <h3 id="dialog-title">${request?.title ?? ''}</h3>
      <p id="dialog-message">${request?.message ?? ''}</p>
      <div class="actions">
        <button class="button" part="button" type="button" data-action="dialog-cancel" @click=${() => this.#dialog()?.close('cancel')}>${request?.cancelLabel ?? t.common.cancel}</button>
        <button class="button primary ${request?.danger ? 'danger' : ''}" part="button" type="button" data-action="dialog-confirm" @click=${() => this.#dialog()?.close('confirm')}>
          ${request?.confirmLabel ?? t.common.confirm}
        </button>
      </div>
    </dialog>`;
  }

  #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog[data-confirm]');
  }

  #closed = (event: Event): void => {
    const dialog = event.target as HTMLDialogElement;
    const confirmed = dialog.returnValue === 'confirm';
    dialog.returnValue = '';
    const opener = this.#opener;
    if (opener?.isConnected && opener.getAttribute('aria-disabled') !== 'true') opener.focus();
    this.#settle(confirmed);
  };

  #settle(confirmed: boolean): void {
    const request = this.#request;
    if (!request) return;
    this.#request = undefined;
    this.#opener = undefined;
    request.resolve(confirmed);
    this.host.requestUpdate();
  }
}
