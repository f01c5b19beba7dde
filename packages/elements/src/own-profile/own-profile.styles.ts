import { css } from 'lit';

export const ownProfileStyles = css`
  form {
    max-width: 48rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
    gap: calc(var(--_space) * 2);
  }
  .intro {
    color: var(--_muted);
  }
  /* The "saved" line takes its own row when the buttons leave it too little: never one letter a line. */
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
`;
