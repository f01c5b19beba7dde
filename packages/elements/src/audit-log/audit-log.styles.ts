import { css } from 'lit';
import { baseStyles, tokens } from '../theme/tokens.js';

/** Styles of the audit log: the theme tokens, the shared base and its own layout. */
export const auditLogStyles = [
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
    [part~='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-end;
    }
    [part~='toolbar'] .field {
      flex: 0 1 22rem;
    }
    [part~='filter'] {
      width: 100%;
    }
    [part~='table-scroll'] {
      overflow-x: auto;
    }
    [part~='log'] td,
    [part~='log'] th {
      vertical-align: top;
    }
    [part~='when'] {
      white-space: nowrap;
    }
    [part~='changes'] li {
      --_clamp-lines: 4;
    }
    [part~='changes'] {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: calc(var(--_space) * 0.25);
    }
    [part~='field'] {
      font-weight: 600;
    }
    [part~='before'] {
      color: var(--_muted);
      text-decoration: line-through;
    }
    [part~='after'] {
      font-weight: 600;
    }
    [part~='count'] {
      color: var(--_muted);
      font-size: 0.875em;
    }
  `,
];
