import {
  LEVELS,
  PortierError,
  displayName,
  isPortierError,
  selectGrants,
  selectUser,
  type Application,
  type Client,
  type Grant,
  type Language,
  type Level,
  type PortierData,
  type User,
} from '@portier/core';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { accessSetupStyles } from '../access-setup/access-setup.styles.js';
import { offeredLevels } from '../access-setup/levels-offered.js';
import { levelPerType, organizationContractTypes } from '../access-setup/contract-types.js';
import { copySourceCandidates } from '../access-setup/copy-source-fields.js';
import { ClientSearchController } from '../controllers/client-search.js';
import { keepFocusInSight } from '../controllers/keep-focus-in-sight.js';
import { PortierController } from '../controllers/portier-controller.js';
import { BusyUsers } from '../controllers/busy-users.js';
import { UnsavedChangesGuard, type HoldsUnsavedChanges } from '../controllers/unsaved-changes.js';
import { PortierAccessChangedEvent } from '../events/access-changed.js';
import { OtherUserFailure, sayFailure } from '../localize/error-message.js';
import type { Messages, Say } from '../localize/messages.js';
import {
  emptyDraft,
  grantChanges,
  indexGrants,
  isDirty,
  pruneDraft,
  levelOf,
  profileOf,
  rowClientIds,
  summarize,
  toSave,
  withClientAdded,
  withClientRemoved,
  withLevel,
  withProfile,
  type AccessChange,
  type AccessDraft,
  type SavedAccess,
} from './access-draft.js';
import { accessRightsStyles } from './access-rights.styles.js';
import { renderAccessSetupPanel, type AccessSetupMode } from './access-setup-panel.js';
import { emptySetupChoices, previewSetup, setupCommand, type AccessSetup, type AccessSetupChoices } from './access-setup.js';

const SEARCH_LIMIT = 20;

/**
 * Rows rendered in the first frame, then per chunk (one chunk per frame): a matrix of 500 clients
 * × 7 applications shows its first screenful at once and fills in the rest without blocking input.
 * Twelve rows fill an 800 px viewport below the heading and the search; each row holds seven
 * `<select>`s, which cost far more style and layout than other controls, so the first frame holds
 * no more than that (a taller screen gets its next rows one frame later). The styles give
 * `content-visibility: auto` to the rows after these (access-rights.styles.ts).
 */
const FIRST_ROWS = 12;
const ROWS_PER_CHUNK = 120;

/** The focused control shows whole, not under the sticky header row or the pinned client column. */
const KEEP_FOCUS_IN_SIGHT = keepFocusInSight('thead');

/**
 * A cell's options: one plain (cached) template per number of options, so that a cell costs one
 * small clone and its options exist with their `selected` state when the cell is inserted.
 */
function levelOptions(levels: readonly Level[], value: Level, names: Messages['level']): TemplateResult {
  const [a, b, c, d] = levels as [Level, Level, Level, Level];
  switch (levels.length) {
    case 1:
      return html`<option value=${a} ?selected=${a === value}>${names[a]}</option>`;
    case 2:
      return html`<option value=${a} ?selected=${a === value}>${names[a]}</option><option value=${b} ?selected=${b === value}>${names[b]}</option>`;
    case 3:
      return html`<option value=${a} ?selected=${a === value}>${names[a]}</option><option value=${b} ?selected=${b === value}>${names[b]}</option><option value=${c} ?selected=${c === value}>${names[c]}</option>`;
    case 4:
      return html`<option value=${a} ?selected=${a === value}>${names[a]}</option><option value=${b} ?selected=${b === value}>${names[b]}</option><option value=${c} ?selected=${c === value}>${names[c]}</option><option value=${d} ?selected=${d === value}>${names[d]}</option>`;
    default:
      return html`${levels.map((level) => html`<option value=${level} ?selected=${level === value}>${names[level]}</option>`)}`;
  }
}

/** The copy or "authorize all" a summary dialog previewed: for whom, and on which version. */
interface PendingSetup {
  userId: string;
  setup: AccessSetup;
  expectedVersion: number;
}

