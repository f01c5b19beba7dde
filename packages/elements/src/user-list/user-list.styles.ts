import { css } from 'lit';

export const userListStyles = css`
  :host {
    --_columns: var(
      --portier-user-list-columns,
      minmax(11rem, 2fr) minmax(7rem, 1fr) minmax(7rem, 1fr) minmax(6.5rem, 0.7fr) minmax(6.5rem, 0.7fr) minmax(8.5rem, 0.8fr)
        minmax(7rem, 0.6fr) minmax(7.5rem, 0.7fr) minmax(7rem, 0.7fr) minmax(6.5rem, 0.7fr) minmax(11rem, 1fr)
    );
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
    max-height: var(--_list-height);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    overscroll-behavior: contain;
  }
  .table {
    min-width: 86rem;
  }
  .cell .button.small {
    white-space: normal;
    text-align: center;
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
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-width: 0;
    overflow: hidden;
  }
  .cell > .text {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    unicode-bidi: isolate;
  }
  .columnheader {
    font-weight: 700;
    /* Headers are our own translated words: hyphenate at syllables (the element carries lang), never mid-letter. */
    overflow-wrap: normal;
    hyphens: auto;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
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
  .sort-indicator {
    flex: none;
    width: 0.9em;
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
