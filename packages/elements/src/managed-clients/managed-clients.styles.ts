import { css } from 'lit';
import { baseStyles, screenStyles, tokens } from '../theme/tokens.js';

/** Styles of the managed-clients screen: the theme tokens, the shared base and its own layout. */
export const managedClientsStyles = [
  tokens,
  baseStyles,
  screenStyles,
  css`
    [part~='search'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-end;
    }
    [part~='search'] .field {
      flex: 1 1 18rem;
    }
    [part~='results'] td:last-child,
    [part~='managed'] td:last-child {
      text-align: end;
      width: 1%;
      white-space: nowrap;
    }
    caption {
      text-align: start;
      font-weight: 700;
      padding-bottom: var(--_space);
    }
  `,
];
