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
    /* The layout follows the room the screen has, not the viewport: a host may put it in a side panel. */
    [part~='table-scroll'] {
      overflow-x: auto;
      container-type: inline-size;
    }
    /* Words wrap whole (the host's 'anywhere' would let a squeezed column break them letter by
       letter); a name or a change too long for its cap still breaks, as a last resort. */
    [part~='log'] {
      overflow-wrap: break-word;
    }
    [part~='log'] [part~='user-name'] {
      max-width: 14em;
    }
    [part~='log'] [part~='change'] {
      max-width: 40em;
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
    /* The rest of a long entry: a pointer target at least 24 px high (WCAG 2.2 target size). */
    [part~='more-changes'] > summary {
      min-height: 24px;
      cursor: pointer;
      color: var(--_primary);
    }
    [part~='more-changes'] > [part~='changes'] {
      margin-top: calc(var(--_space) * 0.25);
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

    /* Narrow: each change is a card, every cell after its column's label (the header row stays for
       screen readers; the roles in the markup keep the table's semantics despite the display). */
    @container (width < 40rem) {
      [part~='log'],
      [part~='log'] tbody,
      [part~='log'] td {
        display: block;
      }
      [part~='log'] thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      [part~='log'] tbody tr {
        display: grid;
        grid-template-columns: fit-content(40%) minmax(0, 1fr);
        gap: calc(var(--_space) * 0.5) var(--_space);
        padding: var(--_space) 0;
        border-bottom: 1px solid var(--_border);
      }
      [part~='log'] td {
        grid-column: 1 / -1;
        padding: 0;
        border: 0;
      }
      /* Who, what and the user: label and value side by side, the values aligned across the card. */
      [part~='log'] td[data-label]:not(:last-child) {
        display: grid;
        grid-template-columns: subgrid;
      }
      [part~='log'] [part~='user-name'],
      [part~='log'] [part~='change'] {
        max-width: none;
      }
      [part~='when'] {
        white-space: normal;
        font-weight: 600;
      }
      [part~='log'] td[data-label]::before {
        content: attr(data-label);
        /* Screen readers have the column header already. */
        content: attr(data-label) / '';
        color: var(--_muted);
        font-weight: 600;
      }
      /* The changes need the whole width: their label above them. */
      [part~='log'] td:last-child::before {
        display: block;
      }
    }
  `,
];
