import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A screen that may hold input not saved yet. `<portier-admin>` asks before leaving such a screen;
 * a host with its own router may ask it too.
 */
export interface HoldsUnsavedChanges {
  /** True while something typed or chosen on the screen is not saved. */
  readonly hasUnsavedChanges: boolean;
}

/** True when `element` is a screen that now holds unsaved changes. */
export function holdsUnsavedChanges(element: Element | null | undefined): boolean {
  return (element as Partial<HoldsUnsavedChanges> | null | undefined)?.hasUnsavedChanges === true;
}

/**
 * Asks the browser to confirm leaving the page (a reload, closing the tab, another site) while
 * the host holds unsaved changes: the browser's own "Leave site?" prompt. The listener is there
 * only while something is unsaved, since a `beforeunload` listener keeps some browsers from
 * caching the page for Back.
 */
export class UnsavedChangesGuard implements ReactiveController {
  #listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly unsaved: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // A screen taken out of the page may still finish an update: it no longer holds anything.
    this.#listen(this.host.isConnected && this.unsaved());
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    if (on) window.addEventListener('beforeunload', this.#beforeUnload);
    else window.removeEventListener('beforeunload', this.#beforeUnload);
  }

  #beforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.unsaved()) return;
    event.preventDefault();
    // Older browsers ask only when a return value is set.
    event.returnValue = '';
  };
}
