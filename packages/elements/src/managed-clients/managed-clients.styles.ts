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
    /* The layout follows the room the screen has, not the viewport: a host may put it in a side panel. */
    .cards {
      container-type: inline-size;
    }
    /* A client number or a VAT number is one token: on one line, cut (…) only past any real length. */
    [part~='client-number'],
    [part~='client-vat'] {
      display: block;
      max-width: 16em;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    /* Narrow: each client is a card (name and action, then number and VAT number after their labels).
       The header row stays for screen readers; the roles in the markup keep the table's semantics
       despite the display. */
    @container (width < 40rem) {
      table,
      caption,
      tbody,
      tbody th,
      tbody td {
        display: block;
      }
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      tbody tr {
        display: grid;
        grid-template-columns: fit-content(50%) minmax(0, 1fr) fit-content(40%);
        gap: calc(var(--_space) * 0.5) var(--_space);
        align-items: start;
        padding: var(--_space) 0;
        border-bottom: 1px solid var(--_border);
      }
      tbody th,
      tbody td {
        padding: 0;
        border: 0;
        background: none;
      }
      /* The name heads the card, the action beside it. */
      tbody :is(th, td):first-child {
        grid-column: 1 / 3;
        font-weight: 700;
      }
      [part~='results'] td:last-child,
      [part~='managed'] td:last-child {
        grid-column: 3;
        grid-row: 1;
        width: auto;
        white-space: normal;
        overflow-wrap: break-word;
      }
      td[data-label] {
        display: grid;
        grid-column: 1 / -1;
        grid-template-columns: subgrid;
      }
      td[data-label]::before {
        content: attr(data-label);
        /* Screen readers have the column header already. */
        content: attr(data-label) / '';
        color: var(--_muted);
        font-weight: 600;
        overflow-wrap: break-word;
      }
      td[data-label] > * {
        grid-column: 2 / -1;
        max-width: 100%;
      }
    }
  `,
];
