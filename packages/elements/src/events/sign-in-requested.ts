/**
 * Fired when the user asks to sign in from an account screen (the default content of its
 * `sign-in` slot). The host shows its sign-in page. Bubbles, composed.
 */
export class PortierSignInRequestedEvent extends Event {
  static readonly type = 'portier-sign-in-requested';
  constructor(
    /** The e-mail to prefill, when the screen knows it. */
    readonly email: string | undefined,
  ) {
    super(PortierSignInRequestedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-sign-in-requested': PortierSignInRequestedEvent;
  }
}
