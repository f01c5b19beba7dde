import { css } from 'lit';

export const adminStyles = css`
  :host {
    background: transparent;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-bottom: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .brand {
    font-weight: 700;
    font-size: 1.05em;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .nav-item {
    border: 1px solid transparent;
    background: transparent;
    color: var(--_text);
    font: inherit;
    font-weight: 600;
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .nav-item:hover {
    color: var(--_primary);
  }
  .nav-item[aria-current='page'] {
    background: var(--_bg);
    border-color: var(--_border);
    color: var(--_primary);
  }
  .detail-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .detail-name {
    font-weight: 700;
    font-size: 1.1em;
    margin: 0;
    unicode-bidi: isolate;
  }
  .tabs ul {
    border-bottom: 1px solid var(--_border);
    gap: 0;
    margin-bottom: calc(var(--_space) * 2);
  }
  .tabs .nav-item {
    border-radius: var(--_radius) var(--_radius) 0 0;
    margin-bottom: -1px;
  }
  .tabs .nav-item[aria-current='page'] {
    border-color: var(--_border);
    border-bottom-color: var(--_bg);
  }
  .view {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2.5);
  }
  .view:focus {
    outline: none;
  }
  /* Forced colors make every item look alike (colours and backgrounds are the system's): underline the current one. */
  @media (forced-colors: active) {
    .nav-item[aria-current='page'] {
      text-decoration: underline 3px;
      text-underline-offset: 0.3em;
    }
  }
`;
