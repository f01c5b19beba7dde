import { css } from 'lit';
import { baseStyles, tokens } from '../theme/tokens.js';

/** Styles shared by the account screens (activation, reset, change). */
export const accountStyles = [
  tokens,
  baseStyles,
  css`
    :host {
      max-width: var(--portier-account-max-width, 30rem);
    }
    [part~='base'] {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    [part~='base'] .banner {
      margin: 0;
    }
    /* An empty live region stays in place for announcements but takes no room. */
    [part~='status']:empty,
    [part~='error']:empty {
      position: absolute;
    }
    [part~='form'] {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    [part~='rules'] {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: calc(var(--_space) * 0.25);
      font-size: 0.875em;
    }
    [part~='rule'] {
      display: flex;
      gap: calc(var(--_space) * 0.75);
      align-items: baseline;
      color: var(--_muted);
    }
    [part~='rule-met'] {
      color: var(--_success);
    }
    [part~='rule-unmet'].touched {
      color: var(--_danger);
    }
    [part~='rule-mark'] {
      display: inline-block;
      width: 1em;
      text-align: center;
      font-weight: 700;
    }
    [part~='error'] ul {
      margin: calc(var(--_space) * 0.5) 0 0;
      padding-inline-start: 1.25rem;
    }
    [part~='error'] {
      flex-direction: column;
    }
  `,
];
