import { css } from 'lit';

/**
 * The layout of the access set-up fields shared by the create form and the rights matrix
 * (`renderCopySourceFields`, `renderTypeLevelFields`): a grid of fields and lists of choices.
 */
export const accessSetupStyles = css`
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
`;
