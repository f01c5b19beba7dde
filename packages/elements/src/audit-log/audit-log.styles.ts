import { css } from 'lit';
import { baseStyles, screenStyles, tokens } from '../theme/tokens.js';

/** Styles of the audit log: the theme tokens, the shared base and its own layout. */
export const auditLogStyles = [
  tokens,
  baseStyles,
  screenStyles,
  css`
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
