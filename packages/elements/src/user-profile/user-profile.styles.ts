import { css } from 'lit';

export const userProfileStyles = css`
  .layout {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-width: 62rem;
  }
  section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    background: var(--_bg);
  }
  section > h3 {
    margin-bottom: var(--_space);
  }
  .subtitle {
    color: var(--_muted);
    margin: calc(var(--_space) * -1) 0 calc(var(--_space) * 2);
    unicode-bidi: isolate;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(15rem, 100%), 1fr));
    gap: calc(var(--_space) * 2);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin-top: var(--_space);
  }
  .row .field {
    flex: 0 1 16rem;
  }
  .current {
    font-weight: 600;
    margin-bottom: var(--_space);
  }
  .explain {
    margin-top: var(--_space);
  }
  .footer {
    display: flex;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }

`;
