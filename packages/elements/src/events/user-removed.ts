import type { User } from '@portier/core';

/**
 * Fired when a screen has deleted a user (after the backend confirmed it). The user is no longer
 * in the store, so the event carries its last record (for its name in a message). Bubbles, composed.
 */
export class PortierUserRemovedEvent extends Event {
  static readonly type = 'portier-user-removed';
  /** The deleted user's id. */
  readonly userId: string;
  constructor(
    /** The user as it was just before it was deleted. */
    readonly user: User,
  ) {
    super(PortierUserRemovedEvent.type, { bubbles: true, composed: true });
    this.userId = user.id;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portier-user-removed': PortierUserRemovedEvent;
  }
}
