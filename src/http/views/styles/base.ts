import { css } from './css.js';

/**
 * The base layer: elements without a class (page, text, links, focus, form controls, tables).
 * Component sections come after it in their own layer, so a component's rule wins over these
 * whatever the selectors' specificity.
 */
export const base = css`
  html {
    font-size: 100%;
  }
  html.text-size-1 {
    font-size: 100%;
  }
  html.text-size-2 {
    font-size: 118.75%;
  }
  html.text-size-3 {
    font-size: 137.5%;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  body {
    margin: 0;
    font-family: var(--fi-font-family);
    color: var(--fi-color-black-base);
    background: var(--fi-color-depth-light-3);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  a {
    color: var(--fi-color-highlight-dark-1);
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  main:focus-visible {
    outline: 3px solid var(--fi-color-brand-base);
    outline-offset: 2px;
  }

  main {
    display: block;
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--fi-spacing-l) var(--fi-spacing-m);
    background: var(--fi-color-white-base);
  }
  h1 {
    font-size: 1.75rem;
    line-height: 1.25;
    color: var(--fi-color-depth-dark-1);
  }
  h2 {
    font-size: 1.35rem;
    line-height: 1.3;
  }

  label {
    display: block;
    font-weight: 600;
    margin-bottom: 4px;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  select,
  textarea {
    font: inherit;
    width: 100%;
    max-width: 30rem;
    padding: var(--fi-spacing-xs);
    border: 1px solid var(--app-color-control-border);
    border-radius: var(--fi-radius-basic);
  }
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.15rem;
  }
  textarea {
    min-height: 10rem;
    max-width: 100%;
  }
  input[aria-invalid='true'] {
    border: 2px solid var(--fi-color-alert-base);
  }
  fieldset {
    border: 1px solid var(--fi-color-depth-light-2);
    padding: var(--fi-spacing-m);
    margin: 0 0 var(--fi-spacing-l);
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: var(--fi-spacing-xs);
    border-bottom: 1px solid var(--fi-color-depth-light-2);
    vertical-align: top;
  }

  @media (max-width: 480px) {
    main {
      padding: var(--fi-spacing-m) var(--fi-spacing-s);
    }
    h1 {
      font-size: 1.5rem;
    }
  }
`;
