import {
  checkPassword,
  isPortierError,
  loadCommonPasswords,
  resolvePasswordPolicy,
  PortierError,
  type Language,
  type PasswordContext,
  type PasswordIssue,
  type PasswordPolicy,
  type TokenInfo,
} from '@portier/core';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortierController } from '../controllers/portier-controller.js';
import { PortierPasswordSetEvent } from '../events/password-set.js';
import { PortierSignInRequestedEvent } from '../events/sign-in-requested.js';
import { NO_SUBMIT_ALERT, invalidAlert, nextSubmitAlert, type SubmitAlert } from '../forms/invalid-alert.js';
import type { Messages } from '../localize/messages.js';

/** A rule of a password, including the one only a server can check (same as the current). */
export type PasswordRule = PasswordIssue | { rule: 'same-as-current' };

/** One rule of the policy and whether the typed password meets it. */
interface RuleState {
  rule: PasswordRule;
  state: 'met' | 'unmet' | 'checking';
}

/** Every rule a policy asks for, in reading order (the upper length only when it is broken). */
function policyRules(policy: PasswordPolicy): PasswordRule[] {
  const rules = resolvePasswordPolicy(policy);
  const list: PasswordRule[] = [];
  if (rules.minLength !== undefined) list.push({ rule: 'min-length', min: rules.minLength });
  if (rules.lower) list.push({ rule: 'lower' });
  if (rules.upper) list.push({ rule: 'upper' });
  if (rules.digit) list.push({ rule: 'digit' });
  if (rules.special) list.push({ rule: 'special' });
  if (rules.notEmail) list.push({ rule: 'not-email' });
  if (rules.notName) list.push({ rule: 'not-name' });
  if (rules.notCommon) list.push({ rule: 'common' });
  return list;
}

