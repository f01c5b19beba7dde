import { css } from 'lit';

/** The create form's own layout (the access set-up fields' layout is `accessSetupStyles`). */
export const userCreateStyles = css`
  /* The identity fields stay readable on a wide screen; the access matrix takes the width it has
     (an application column per level select, see accessSetupStyles). */
  form > fieldset:not(.access) {
    max-width: 72rem;
  }
  .intro {
    color: var(--_muted);
    margin-bottom: calc(var(--_space) * 2);
  }
  .mode-panel {
    margin-top: calc(var(--_space) * 2);
    padding-top: calc(var(--_space) * 2);
    border-top: 1px dashed var(--_border);
  }
  .matrix-scroller {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .matrix th,
  .matrix td {
    padding-inline: calc(var(--_space) * 0.5);
  }
  .matrix th[scope='row'] {
    white-space: nowrap;
  }
  /*
   * The client column names the row: it stays pinned, opaque (the header cells' background) and
   * set off by a line, when the matrix scrolls sideways, as in the access-rights matrix.
   */
  /* Collapsed borders stay where the cells were: separate ones move with the pinned column. */
  .matrix {
    border-collapse: separate;
    border-spacing: 0;
  }
  .matrix tr > :first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    border-inline-end: 1px solid var(--_border);
  }
  .matrix-scroller {
    container-type: inline-size;
  }
  /* Narrow, a long client name wraps: pinned, the column leaves most of the width to the levels. */
  @container (width < 40rem) {
    .matrix th[scope='row'] {
      white-space: normal;
      overflow-wrap: break-word;
      max-width: 33cqi;
    }
  }
  /* At least as wide as its longest level label: accessSetupStyles. */
  .matrix td select {
    width: 100%;
  }
  .matrix td [part~='profile'] {
    margin-top: calc(var(--_space) * 0.25);
    font-size: 0.875em;
  }
  .preview {
    margin-top: calc(var(--_space) * 1.5);
  }
  /*
   * Every word in the preview stays whole ("Vollständig", "Brasserie", never "Vollstän|dig"): a
   * word sets its column's narrowest width. A name from elsewhere may be one long word, so a name
   * counts for at most 30ch and breaks past it; a table still too wide scrolls in its own box.
   */
  .preview td {
    overflow-wrap: break-word;
  }
  .preview td > bdi {
    display: block;
    max-width: 30ch;
  }
  .preview caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: calc(var(--_space) * 0.5);
  }
  .footer {
    display: flex;
    gap: var(--_space);
    justify-content: flex-end;
    flex-wrap: wrap;
    margin-top: calc(var(--_space) * 2);
  }
  .summary ul {
    margin: calc(var(--_space) * 0.5) 0 0;
    padding-inline-start: 1.25rem;
  }
  .summary a {
    color: inherit;
  }
`;
