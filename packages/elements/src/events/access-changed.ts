/** Fired when a screen has changed a user's access rights, after the backend confirmed it. Bubbles, composed. */
export class PortierAccessChangedEvent extends Event {
  static readonly type = 'portier-access-changed';
  constructor(readonly userId: string) {
    super(PortierAccessChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-access-changed': PortierAccessChangedEvent;
  }
}