/**
 * A user's access rights as a matrix: one row per client, one column per application, each cell
 * a choice among the levels that application allows (seed 000 §5.3). Clients are added by
 * searching their name or number and removed per row; one save applies every change at once,
 * after a summary of what changes. A failed save keeps every edit and says why.
 *
 * Next to the matrix, the other two ways of seed 004 (SPEC rule 11): copy another user (without
 * chosen applications) and "authorize all" (one level per contract type). Each shows the same
 * summary of changes before it applies; a copied or authorized right replaces the user's right
 * on the same client and application, and the user's other rights stay as they are.
 *
 * @summary Edits a user's rights per client and application, saved in one step.
 *
 * @event portier-access-changed - After the rights were saved, copied or authorized. `detail.userId` names the user.
 *
 * @csspart base - The screen's wrapper.
 * @csspart title - The heading.
 * @csspart user - The line naming the user.
 * @csspart subtitle - The "add a client" and "set rights another way" headings.
 * @csspart no-results - The line shown when a search found nothing.
 * @csspart empty - The line shown when the user has rights on no client.
 * @csspart search - The "add a client" search form.
 * @csspart search-input - The search field.
 * @csspart button - Every button.
 * @csspart button-primary - The save, apply and review buttons.
 * @csspart results - The table of clients found.
 * @csspart matrix-scroll - The scrolling box around the matrix.
 * @csspart matrix - The rights table.
 * @csspart row - A client's row; also `row-added` for a client added in this edit.
 * @csspart row-added - The row of a client added in this edit.
 * @csspart cell - A cell; also `cell-changed` when its level was changed in this edit.
 * @csspart cell-changed - A cell whose level was changed in this edit.
 * @csspart level - The level choice of a cell.
 * @csspart profile - A cell's functional profile choice (applications that offer profiles, above level none).
 * @csspart client-name - A client's name (cut after three lines).
 * @csspart client-number - A client's number.
 * @csspart actions - The save and discard buttons.
 * @csspart dirty - The count of unsaved changes.
 * @csspart status - The live regions: the visually hidden one (search results, an added or removed row, "saving"), and `saved`.
 * @csspart saved - The result of a save (next to Save) or of a copy or "authorize all" (under them), shown and announced until the next edit.
 * @csspart error - The banner explaining a failure.
 * @csspart retry - Loads again after the data could not be loaded.
 * @csspart dialog - The summary dialog.
 * @csspart summary - The list of changes in the dialog.
 * @csspart setup - The section with the other ways to set access (copy, authorize all).
 * @csspart setup-method - The disclosure of one way (`data-method="copy"` or `"authorize-all"`).
 * @csspart hint - A help text of that section.
 * @csspart label - A field label in that section.
 * @csspart input - A select or checkbox in that section.
 * @csspart fieldset - The group of applications to leave out of a copy.
 * @csspart field-error - The error under the user to copy.
 *
 * @cssproperty --portier-access-rights-max-height - Height after which the matrix scrolls (default: none).
 */
export class PortierAccessRights extends LitElement implements HoldsUnsavedChanges {
  static override styles = [accessRightsStyles, accessSetupStyles];

  /** The user whose rights are edited. */
  @property({ attribute: 'user-id' }) userId = '';

  /** The language (`fr`, `nl`, `de`, `en`); default: the provider's, the page's, the store's. */
  @property({ reflect: true }) locale: Language | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() private draft: AccessDraft = emptyDraft();
  @state() private pendingChanges: AccessChange[] = [];
  /** What the visually hidden status line says (search results, a row added or removed, "saving…"). */
  @state() private announcement: Say | undefined;
  /**
   * The result of the last save, copy or "authorize all", shown until the next edit where the user
   * is: next to Save (`matrix`), or under the other ways (`setup`), whose button keeps the focus.
   */
  @state() private saved: { say: Say; where: 'matrix' | 'setup' } | undefined;
  @state() private failure: unknown;
  @state() private renderedRows = FIRST_ROWS;
  @state() private setupChoices: AccessSetupChoices = emptySetupChoices();
  @state() private setupOpen: ReadonlySet<AccessSetupMode> = new Set();
  @state() private setupSourceError: Say | undefined;
  @state() private setupNote: Say | undefined;
  /** The copy or "authorize all" the summary dialog shows; undefined when it shows the matrix's edits. */
  @state() private pendingSetup: PendingSetup | undefined;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('[data-save]') private saveButton!: HTMLButtonElement;

  readonly #portier = new PortierController(this);

  constructor() {
    super();
    // The browser asks before the page is left (reload, closing the tab) with changes unsaved here.
    new UnsavedChangesGuard(this, () => this.hasUnsavedChanges);
  }

