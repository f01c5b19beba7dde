/** Where a screen asks to go: `<portier-admin>` follows, a host may follow too (or call `preventDefault()`). */
export type PortierView = 'list' | 'create' | 'profile' | 'access' | 'clients' | 'audit' | 'own-profile';

/**
 * Fired when the user asks to open another screen (a row's edit button, "Create a new user",
 * "Cancel"). Bubbles, composed, cancelable.
 */
export class PortierNavigateEvent extends Event {
  static readonly type = 'portier-navigate';
  constructor(
    readonly view: PortierView,
    readonly userId?: string,
  ) {
    super(PortierNavigateEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-navigate': PortierNavigateEvent;
  }
}
