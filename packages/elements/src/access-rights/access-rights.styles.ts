import { css } from 'lit';
import { baseStyles, screenStyles, dialogStyles, tokens } from '../theme/tokens.js';

/** Styles of the rights matrix: the theme tokens, the shared base and its own layout. */
export const accessRightsStyles = [
  tokens,
  baseStyles,
  screenStyles,
  dialogStyles,
  css`
    :host {
      --portier-access-rights-max-height: none;
    }
    [part~='search'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: flex-end;
    }
    [part~='search'] .field {
      flex: 1 1 16rem;
    }
    [part~='matrix-scroll'] {
      overflow: auto;
      max-height: var(--portier-access-rights-max-height);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      /* The client column's width follows this box (cqi): on a phone it takes less than half. */
      container-type: inline-size;
    }
    /*
     * The matrix is a real table laid out as a grid, so that each row can skip layout while it
     * is off screen (content-visibility): 500 clients × 7 applications stay fast. The explicit
     * ARIA roles keep the table semantics that a display change could drop.
     *
     * Every row is its own grid, so no column may depend on a row's content: the client column
     * grows from 9rem up to 13rem, an application column fits the longest level label of every
     * locale (--_level-width, from accessSetupStyles, plus the cell's padding) and the last column
     * takes what is left. The matrix fills its box and scrolls sideways when the columns need more.
     */
    [part~='matrix'] {
      display: grid;
      /* On a phone the pinned client column leaves most of the width to the levels: a third at most. */
      --_client-min: min(9rem, 33cqi);
      --_app-column: calc(var(--_level-width, 8rem) + var(--_space));
      --_remove-min: 7rem;
      width: max(100%, calc(var(--_client-min) + var(--_apps, 7) * var(--_app-column) + var(--_remove-min)));
      --_columns: minmax(var(--_client-min), min(13rem, 45cqi)) repeat(var(--_apps, 7), var(--_app-column)) minmax(var(--_remove-min), 1fr);
    }
    [part~='matrix'] caption {
      display: block;
    }
    [part~='matrix'] thead,
    [part~='matrix'] tbody {
      display: contents;
    }
    [part~='matrix'] tr {
      display: grid;
      grid-template-columns: var(--_columns);
      align-items: center;
      border-bottom: 1px solid var(--_border);
    }
    /*
     * Rows after the first frame's twelve (FIRST_ROWS in access-rights.ts) skip layout while off
     * screen. The first twelve do not: they are on screen, and deciding their visibility would
     * cost a second style and layout pass in the first frame.
     */
    [part~='matrix'] tbody tr:nth-child(n + 13) {
      content-visibility: auto;
      contain-intrinsic-size: auto 3.25rem;
    }
    [part~='matrix'] th,
    [part~='matrix'] td {
      padding: calc(var(--_space) * 0.5);
      border-bottom: 0;
      min-width: 0;
    }
    [part~='matrix'] thead tr {
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--_surface);
      align-items: end;
    }
    [part~='matrix'] thead th {
      font-size: 0.875em;
    }
    [part~='matrix'] tbody th {
      font-weight: 600;
      background: var(--_bg);
    }
    /*
     * The client column names the row: it stays pinned when the matrix scrolls sideways, opaque
     * (its row's background) and set off by a line.
     */
    [part~='matrix'] tr > :first-child {
      position: sticky;
      inset-inline-start: 0;
      z-index: 1;
      align-self: stretch;
      display: flex;
      flex-direction: column;
      justify-content: center;
      border-inline-end: 1px solid var(--_border);
    }
    [part~='matrix'] thead tr > :first-child {
      justify-content: end;
    }
    [part~='level'],
    [part~='profile'] {
      width: 100%;
    }
    [part~='profile'] {
      margin-top: calc(var(--_space) * 0.25);
      font-size: 0.875em;
    }
    [part~='client-number'],
    .not-managed {
      display: block;
      font-weight: 400;
      font-size: 0.8125em;
      color: var(--_muted);
    }
    [part~='cell-changed'] [part~='level'],
    [part~='cell-changed'] [part~='profile'] {
      border-color: var(--_primary);
      box-shadow: 0 0 0 1px var(--_primary);
      font-weight: 600;
    }
    [part~='row-added'] th {
      box-shadow: inset 4px 0 0 var(--_primary);
    }
    /* Forced colors drop shadows: the added row's marker becomes a border. */
    @media (forced-colors: active) {
      [part~='row-added'] th {
        border-inline-start: 4px solid CanvasText;
      }
    }
    [part~='summary'] {
      margin: 0;
      padding-inline-start: 1.25rem;
      max-height: 50vh;
      overflow: auto;
    }
    [part~='summary'] li {
      margin-bottom: calc(var(--_space) * 0.5);
    }
    [part~='dirty'] {
      color: var(--_muted);
      font-size: 0.875em;
    }
    /* The copy / authorize-all fields read as a form, not as a full-width table. */
    [part~='setup'] {
      max-width: 56rem;
    }
    /* A disclosure's summary is a pointer target: at least 24 px high (WCAG 2.2 target size), whatever the density. */
    [part~='setup-method'] > summary {
      min-height: 24px;
      padding-block: calc(var(--_space) * 0.5);
      cursor: pointer;
    }
  `,
];