  /** True while the matrix holds changes not saved yet. */
  get hasUnsavedChanges(): boolean {
    return isDirty(this.draft);
  }
  readonly #clientSearch = new ClientSearchController(this, this.#portier, {
    limit: SEARCH_LIMIT,
    started: () => (this.failure = undefined),
    found: (clients) => {
      this.announcement = clients.length === 0 ? (t) => t.accessRights.noResults : (t) => t.accessRights.found(clients.length);
    },
    failed: (error) => (this.failure = error),
  });
  /** The user's version when editing began: a save against a newer one is a conflict. */
  #baseVersion: number | undefined;
  #savedFor: { grants: readonly Grant[] | undefined; saved: SavedAccess } | undefined;
  /** The user and its rights as last shown: what unsaved edits are listed against if the user goes. */
  #lastSeen: { user: User; saved: SavedAccess } | undefined;
  #applicationsFor: { source: Record<string, Application>; list: Application[] } | undefined;
  #sourcesFor: { users: Record<string, User>; actor: User; locale: string; userId: string; list: User[] } | undefined;
  /** The button that opened the summary dialog: the focus goes back to it. */
  #dialogOpener: HTMLElement | undefined;

  #rowCount = 0;
  #chunkTimer: ReturnType<typeof setTimeout> | undefined;
  #chunkFrame: number | undefined;
  #rowsFor: { saved: SavedAccess; draft: AccessDraft; clients: Record<string, Client>; rows: string[] } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another administrator saved some of these very edits: they are no change any more. (Not
    // while this screen's own save runs: the store shows its prediction, and a refusal must find
    // every edit still there.)
    if (isDirty(this.draft) && !this.saving && this.#portier.state?.status === 'ready' && this.#portier.state.pending === 0) {
      const pruned = pruneDraft(this.#saved(), this.draft);
      if (pruned !== this.draft) this.draft = pruned;
    }
    if (changed.has('userId') && changed.get('userId') !== undefined) {
      this.#reset();
      this.renderedRows = FIRST_ROWS;
      // Choices made for one user are not carried over to the next.
      this.setupChoices = emptySetupChoices();
      this.setupSourceError = undefined;
      this.setupNote = undefined;
      // What the status line said ("Saving…" included) was about the previous user.
      this.announcement = undefined;
      // A summary open for the previous user (a host, or Back in the admin, switched meanwhile)
      // previewed that user's changes: applying it now would act on this one unseen.
      this.pendingSetup = undefined;
      this.#closeSummary();
    }
  }

  protected override updated(): void {
    if (this.renderedRows < this.#rowCount && this.#chunkTimer === undefined && this.#chunkFrame === undefined) {
      // The next chunk waits for the frame that shows this one: the first screenful is painted
      // alone, then each chunk renders in a task of its own between frames.
      this.#chunkFrame = requestAnimationFrame(() => {
        this.#chunkFrame = undefined;
        this.#chunkTimer = setTimeout(() => {
          this.#chunkTimer = undefined;
          this.renderedRows += ROWS_PER_CHUNK;
        }, 0);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#chunkTimer);
    this.#chunkTimer = undefined;
    if (this.#chunkFrame !== undefined) cancelAnimationFrame(this.#chunkFrame);
    this.#chunkFrame = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  /** Drops the unsaved edits. */
  discard(): void {
    this.#reset();
    this.announcement = (t) => t.accessRights.discarded;
  }

  /** Discard, pressed: it is disabled now, which would drop focus to the page; Save, next to it, takes it. */
  #onDiscard = async (): Promise<void> => {
    this.discard();
    await this.updateComplete;
    const active = this.shadowRoot?.activeElement as HTMLButtonElement | null | undefined;
    if (!active || active.disabled) this.saveButton?.focus();
  };

  #reset(): void {
    this.draft = emptyDraft();
    this.#baseVersion = undefined;
    this.failure = undefined;
    this.saved = undefined;
    this.pendingChanges = [];
  }

  #user(): User | undefined {
    return this.#portier.state && selectUser(this.#portier.state, this.userId);
  }

  /** Only the matrix of a user with a save running waits: after a switch, the next user's is free. */
  readonly #saving = new BusyUsers(this);

  private get saving(): boolean {
    return this.#saving.has(this.userId);
  }

  #saved(): SavedAccess {
    const state = this.#portier.state;
    const grants = state && Object.hasOwn(state.data.grants, this.userId) ? state.data.grants[this.userId] : undefined;
    if (!this.#savedFor || this.#savedFor.grants !== grants) this.#savedFor = { grants, saved: indexGrants(grants ?? []) };
    return this.#savedFor!.saved;
  }

  /** The row order, kept while the saved rights, the draft and the clients are the same (chunks re-render often). */
  #rows(saved: SavedAccess, clients: Record<string, Client>): string[] {
    const cached = this.#rowsFor;
    if (cached && cached.saved === saved && cached.draft === this.draft && cached.clients === clients) return cached.rows;
    const rows = rowClientIds(saved, this.draft, clients);
    this.#rowsFor = { saved, draft: this.draft, clients, rows };
    return rows;
  }

  #applications(): Application[] {
    const source = this.#portier.state?.data.applications ?? {};
    if (this.#applicationsFor?.source !== source) this.#applicationsFor = { source, list: Object.values(source) };
    return this.#applicationsFor!.list;
  }

  #edit(next: AccessDraft): void {
    if (!isDirty(this.draft)) this.#baseVersion = this.#user()?.version;
    this.draft = next;
    // A previous "saved" no longer describes what is on screen (add / remove announce after this).
    this.announcement = undefined;
    this.saved = undefined;
    if (!isDirty(next)) this.#baseVersion = undefined;
  }

  #onCellChange = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const clientId = select.dataset.client;
    const applicationId = select.dataset.application;
    if (!clientId || !applicationId) return;
    if (select.dataset.profile !== undefined) {
      this.#edit(withProfile(this.#saved(), this.draft, clientId, applicationId, select.value));
      return;
    }
    if (!(LEVELS as readonly string[]).includes(select.value)) return;
    this.#edit(withLevel(this.#saved(), this.draft, clientId, applicationId, select.value as Level));
  };

  async #add(client: Client): Promise<void> {
    this.#edit(withClientAdded(this.#saved(), this.draft, client.id));
    this.renderedRows = Number.POSITIVE_INFINITY;
    this.announcement = (t) => t.accessRights.added(client.name);
    await this.updateComplete;
    // Keyboard users continue where the new row's first choice is.
    this.renderRoot.querySelector<HTMLSelectElement>(`select[data-client="${CSS.escape(client.id)}"]`)?.focus();
  }

  async #remove(clientId: string, rowIndex: number): Promise<void> {
    const name = this.#portier.state?.data.clients[clientId]?.name ?? clientId;
    this.#edit(withClientRemoved(this.#saved(), this.draft, clientId));
    this.announcement = (t) => t.accessRights.removed(name);
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove]');
    (buttons[Math.min(rowIndex, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLInputElement>('#search'))?.focus();
  }

  #openSummary(): void {
    // Save stays focusable while there is nothing to save (aria-disabled), so focus can return to it.
    if (this.saving || !isDirty(this.draft)) return;
    const applications = this.#applications();
    this.pendingChanges = summarize(this.#saved(), this.draft, applications);
    if (this.pendingChanges.length === 0) return;
    this.pendingSetup = undefined;
    this.failure = undefined;
    this.#dialogOpener = this.saveButton;
    this.dialog.showModal();
  }

  #closeSummary(): void {
    if (this.dialog.open) this.dialog.close();
  }

  /** The dialog closed (button, Escape): focus goes back to where the user was. */
  #onDialogClose = (): void => {
    (this.#dialogOpener ?? this.saveButton)?.focus();
  };

  #apply(): Promise<void> {
    return this.pendingSetup ? this.#applySetup(this.pendingSetup) : this.#applyDraft();
  }

  async #applyDraft(): Promise<void> {
    const portier = this.#portier.portier;
    const user = this.#user();
    const t = this.#portier.t;
    this.#closeSummary();
    // Nothing left to save (the draft was dropped while the summary was open): nothing is sent, nothing said saved.
    if (!portier || !user || !t || !isDirty(this.draft)) return;
    const { grants, removeClientIds } = toSave(this.#saved(), this.draft, this.#applications());
    this.#saving.start(user.id);
    this.failure = undefined;
    this.saved = undefined;
    this.announcement = (t) => t.common.saving;
    const expectedVersion = this.#baseVersion ?? user.version;
    try {
      await portier.access.set(user.id, grants, { removeClientIds, expectedVersion });
      if (this.#leftDuring(user.id)) return;
      this.#reset();
      // Shown next to Save, whose status role announces it: the hidden line says nothing more.
      this.saved = { say: (t) => t.accessRights.saved, where: 'matrix' };
      this.announcement = undefined;
      this.dispatchEvent(new PortierAccessChangedEvent(user.id));
    } catch (error) {
      if (this.#failedAfterLeaving(user, error)) return;
      this.failure = error;
      this.announcement = undefined;
      // The user has now seen the newer data under their edits: the next save builds on it.
      if (isPortierError(error) && error.code === 'conflict') this.#baseVersion = this.#user()?.version;
    } finally {
      this.#saving.end(user.id);
    }
    if (this.userId !== user.id) return;
    await this.updateComplete;
    // The save button was disabled while saving, which drops focus: give it back.
    if (!this.shadowRoot?.activeElement) this.saveButton?.focus();
    this.#showSaved();
  }

  /**
   * True when the screen was switched to another user while a save for `userId` ran: its result
   * belongs to no one on screen now (the host still hears of it: the event names the user).
   */
  #leftDuring(userId: string): boolean {
    if (this.userId === userId) return false;
    this.dispatchEvent(new PortierAccessChangedEvent(userId));
    return true;
  }

  /** True when a save for `user` failed after the screen moved to another user: the failure is shown, naming them. */
  #failedAfterLeaving(user: User, error: unknown): boolean {
    if (this.userId === user.id) return false;
    this.failure = new OtherUserFailure(displayName(user), error);
    return true;
  }

  /** The result just shown may sit below the button that keeps the focus, under the fold: bring it into view. */
  #showSaved(): void {
    if (!this.saved) return;
    const shown = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="saved"]')].find((region) => region.textContent!.trim() !== '');
    shown?.scrollIntoView({ block: 'nearest' });
  }

  /** The users whose rights may be copied onto this one, kept while the users, the actor and the language are the same. */
  #setupSources(actor: User): User[] {
    const users = this.#portier.state?.data.users ?? {};
    const locale = this.#portier.locale;
    const cached = this.#sourcesFor;
    if (cached && cached.users === users && cached.actor === actor && cached.locale === locale && cached.userId === this.userId) return cached.list;
    const list = copySourceCandidates(Object.values(users), {
      organizationId: actor.organizationId,
      canView: (user) => this.#portier.can('access.view', { user }).allowed,
      locale,
      excludeUserId: this.userId,
    });
    this.#sourcesFor = { users, actor, locale, userId: this.userId, list };
    return list;
  }

  #setSetupChoices(patch: Partial<AccessSetupChoices>): void {
    this.setupChoices = { ...this.setupChoices, ...patch };
    // A previous result ("copied", "nothing would change") no longer describes these choices.
    this.setupNote = undefined;
    this.announcement = undefined;
    this.saved = undefined;
  }

  #onSetupSource = (sourceUserId: string): void => {
    if (sourceUserId) this.setupSourceError = undefined;
    this.#setSetupChoices({ sourceUserId });
  };

  #onSetupExclude = (applicationId: string, excluded: boolean): void => {
    const rest = this.setupChoices.excludeApplications.filter((id) => id !== applicationId);
    this.#setSetupChoices({ excludeApplications: excluded ? [...rest, applicationId] : rest });
  };

  #onSetupTypeLevel = (type: string, level: Level): void => {
    this.#setSetupChoices({ typeLevels: { ...this.setupChoices.typeLevels, [type]: level } });
  };

  #onSetupToggle = (mode: AccessSetupMode, open: boolean): void => {
    const next = new Set(this.setupOpen);
    if (open) next.add(mode);
    else next.delete(mode);
    this.setupOpen = next;
  };

  /** The copy or "authorize all" as chosen, or undefined (with the field's error shown) when incomplete. */
  #chosenSetup(mode: AccessSetupMode, data: PortierData, actor: User): AccessSetup | undefined {
    const choices = this.setupChoices;
    if (mode === 'authorize-all') {
      const types = organizationContractTypes(data, actor.organizationId);
      return { mode, levels: levelPerType(types, choices.typeLevels) };
    }
    if (choices.sourceUserId !== '') return { mode, sourceUserId: choices.sourceUserId, excludeApplications: [...choices.excludeApplications] };
    this.setupSourceError = (t) => t.validation.required;
    return undefined;
  }

  /**
   * Shows what a copy or "authorize all" would change, in the matrix's summary dialog. The
   * changes come from the core's `execute` over the store's view, so the dialog lists what the
   * command will do, and a refusal by the policy shows before anything is sent.
   */
  #openSetupSummary = async (mode: AccessSetupMode, opener: HTMLElement): Promise<void> => {
    const t = this.#portier.t;
    const state = this.#portier.state;
    const actor = this.#portier.actor;
    const user = this.#user();
    // Unsaved matrix edits block this (the button says why): the copy and "authorize all" are
    // computed over the saved rights, and applying one would either drop those edits or mix two
    // sets of changes in one confirmation. The administrator saves or discards them first.
    if (!t || !state || !actor || !user || this.saving || isDirty(this.draft)) return;
    this.failure = undefined;
    this.setupNote = undefined;
    this.saved = undefined;
    const setup = this.#chosenSetup(mode, state.data, actor);
    if (!setup) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLSelectElement>('#setup-sourceUserId')?.focus();
      return;
    }
    let changes: AccessChange[];
    try {
      changes = grantChanges(selectGrants(state, user.id), previewSetup(state, user.id, setup), this.#applications());
    } catch (error) {
      this.failure = error;
      return;
    }
    if (changes.length === 0) {
      this.setupNote = (t) => t.accessRights.nothingToChange;
      this.announcement = this.setupNote;
      return;
    }
    this.pendingChanges = changes;
    this.pendingSetup = { userId: user.id, setup, expectedVersion: user.version };
    this.#dialogOpener = opener;
    this.dialog.showModal();
  };

  async #applySetup(pending: PendingSetup): Promise<void> {
    const { setup, expectedVersion } = pending;
    const portier = this.#portier.portier;
    const user = this.#user();
    const t = this.#portier.t;
    this.#closeSummary();
    if (!portier || !user || !t || user.id !== pending.userId) return;
    this.#saving.start(user.id);
    this.failure = undefined;
    this.saved = undefined;
    this.announcement = (t) => t.common.saving;
    try {
      // The very command the dialog previewed, against the version it was previewed on: if
      // someone changed the user since, the backend refuses with `conflict` instead of applying
      // changes nobody saw.
      await portier.dispatch(setupCommand(user.id, setup, expectedVersion));
      if (this.#leftDuring(user.id)) return;
      const source = setup.mode === 'copy' ? this.#portier.state && selectUser(this.#portier.state, setup.sourceUserId) : undefined;
      const sourceName = source ? displayName(source) : setup.mode === 'copy' ? setup.sourceUserId : '';
      this.saved = { say: setup.mode === 'copy' ? (t) => t.accessRights.copied(sourceName) : (t) => t.accessRights.authorizedAll, where: 'setup' };
      this.announcement = undefined;
      this.dispatchEvent(new PortierAccessChangedEvent(user.id));
    } catch (error) {
      if (this.#failedAfterLeaving(user, error)) return;
      // The choices stay as they are: the next review starts from the newer data the store now has.
      this.failure = error;
      this.announcement = undefined;
    } finally {
      this.#saving.end(user.id);
      if (this.pendingSetup === pending) this.pendingSetup = undefined;
    }
    if (this.userId !== user.id) return;
    await this.updateComplete;
    if (!this.shadowRoot?.activeElement) this.#dialogOpener?.focus();
    this.#showSaved();
  }

  #failureText(t: Messages): string {
    return sayFailure(t, this.failure, (error) => this.#reasonText(t, error));
  }

  #reasonText(t: Messages, error: unknown): string {
    if (isPortierError(error) && error.code === 'level-not-allowed') {
      const applicationId = error.details?.reason;
      const application = typeof applicationId === 'string' ? this.#portier.state?.data.applications[applicationId] : undefined;
      if (application) return t.accessRights.levelNotAllowed(application.name);
    }
    if (isPortierError(error) && error.code === 'not-found' && error.details?.entity === 'client') return t.accessRights.clientGone;
    return this.#portier.errorText(error);
  }

  /**
   * Whether the actor may not change `user`'s account because `user` works for clients it does not
   * manage (rule 2): the profile says "view only" then, so this screen says what it may do here.
   */
  #accountOutOfScope(user: User): boolean {
    const decision = this.#portier.can('user.update-profile', { user, fields: ['firstName'] });
    return !decision.allowed && decision.reason === 'user-not-managed';
  }

  protected override render() {
    const t = this.#portier.t;
    const state = this.#portier.state;
    if (!t) return nothing;
    if (!state || state.status === 'loading') return html`<p part="status" role="status">${t.common.loading}</p>`;
    if (state.status === 'error') return this.#portier.renderLoadError(t);
    const user = this.#user();
    const view = user ? this.#portier.can('access.view', { user }) : undefined;
    if (!user || !view?.allowed) {
      const kept = isDirty(this.draft) && this.#lastSeen?.user.id === this.userId ? this.#lastSeen : undefined;
      if (kept) return this.#renderGone(t, kept, state.data.clients);
      const refusal = view && !view.allowed ? new PortierError(view.code, { reason: view.reason }) : new PortierError('not-found');
      return html`<p part="error" class="banner error" role="alert">${this.#portier.errorText(refusal)}</p>`;
    }
    const edit = this.#portier.can('access.set', { user });
    const actor = this.#portier.actor;
    const saved = this.#saved();
    // While a save is in flight the store shows its optimistic result: not what is saved.
    if (!this.saving) this.#lastSeen = { user, saved };
    const applications = this.#applications();
    const clients = state.data.clients;
    const rows = this.#rows(saved, clients);
    this.#rowCount = rows.length;
    const dirty = isDirty(this.draft);
    const changeCount = dirty ? summarize(saved, this.draft, applications).length : 0;
    const a = t.accessRights;

    return html`
      <section part="base" aria-labelledby="title">
        <div>
          <h2 part="title" id="title">${a.title}</h2>
          <p part="user">${a.userHeading(user.email)}</p>
          ${edit.allowed && this.#accountOutOfScope(user) ? html`<p part="hint" class="hint">${a.partScope}</p>` : nothing}
        </div>
        ${edit.allowed
          ? this.#renderSearch(t, rows)
          : html`<p part="error" class="banner info">${this.#portier.errorText(new PortierError(edit.code, { reason: edit.reason }))}</p>`}
        <div part="error" class="banner error" role="alert">${this.failure !== undefined ? html`<p>${this.#failureText(t)}</p>` : nothing}</div>
        ${rows.length === 0
          ? html`<p part="empty" class="muted">${a.noClients}</p>`
          : this.#renderMatrix(t, user, saved, applications, rows, clients, edit.allowed)}
        ${edit.allowed
          ? html`<div part="actions" class="actions">
              <button
                part="button button-primary"
                class="button primary"
                data-save
                aria-disabled=${!dirty || this.saving ? 'true' : 'false'}
                @click=${this.#openSummary}
              >
                ${this.saving ? t.common.saving : t.common.save}
              </button>
              <button part="button" class="button" ?disabled=${!dirty || this.saving} @click=${this.#onDiscard}>${a.discard}</button>
              ${dirty ? html`<span part="dirty">${a.unsaved(changeCount)}</span>` : nothing}
              <p part="status saved" class="inline-status" role="status">${this.saved?.where === 'matrix' ? this.saved.say(t) : nothing}</p>
            </div>`
          : nothing}
        ${edit.allowed && actor
          ? // One box: the empty status line adds no gap to the screen's grid.
            html`<div>
              ${this.#renderSetup(t, state.data, actor, applications, dirty)}
              <p part="status saved" class="inline-status" role="status">${this.saved?.where === 'setup' ? this.saved.say(t) : nothing}</p>
            </div>`
          : nothing}
        <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement?.(t) ?? nothing}</p>
        ${this.#renderDialog(t, clients, applications)}
      </section>
    `;
  }

  #renderSetup(t: Messages, data: PortierData, actor: User, applications: Application[], dirty: boolean): TemplateResult {
    return renderAccessSetupPanel({
      t,
      choices: this.setupChoices,
      open: this.setupOpen,
      sources: () => this.#setupSources(actor),
      applications,
      contractTypes: organizationContractTypes(data, actor.organizationId),
      sourceError: this.setupSourceError?.(t) ?? '',
      blocked: dirty ? t.accessRights.setupBlocked : '',
      busy: this.saving,
      note: this.setupNote?.(t) ?? '',
      onToggle: this.#onSetupToggle,
      onSourceChange: this.#onSetupSource,
      onExcludeChange: this.#onSetupExclude,
      onTypeLevelChange: this.#onSetupTypeLevel,
      onReview: this.#openSetupSummary,
    });
  }

  #renderSearch(t: Messages, rows: string[]): TemplateResult {
    const a = t.accessRights;
    const listed = new Set(rows);
    const labels = {
      heading: a.addClient,
      label: a.search,
      button: a.searchButton,
      noResults: a.noResults,
      caption: a.resultsCaption,
      columns: { name: a.columnName, number: a.columnNumber, action: a.columnAction },
    };
    return this.#clientSearch.render(labels, (client) =>
      listed.has(client.id) && !this.draft.removed.has(client.id)
        ? html`<span class="muted">${a.alreadyListed}</span>`
        : html`<button part="button" class="button small" aria-label=${a.addNamed(client.name)} @click=${() => this.#add(client)}>${a.add}</button>`,
    );
  }

  #renderMatrix(
    t: Messages,
    user: User,
    saved: SavedAccess,
    applications: Application[],
    rows: string[],
    clients: Record<string, Client>,
    editable: boolean,
  ): TemplateResult {
    const a = t.accessRights;
    const offered = applications.map(offeredLevels);
    // A cell's options depend on its application (and a saved level it no longer offers). The
    // value is a property binding, so a change re-uses the same <select> (focus stays); each
    // option's `selected` gives the first render its value before the <select> is in the page.
    const options = (index: number, value: Level): TemplateResult => {
      const levels = offered[index]!;
      return levelOptions(levels.includes(value) ? levels : [value, ...levels], value, t.level);
    };
    const draft = this.draft;
    const disabledAll = !editable || this.saving;
    return html`
      <div
        part="matrix-scroll"
        @focusin=${KEEP_FOCUS_IN_SIGHT}
        role=${editable ? nothing : 'region'}
        aria-label=${editable ? nothing : a.matrixCaption(user.email)}
        tabindex=${editable ? nothing : '0'}
      >
        <table part="matrix" role="table" style=${`--_apps: ${applications.length}`}>
          <caption class="visually-hidden">${a.matrixCaption(user.email)}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${a.clientColumn}</th>
              ${applications.map((application) => html`<th scope="col" role="columnheader">${application.name}</th>`)}
              <th scope="col" role="columnheader">${editable ? a.removeColumn : html`<span class="visually-hidden">${a.removeColumn}</span>`}</th>
            </tr>
          </thead>
          <tbody role="rowgroup" @change=${this.#onCellChange}>
            ${(rows.length > this.renderedRows ? rows.slice(0, this.renderedRows) : rows).map((clientId, rowIndex) => {
              const client = clients[clientId];
              const name = client?.name ?? clientId;
              const added = !saved.clientIds.has(clientId);
              const rowAllowed = editable && this.#portier.can('access.set', { user, clientIds: [clientId] }).allowed;
              // Why a row cannot be changed, under its name: the pinned column keeps it in view on a phone.
              const noteId = editable && !rowAllowed ? `not-managed-${rowIndex}` : undefined;
              return html`<tr part=${added ? 'row row-added' : 'row'} role="row">
                <th scope="row" role="rowheader"><bdi part="client-name" class="clamp">${name}</bdi>${client ? html`<bdi part="client-number" class="clamp">${client.number}</bdi>` : nothing}${noteId
                  ? html`<span class="muted not-managed" id=${noteId}>${a.notManaged}</span>`
                  : nothing}</th>
                ${applications.map((application, index) => {
                  const value = levelOf(saved, draft, clientId, application.id);
                  const key = `${clientId}\u0000${application.id}`;
                  const changed = added ? value !== 'none' : draft.levels.has(key) || draft.profiles.has(key);
                  return html`<td part=${changed ? 'cell cell-changed' : 'cell'} role="cell"><select
                      part="level"
                      aria-label=${a.levelFor(application.name, name)}
                      aria-describedby=${noteId ?? nothing}
                      data-client=${clientId}
                      data-application=${application.id}
                      ?disabled=${disabledAll || !rowAllowed}
                      .value=${value}
                    >${options(index, value)}</select>${application.profiles.length > 0 && value !== 'none'
                      ? this.#renderProfile(t, application, clientId, name, profileOf(saved, draft, clientId, application.id), disabledAll || !rowAllowed)
                      : nothing}</td>`;
                })}
                <td part="cell" role="cell">
                  ${editable && rowAllowed
                        ? html`<button
                            part="button"
                            class="button small danger"
                            data-remove
                            aria-label=${a.removeNamed(name)}
                            ?disabled=${this.saving}
                            @click=${() => this.#remove(clientId, rowIndex)}
                          >
                            ${a.remove}
                          </button>`
                    : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  /** The functional profile of one cell (seed 002), for the applications that offer profiles. */
  #renderProfile(t: Messages, application: Application, clientId: string, clientName: string, value: string, disabled: boolean): TemplateResult {
    const profiles = value === '' || application.profiles.includes(value) ? application.profiles : [value, ...application.profiles];
    return html`<select
      part="profile"
      aria-label=${t.accessRights.profileFor(application.name, clientName)}
      data-client=${clientId}
      data-application=${application.id}
      data-profile
      ?disabled=${disabled}
      .value=${value}
    >
      <option value="" ?selected=${value === ''}>${t.accessRights.noProfile}</option>
      ${profiles.map((profile) => html`<option value=${profile} ?selected=${profile === value}>${profile}</option>`)}
    </select>`;
  }

  #summaryTitle(t: Messages): string {
    const setup = this.pendingSetup?.setup;
    if (!setup) return t.accessRights.summaryTitle;
    if (setup.mode === 'authorize-all') return t.accessRights.authorizeAllSummaryTitle;
    const source = this.#portier.state && selectUser(this.#portier.state, setup.sourceUserId);
    return t.accessRights.copySummaryTitle(source ? displayName(source) : setup.sourceUserId);
  }

  /**
   * The user went (deleted in another tab, or out of the actor's view) while the matrix had unsaved
   * edits: nothing can be saved any more, but the edits are listed as the summary words them.
   */
  #renderGone(t: Messages, kept: { user: User; saved: SavedAccess }, clients: Record<string, Client>): TemplateResult {
    const applications = this.#applications();
    const changes = summarize(kept.saved, this.draft, applications);
    return html`<section part="base" aria-labelledby="title">
      <div>
        <h2 part="title" id="title">${t.accessRights.title}</h2>
        <p part="user">${t.accessRights.userHeading(kept.user.email)}</p>
      </div>
      <div part="error" class="banner error stacked" role="alert">
        <p>${t.accessRights.goneWhileEditing(changes.length)}</p>
        <ul part="summary">
          ${this.#changeLines(t, changes, clients, applications)}
        </ul>
      </div>
    </section>`;
  }

  /** One list item per change, worded as the summary dialog words it. */
  #changeLines(t: Messages, changes: readonly AccessChange[], clients: Record<string, Client>, applications: readonly Application[]): TemplateResult[] {
    const a = t.accessRights;
    const clientName = (id: string) => clients[id]?.name ?? id;
    const applicationName = (id: string) => applications.find((application) => application.id === id)?.name ?? id;
    return changes.map((change) => {
      switch (change.type) {
        case 'add-client':
          return html`<li>${a.changeAddClient(clientName(change.clientId))}</li>`;
        case 'remove-client':
          return html`<li>${a.changeRemoveClient(clientName(change.clientId))}</li>`;
        case 'level':
          return html`<li>${a.changeLevel(clientName(change.clientId), applicationName(change.applicationId), t.level[change.from], t.level[change.to])}</li>`;
        case 'profile':
          return html`<li>
            ${a.changeProfile(clientName(change.clientId), applicationName(change.applicationId), change.from || a.noProfile, change.to || a.noProfile)}
          </li>`;
      }
    });
  }

  #renderDialog(t: Messages, clients: Record<string, Client>, applications: Application[]): TemplateResult {
    const a = t.accessRights;
    return html`<dialog part="dialog" aria-labelledby="summary-title" aria-describedby="summary-intro" @close=${this.#onDialogClose}>
      <h3 id="summary-title">${this.#summaryTitle(t)}</h3>
      <p id="summary-intro">${a.summaryIntro(this.pendingChanges.length)}</p>
      <ul part="summary">
        ${this.#changeLines(t, this.pendingChanges, clients, applications)}
      </ul>
      <div class="actions">
        <button part="button" class="button" @click=${this.#closeSummary}>${t.common.cancel}</button>
        <button part="button button-primary" class="button primary" data-apply @click=${this.#apply}>${a.apply}</button>
      </div>
    </dialog>`;
  }
}
