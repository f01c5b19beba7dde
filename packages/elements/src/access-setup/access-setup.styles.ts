import { css } from 'lit';

/**
 * The layout of the access set-up fields shared by the create form and the rights matrix
 * (`renderCopySourceFields`, `renderTypeLevelFields`): a grid of fields and lists of choices,
 * and the width of an access-level select that both matrices use.
 */
export const accessSetupStyles = css`
  :host {
    /*
     * An access-level select shows its longest label in every locale ("Geen toegang", "Lecture
     * seule", "Kein Zugriff": about 11.5ch; 12ch also fits the bold of a changed cell), plus its
     * inline padding, its border and the arrow (about 21px whatever the font size).
     */
    --_level-width: calc(12ch + 2 * var(--_space) + 24px);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(16rem, 100%), 1fr));
    gap: calc(var(--_space) * 2);
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .choices.inline {
    flex-direction: row;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 var(--_space);
    align-items: start;
  }
  .choice input {
    margin-top: 0.2em;
  }
  .choice .hint {
    grid-column: 2;
    margin: 0;
  }
  /*
   * The create form's individual matrix (user-create): a level select is never narrower than its
   * longest label (the form's own rule gives it a fixed minimum that cut "Lecture seule" off).
   */
  .matrix-scroller .matrix td select {
    min-width: var(--_level-width);
  }
`;
