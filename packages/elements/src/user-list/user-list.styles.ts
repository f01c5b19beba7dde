import { css } from 'lit';

export const userListStyles = css`
  :host {
    /*
     * The minimums (in em: they follow the font) fit the longest header word of every language, a
     * status word, a role on one line ("Super User") and a one-word button, and add up to 79.5em,
     * so that a 1,280 px page shows every column. The e-mail takes what is left. Only a narrower
     * box scrolls sideways.
     */
    --_columns: var(
      --portier-user-list-columns,
      minmax(var(--_first-column), 3fr) minmax(5.5em, 1fr) minmax(5.75em, 1fr) minmax(7.5em, 0.8fr) minmax(6.75em, 0.7fr) minmax(7.75em, 0.9fr)
        minmax(8.5em, 0.6fr) minmax(8.7em, 0.6fr) minmax(5.75em, 0.7fr) minmax(5.75em, 0.7fr) minmax(7.5em, 0.9fr)
    );
    --_first-column: 10em;
    --_list-height: var(--portier-user-list-height, 36rem);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .header h2 {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 1.5);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .filters .field {
    flex: 1 1 14rem;
    max-width: 22rem;
  }
  .count {
    color: var(--_muted);
    margin: 0 0 var(--_space);
    font-size: 0.9em;
  }
  .scroller {
    position: relative;
    overflow: auto;
    /*
     * Never taller than the screen (zoomed, or a phone held sideways): the header row and the
     * last rows show together, and a wheel at the list's end goes on to scroll the page.
     */
    max-height: min(var(--_list-height), 85svh);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    /* A cell scrolled into view (keyboard) is not left under the pinned first column. */
    scroll-padding-inline-start: var(--_first-column);
  }
  /*
   * As wide as the scroller, or as the sum of the column minimums when that is more (a grid's
   * min-content gives its flexible tracks their minimum). Only the header row counts: the
   * virtualized body has size containment.
   */
  .table {
    width: min-content;
    min-width: 100%;
  }
  .cell .button.small {
    white-space: normal;
    text-align: center;
  }
  /* A cell clips what overflows it (overflow: hidden), so a control's focus ring is drawn inside the control. */
  .cell :focus-visible {
    outline-offset: -3px;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    min-height: var(--_row);
    border-bottom: 1px solid var(--_border);
    width: 100%;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .head .row {
    min-height: calc(var(--_row) * 1.05);
  }
  .body .row {
    cursor: pointer;
    background: var(--_bg);
    /* A row's content never changes the layout outside it: cheaper re-layout when rows are refilled. */
    contain: layout style;
  }
  .body .row.placeholder {
    cursor: default;
  }
  .body .row:hover {
    background: var(--_surface);
  }
  .cell,
  .columnheader {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    min-width: 0;
    overflow: hidden;
  }
  /*
   * The first column (the e-mail) names the row: it stays pinned when the table scrolls sideways,
   * opaque (the row's own background) and set off by a line.
   */
  .row > :first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    align-self: stretch;
    display: flex;
    align-items: center;
    background: inherit;
    border-inline-end: 1px solid var(--_border);
  }
  .head .row {
    background: var(--_surface);
  }
  .cell > .text {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  /* A role or a date wraps between its words ("Super / User", "Nov 24, / 2026") rather than be cut. */
  .cell > .text.wrap {
    white-space: normal;
    overflow-wrap: normal;
  }
  /* An e-mail wraps before its @ (the <wbr>), else anywhere, over two lines at most: readable without a tooltip (touch). */
  .cell > .text.email {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  /* A status is never cut: a long one ("Einladung abgelaufen") wraps between its words. */
  .cell > .badge {
    max-width: 100%;
    white-space: normal;
    overflow-wrap: normal;
    border-radius: 1em;
    text-wrap: balance;
  }
  .columnheader {
    font-weight: 700;
    font-size: 0.875em;
    line-height: 1.3;
    /*
     * Headers are our own translated words: they wrap between words, then at the soft hyphens the
     * translations put in long compounds, or at syllables where the browser hyphenates the
     * element's lang. Only a word that still does not fit (a much wider font) breaks mid-letter:
     * cut, it would be lost.
     */
    overflow-wrap: break-word;
    hyphens: auto;
  }
  .sort {
    display: block;
    width: 100%;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.25);
    border: 0;
    border-radius: calc(var(--_radius) * 0.75);
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }
  .sort:hover {
    color: var(--_primary);
  }
  /* Inline after the last word: on a narrow column it goes to the next line rather than out of sight. */
  .sort-indicator {
    display: inline-block;
    width: 0.9em;
    text-align: center;
    color: var(--_muted);
  }
  [aria-sort='ascending'] .sort-indicator,
  [aria-sort='descending'] .sort-indicator {
    color: var(--_primary);
  }
  .state {
    padding: calc(var(--_space) * 4) calc(var(--_space) * 2);
    text-align: center;
    color: var(--_muted);
  }
  .state .button {
    margin-top: var(--_space);
  }
  .spinner {
    display: inline-block;
    width: 1.2em;
    height: 1.2em;
    border: 2px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
    vertical-align: -0.25em;
    margin-inline-end: var(--_space);
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
