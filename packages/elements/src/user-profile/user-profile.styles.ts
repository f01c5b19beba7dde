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
  /* The "saved" line takes its own row when the buttons leave it too little: never one letter a line. */
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }

  /* The result of an action at the bottom of a long profile would show at its top, out of sight:
     the banners stick to the top of the viewport while the profile scrolls under them. */
  .results {
    position: sticky;
    top: var(--portier-sticky-top, 0);
    z-index: 2;
  }
  .results .banner:not(:empty) {
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
  }
`;
