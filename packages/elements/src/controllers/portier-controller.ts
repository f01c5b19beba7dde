import { ContextConsumer } from '@lit/context';
import { can, clientsOfUser, countSuperUsers, isAccountAction, isPortierError, selectGrants, type Action, type Decision, type Language, type PolicyTarget, type Portier, type PortierState, type SuperUserCounts, type User } from '@portier/core';
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { portierContext } from '../context.js';
import { formatDate, formatNumber } from '../localize/format.js';
import { errorMessage } from '../localize/error-message.js';
import { LocalizeController, type LocalizedHost } from '../localize/localize-controller.js';
import type { Messages } from '../localize/messages.js';

/** Per users record: rule 4's count, so that a list of 100,000 rows does not count for every row. */
const superUserCounts = new WeakMap<object, { now: number; organizationId: string; counts: SuperUserCounts }>();

const NO_ACTOR: Decision = { allowed: false, code: 'forbidden', reason: 'actor-inactive' };

/** How long a connected screen waits for a provider's answer before it warns that none came. */
export const NO_PROVIDER_GRACE_MS = 1000;
/** The warning is said once per page: inside `<portier-admin>`, every screen would repeat it. */
let warnedWithoutProvider = false;

/**
 * The one controller that binds an element to Portier: it takes the store from the nearest
 * `<portier-provider>` (or `use(store)`), re-renders the host on every state change, resolves
 * the language and its messages, and answers `can(action, target)` for the signed-in actor.
 * @example
 * class MyScreen extends LitElement {
 *   #portier = new PortierController(this);
 *   render() { const t = this.#portier.t; return t ? html`<h2>${t.userList.title}</h2>` : nothing; }
 * }
 */
export class PortierController implements ReactiveController {
  readonly host: LocalizedHost;
  readonly localize: LocalizeController;
  #consumer: ContextConsumer<typeof portierContext, LocalizedHost>;
  #portier: Portier | undefined;
  #explicit: Portier | undefined;
  #unsubscribe: (() => void) | undefined;
  #state: PortierState | undefined;
  #connected = false;
  /** A provider answered (maybe still without a store: the host may set it later). */
  #answered = false;
  #noProviderTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: LocalizedHost) {
    this.host = host;
    this.#consumer = new ContextConsumer(host, {
      context: portierContext,
      subscribe: true,
      callback: (portier) => {
        this.#answered = true;
        if (!this.#explicit) this.#bind(portier);
      },
    });
    this.localize = new LocalizeController(host, { fallback: () => this.#state?.locale });
    host.addController(this);
  }

  /** The store, or undefined while no provider gave one. */
  get portier(): Portier | undefined {
    return this.#portier;
  }

  /** The store's state as of the last change (undefined without a store). */
  get state(): PortierState | undefined {
    return this.#state;
  }

  /** The signed-in user, once the store has loaded. */
  get actor(): User | undefined {
    const state = this.#state;
    return state?.actorId ? state.data.users[state.actorId] : undefined;
  }

  /** The active messages (undefined until the locale has loaded: render nothing then). */
  get t(): Messages | undefined {
    return this.localize.messages;
  }

  /** The active language. */
  get locale(): Language {
    return this.localize.locale;
  }

  /** Uses this store rather than the provider's (an element used without a provider). */
  use(portier: Portier | undefined): void {
    this.#explicit = portier;
    this.#bind(portier ?? this.#consumer.value);
  }

  /**
   * Asks the core's policy whether the actor may do `action` on `target` now. Screens use it
   * only to hide or disable; the store and the backend check again.
   */
  can(action: Action, target: Omit<PolicyTarget, 'now'> = {}): Decision {
    const actor = this.actor;
    const state = this.#state;
    if (!actor || !state) return NO_ACTOR;
    // Rule 2 reads the clients the target user works for: filled here, as the command fills them.
    const user = target.user;
    const userClientIds = user && target.userClientIds === undefined && isAccountAction(action, user) ? { userClientIds: clientsOfUser(user, selectGrants(state, user.id)) } : {};
    return can(actor, action, { now: state.now, ...userClientIds, ...target });
  }

  /** The super users of the actor's organization (what rule 4 counts); computed once per state. */
  superUsers(): SuperUserCounts {
    const state = this.#state;
    const actor = this.actor;
    if (!state || !actor) return { active: 0, lasting: 0 };
    const cached = superUserCounts.get(state.data.users);
    if (cached && cached.now === state.now && cached.organizationId === actor.organizationId) return cached.counts;
    const counts = countSuperUsers(Object.values(state.data.users), actor.organizationId, state.now);
    superUserCounts.set(state.data.users, { now: state.now, organizationId: actor.organizationId, counts });
    return counts;
  }

  /** Why the data could not be loaded, with the reason (an account no longer active, the network). */
  loadErrorText(): string {
    const t = this.t;
    return t ? `${t.common.loadError} ${errorMessage(t, this.state?.error)}` : '';
  }

  /** Loads the store again, as after a failed load; a new failure shows in the state. */
  retry(): void {
    void this.#portier?.refresh().catch(() => undefined);
  }

  /**
   * Says why nothing could be loaded, with a Retry button (parts `error` and `retry`): every
   * screen shows this one block, so none leaves the user without a way to try again.
   */
  renderLoadError(t: Messages): TemplateResult {
    return html`<div class="banner error" part="error" role="alert"><p>${this.loadErrorText()}</p></div>
      <button class="button" part="retry" type="button" @click=${() => this.retry()}>${t.common.retry}</button>`;
  }

  /** A failure explained in the user's language. */
  errorText(error: unknown): string {
    const t = this.t;
    return t ? errorMessage(t, error) : String(error);
  }

  /**
   * The sentence for a failed button action (block, add a client…): a conflict there has no typed
   * input to keep, so it says the user is shown as it is now instead.
   */
  actionErrorText(error: unknown): string {
    const t = this.t;
    return t && isPortierError(error) && error.code === 'conflict' ? t.userProfile.actionConflict : this.errorText(error);
  }

  /** A day or an instant in the active language. */
  date(value: string | number | undefined, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(this.locale, value, options);
  }

  /** A number in the active language. */
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(this.locale, value, options);
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#portier && !this.#unsubscribe) this.#subscribe(this.#portier);
    // The context request was dispatched just before (the consumer is the host's first controller).
    if (!this.#portier && !this.#answered && !warnedWithoutProvider) this.#noProviderTimer = setTimeout(() => this.#warnWithoutProvider(), NO_PROVIDER_GRACE_MS);
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#noProviderTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** With no provider (and no `use()`), a screen says "Loading" for good: tell the developer why. */
  #warnWithoutProvider(): void {
    if (this.#portier || this.#answered || !this.#connected || warnedWithoutProvider) return;
    warnedWithoutProvider = true;
    const tag = this.host.localName;
    console.warn(
      `<${tag}> found no <portier-provider> around it, so it shows "Loading" until it gets a store. ` +
        `Wrap it in <portier-provider> (import '@portier/elements/define/provider'), and set the provider's \`portier\` property to your createPortier() store.`,
    );
  }

  #bind(portier: Portier | undefined): void {
    if (portier === this.#portier) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#portier = portier;
    this.#state = portier?.getState();
    if (portier && this.#connected) this.#subscribe(portier);
    this.host.requestUpdate();
  }

  #subscribe(portier: Portier): void {
    this.#state = portier.getState();
    this.#unsubscribe = portier.subscribe((state) => {
      this.#state = state;
      this.host.requestUpdate();
    });
  }
}