/** The sentence of one rule. */
export function ruleText(t: Messages, rule: PasswordRule): string {
  switch (rule.rule) {
    case 'min-length':
      return t.password.rule['min-length'](rule.min);
    case 'max-length':
      return t.password.rule['max-length'](rule.max);
    default:
      return t.password.rule[rule.rule];
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** Whether a rule a server named is one this screen can say: a known name, with its count where it has one. */
function isSayableRule(t: Messages, value: unknown): value is PasswordRule {
  if (typeof value !== 'object' || value === null) return false;
  const rule = value as { rule?: unknown; min?: unknown; max?: unknown };
  // The name comes from the backend: only the table's own keys (`toString` would find a function).
  if (typeof rule.rule !== 'string' || !Object.hasOwn(t.password.rule, rule.rule)) return false;
  if (rule.rule === 'min-length') return isCount(rule.min);
  if (rule.rule === 'max-length') return isCount(rule.max);
  return true;
}

/** The rules a `weak-password` refusal names (`details.rules`) that this screen can say; the sentence above them stands alone otherwise. */
function refusedRules(t: Messages, error: unknown): PasswordRule[] {
  if (!isPortierError(error) || error.code !== 'weak-password') return [];
  const rules = error.details?.rules;
  return Array.isArray(rules) ? rules.filter((rule) => isSayableRule(t, rule)) : [];
}

/**
 * What the account screens share: the store binding and language, a new password with its
 * confirmation and live feedback from the core's `checkPassword` (the common-password list is
 * loaded lazily, when a form first shows), failures in the user's words, and the sign-in slot.
 * Not registered as a tag.
 */
export abstract class PortierAccountScreen extends LitElement {
  /** The language (`fr`, `nl`, `de`, `en`); default: the provider's, the page's, the store's. */
  @property({ reflect: true }) locale: Language | undefined;

  /** `dark` or `light` forces a colour scheme; default: the system's. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;

  @state() protected password = '';
  @state() protected confirmation = '';
  @state() protected passwordTouched = false;
  @state() protected confirmationTouched = false;
  /** A submit found the confirmation different from the password (it counts until they match). */
  @state() protected mismatchSubmitted = false;
  /** What the last submit found in error, for the hidden alert (see {@link invalidAlert}). */
  @state() private submitAlert: SubmitAlert = NO_SUBMIT_ALERT;
  @state() protected busy = false;
  @state() protected failure: unknown;
  @state() private commonPasswords: ReadonlySet<string> | undefined;

  protected readonly portier = new PortierController(this);

  /** What the link's token is, once inspected (screens opened from an e-mail link). */
  @state() protected tokenInfo: TokenInfo | undefined;

  #inspected: { token: string; portier: object } | undefined;

  /**
   * True once per link and store: a link screen calls it from `willUpdate` and inspects the link
   * when it answers true (a new token, or the store arrived or changed).
   */
  protected linkToInspect(token: string): boolean {
    const portier = this.portier.portier;
    if (!portier || (this.#inspected?.token === token && this.#inspected.portier === portier)) return false;
    this.#inspected = { token, portier };
    return true;
  }

  /**
   * Asks the backend what `token` is and returns the phase a link screen shows: `form` when it is
   * a valid token of `kind`, `expired`, `used`, `unknown`, or `unchecked` when the backend could
   * not answer (the reason is in `failure`: the link may well be good, so the screen offers to
   * check again rather than calling it invalid). Returns undefined when the element's token
   * changed while the answer travelled (the newer inspection wins).
   */
  protected async inspectLink(
    token: string,
    kind: TokenInfo['kind'],
    current: () => string | undefined,
  ): Promise<'form' | 'expired' | 'used' | 'unknown' | 'unchecked' | undefined> {
    try {
      const info = await this.portier.portier!.session.inspectToken(token);
      if (token !== current()) return undefined;
      this.tokenInfo = info;
      return info.kind !== kind || info.state === 'unknown' ? 'unknown' : info.state === 'valid' ? 'form' : info.state;
    } catch (error) {
      if (token !== current()) return undefined;
      this.failure = error;
      return 'unchecked';
    }
  }

  /**
   * Sets the password typed on a link screen through `save` (accept an invitation, complete a
   * reset): checks the rules first, fires `portier-password-set` on success, and says how it
   * ended: `done`, a dead link (`expired`, `used`), or `failed` (the reason is in `failure`).
   * Undefined when nothing was sent (busy, or the typed password breaks a rule).
   */
  protected async setPasswordFromLink(
    save: (password: string) => Promise<void>,
    reason: 'activation' | 'reset',
  ): Promise<'done' | 'expired' | 'used' | 'failed' | undefined> {
    if (this.busy || !(await this.validateForSubmit(this.tokenPolicy(), this.tokenContext()))) return undefined;
    this.busy = true;
    this.failure = undefined;
    try {
      await save(this.password);
      this.clearPasswords();
      this.dispatchEvent(new PortierPasswordSetEvent(reason, this.tokenInfo?.email));
      return 'done';
    } catch (error) {
      if (isPortierError(error) && error.code === 'invitation-expired') return 'expired';
      if (isPortierError(error) && error.code === 'invitation-used') return 'used';
      this.failure = error;
      return 'failed';
    } finally {
      this.busy = false;
    }
  }

  /** The password policy of the link's organization (`nist` until known). */
  protected tokenPolicy(): PasswordPolicy {
    return this.tokenInfo?.passwordPolicy ?? 'nist';
  }

  /** Who the link's password is for, for the rules that compare with the e-mail and names. */
  protected tokenContext(): PasswordContext {
    return { email: this.tokenInfo?.email, firstName: this.tokenInfo?.firstName, lastName: this.tokenInfo?.lastName };
  }
  #commonLoading: Promise<ReadonlySet<string>> | undefined;

  /** Starts loading the common-password list when the policy needs it (once per element; again after a failure). */
  protected loadCommonPasswords(policy: PasswordPolicy): Promise<ReadonlySet<string>> | undefined {
    if (!resolvePasswordPolicy(policy).notCommon) return undefined;
    this.#commonLoading ??= loadCommonPasswords().then(
      (list) => {
        this.commonPasswords = list;
        return list;
      },
      (error: unknown) => {
        this.#commonLoading = undefined;
        throw error;
      },
    );
    return this.#commonLoading;
  }

  /** The rules with their state for what is typed now. */
  protected ruleStates(policy: PasswordPolicy, context: PasswordContext, currentPassword?: string): RuleState[] {
    // Not loaded (the network): the rule stays "being checked", and the next render tries again.
    this.loadCommonPasswords(policy)?.catch(() => undefined);
    const issues = checkPassword(this.password, policy, { ...context, commonPasswords: this.commonPasswords });
    const unmet = new Set(issues.map((issue) => issue.rule));
    // Nothing typed meets no rule yet: "not your e-mail" is no achievement for an empty field.
    const empty = this.password === '';
    const states: RuleState[] = policyRules(policy).map((rule) => ({
      rule,
      state: rule.rule === 'common' && !this.commonPasswords ? 'checking' : empty || unmet.has(rule.rule as PasswordIssue['rule']) ? 'unmet' : 'met',
    }));
    for (const issue of issues) if (issue.rule === 'max-length') states.push({ rule: issue, state: 'unmet' });
    if (currentPassword !== undefined && currentPassword !== '') {
      states.push({ rule: { rule: 'same-as-current' }, state: this.password === currentPassword ? 'unmet' : 'met' });
    }
    return states;
  }

  /**
   * Checks the new password before sending it: resolves with the unmet rules (empty: go on).
   * Waits for the common-password list when the policy needs it (and goes on without it when it fails to load).
   */
  protected async unmetRules(policy: PasswordPolicy, context: PasswordContext, currentPassword?: string): Promise<PasswordRule[]> {
    // If the list cannot be loaded, the password goes without that check here: the backend makes it too.
    await this.loadCommonPasswords(policy)?.catch(() => undefined);
    return this.ruleStates(policy, context, currentPassword)
      .filter((rule) => rule.state === 'unmet')
      .map((rule) => rule.rule);
  }

  #validating = false;

  /**
   * {@link validatePasswords} for a submit: false, doing nothing, while another submit's check is
   * under way (the common-password list may still be loading), so a double press sends once.
   */
  protected async validateForSubmit(policy: PasswordPolicy, context: PasswordContext, currentPassword?: string): Promise<boolean> {
    if (this.#validating) return false;
    this.#validating = true;
    try {
      return await this.validatePasswords(policy, context, currentPassword);
    } finally {
      this.#validating = false;
    }
  }

  /**
   * Validates the form's passwords; on a problem shows it, focuses the field to fix and
   * returns false.
   */
  protected async validatePasswords(policy: PasswordPolicy, context: PasswordContext, currentPassword?: string): Promise<boolean> {
    this.passwordTouched = true;
    this.confirmationTouched = true;
    const unmet = await this.unmetRules(policy, context, currentPassword);
    if (unmet.length > 0) {
      this.failure = new PortierError('weak-password', { rules: unmet });
      await this.focusFieldInError('#new-password');
      return false;
    }
    if (this.password !== this.confirmation) {
      this.failure = undefined;
      this.mismatchSubmitted = true;
      await this.focusFieldInError('#confirmation');
      return false;
    }
    return true;
  }

  /** The new password, its live rules and the confirmation. */
  protected renderPasswordFields(t: Messages, policy: PasswordPolicy, context: PasswordContext, options: { label: string; currentPassword?: string }): TemplateResult {
    const states = this.ruleStates(policy, context, options.currentPassword);
    const mismatch = this.confirmationTouched && this.confirmation !== this.password;
    return html`
      <div class="field">
        <label for="new-password">${options.label}</label>
        <input
          part="input password-input"
          id="new-password"
          type="password"
          autocomplete="new-password"
          required
          aria-describedby="rules"
          aria-invalid=${this.passwordTouched && states.some((rule) => rule.state === 'unmet') ? 'true' : 'false'}
          .value=${this.password}
          @input=${(event: Event) => (this.password = (event.target as HTMLInputElement).value)}
          @blur=${() => (this.passwordTouched = this.password !== '' || this.passwordTouched)}
        />
        <div id="rules">
          <p class="hint" id="rules-title">${t.password.rulesTitle}</p>
          <ul part="rules" aria-labelledby="rules-title">
            ${states.map(
              ({ rule, state }) => html`<li part=${`rule rule-${state}`} class=${this.passwordTouched ? 'touched' : ''}>
                <span part="rule-mark" aria-hidden="true">${state === 'met' ? '✓' : state === 'checking' ? '…' : '✗'}</span>
                <span>${ruleText(t, rule)}<span class="visually-hidden"
                    >: ${state === 'met' ? t.password.met : state === 'checking' ? t.password.checking : t.password.unmet}</span
                  ></span
                >
              </li>`,
            )}
          </ul>
        </div>
      </div>
      <div class="field">
        <label for="confirmation">${t.password.confirm}</label>
        <input
          part="input confirmation-input"
          id="confirmation"
          type="password"
          autocomplete="new-password"
          required
          aria-invalid=${mismatch ? 'true' : 'false'}
          aria-describedby=${mismatch ? 'mismatch' : nothing}
          .value=${this.confirmation}
          @input=${(event: Event) => (this.confirmation = (event.target as HTMLInputElement).value)}
          @blur=${() => (this.confirmationTouched = this.confirmation !== '' || this.confirmationTouched)}
        />
        ${mismatch ? html`<p part="field-error" class="field-error" id="mismatch">${t.password.mismatch}</p>` : nothing}
      </div>
    `;
  }

  /** The failure in the user's words; a refused password lists the rules it breaks. */
  protected failureText(t: Messages, error: unknown): string {
    if (!isPortierError(error)) return this.portier.errorText(error);
    switch (error.code) {
      case 'invitation-expired':
        return t.password.expiredLink;
      case 'invitation-used':
        return t.password.usedLink;
      case 'account-blocked':
        return t.password.blocked;
      case 'weak-password':
        return refusedRules(t, error).length > 0 ? t.password.weakIntro : t.errors['weak-password'];
      default:
        return this.portier.errorText(error);
    }
  }

  /**
   * The alert that says why an action failed: always in the page, empty while nothing failed, so
   * that a screen reader announces the text put in it (an alert inserted already filled may not be).
   */
  protected renderFailure(t: Messages): TemplateResult {
    const error = this.failure;
    const rules = error === undefined ? [] : refusedRules(t, error);
    return html`<div part="error" class="banner error stacked" role="alert">${error === undefined
        ? nothing
        : html`<p>${this.failureText(t, error)}</p>
            ${rules.length > 0 ? html`<ul>${rules.map((rule) => html`<li>${ruleText(t, rule)}</li>`)}</ul>` : nothing}`}</div>
      ${invalidAlert(t, this.submitAlert, this.fieldsInError())}`;
  }

  /**
   * After a submit found fields in error (already marked): focuses the first, `selector`, and has
   * the hidden alert say how many there are, even when the focus was already on that field.
   */
  protected async focusFieldInError(selector: string): Promise<void> {
    this.submitAlert = nextSubmitAlert(this.submitAlert, this.fieldsInError());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A confirmation that matched once is settled: typing on in the password must not sound the alert again.
    if (this.mismatchSubmitted && this.confirmation === this.password) this.mismatchSubmitted = false;
  }

  /** How many fields a submit found in error and still are: a screen adds its own fields to the confirmation. */
  protected fieldsInError(): number {
    return this.mismatchSubmitted && this.confirmation !== this.password ? 1 : 0;
  }

  /** The `sign-in` slot; by default a button that asks the host to show its sign-in page. */
  protected renderSignIn(t: Messages, email: string | undefined): TemplateResult {
    return html`<slot name="sign-in"
      ><button part="button sign-in" class="button primary" @click=${() => this.dispatchEvent(new PortierSignInRequestedEvent(email))}>
        ${t.password.signIn}
      </button></slot
    >`;
  }

  /** After the form gives way to a result, the result takes the focus (it is also announced). */
  protected async focusMessage(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="message"]')?.focus();
  }

  /** Clears the password fields (after a success, or when leaving a form). */
  protected clearPasswords(): void {
    this.password = '';
    this.confirmation = '';
    this.mismatchSubmitted = false;
    this.passwordTouched = false;
    this.confirmationTouched = false;
  }
}
