import type { User } from '@portier/core';

/** Fired when a screen has created a user (after the backend confirmed it). Bubbles, composed. */
export class PortierUserCreatedEvent extends Event {
  static readonly type = 'portier-user-created';
  constructor(readonly user: User) {
    super(PortierUserCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-user-created': PortierUserCreatedEvent;
  }
}
