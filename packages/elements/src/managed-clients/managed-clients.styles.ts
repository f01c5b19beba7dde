import { css } from 'lit';
import { baseStyles, tokens } from '../theme/tokens.js';

/** Styles of the managed-clients screen: the theme tokens, the shared base and its own layout. */
export const managedClientsStyles = [
  tokens,
  baseStyles,
  css`
    /* Names come from elsewhere: a very long one is cut after a few lines (the whole text stays readable to assistive technology). */
    .clamp {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--_clamp-lines, 3);
      overflow: hidden;
    }
    [part~='base'] {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    [part~='base'] .banner {
      margin: 0;
    }
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
