/** What changed on the user. */
export type UserChange =
  | 'profile'
  | 'role'
  | 'signature'
  | 'active-until'
  | 'status'
  | 'password-reset'
  | 'invitation'
  | 'managed-clients';

/** Fired when a screen has changed a user (profile, role, status…), after the backend confirmed it. Bubbles, composed. */
export class PortierUserUpdatedEvent extends Event {
  static readonly type = 'portier-user-updated';
  constructor(
    readonly userId: string,
    readonly change: UserChange,
  ) {
    super(PortierUserUpdatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-user-updated': PortierUserUpdatedEvent;
  }
}
