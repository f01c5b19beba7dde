import type { ReactiveControllerHost } from 'lit';

/**
 * The users a screen has a command running on. A screen switched to another user while one runs
 * frees the new user's buttons at once; back on the first user, they wait again until it settles.
 */
export class BusyUsers {
  readonly #users = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /** True while a command on `userId` runs. */
  has(userId: string): boolean {
    return this.#users.has(userId);
  }

  start(userId: string): void {
    this.#users.add(userId);
    this.host.requestUpdate();
  }

  end(userId: string): void {
    this.#users.delete(userId);
    this.host.requestUpdate();
  }
}
