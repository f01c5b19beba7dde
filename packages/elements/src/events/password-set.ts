/** How the password was set. */
export type PasswordSetReason = 'activation' | 'reset' | 'change';

/**
 * Fired by the account screens when a password was set: an invitation accepted, a reset
 * completed, an expired password changed. The host can sign the user in or show its sign-in page.
 * Bubbles, composed.
 */
export class PortierPasswordSetEvent extends Event {
  static readonly type = 'portier-password-set';
  constructor(
    readonly reason: PasswordSetReason,
    /** The account's e-mail (the login), when the screen knows it. */
    readonly email: string | undefined,
  ) {
    super(PortierPasswordSetEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-password-set': PortierPasswordSetEvent;
  }
}
