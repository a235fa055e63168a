import { css } from './css.js';
import { fontFaceRules } from './fonts.js';

/**
 * The base layer: the self-hosted typeface and elements without a class (page, text, links, focus,
 * form controls, tables). Component sections come after it in their own layer, so a component's
 * rule wins over these whatever the selectors' specificity. Sizes come from the design tokens'
 * type scale (body 18 px; headings 40/28/22 px, smaller on narrow screens).
 */
export const base = css`
  ${fontFaceRules}

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
    font-size: var(--fi-font-size-body-text);
    line-height: var(--fi-line-height-body-text);
    color: var(--fi-color-black-base);
    background: var(--fi-color-depth-light-3);
    overflow-wrap: anywhere;
  }

  a {
    color: var(--fi-color-highlight-dark-1);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex='-1']:focus,
  main:focus-visible {
    outline: 3px solid var(--app-color-focus);
    outline-offset: 2px;
  }
  main:focus:not(:focus-visible) {
    outline: none;
  }

  main {
    display: block;
    max-width: 64rem;
    margin: var(--fi-spacing-l) auto 0;
    padding: var(--fi-spacing-l) var(--fi-spacing-xl) var(--fi-spacing-xl);
    background: var(--fi-color-white-base);
    box-shadow: var(--fi-shadow-panel);
  }
  h1 {
    font-size: var(--fi-font-size-heading-2);
    line-height: var(--fi-line-height-heading-2);
    font-weight: 600;
    color: var(--fi-color-black-base);
    margin: var(--fi-spacing-xs) 0 var(--fi-spacing-m);
  }
  h2 {
    font-size: var(--fi-font-size-heading-3);
    line-height: var(--fi-line-height-heading-3);
    font-weight: 600;
    margin: var(--fi-spacing-xl) 0 var(--fi-spacing-s);
  }
  h3 {
    font-size: var(--fi-font-size-heading-4);
    line-height: var(--fi-line-height-heading-4);
  }
  p {
    margin: 0 0 var(--fi-spacing-s);
  }

  label {
    display: block;
    font-weight: 600;
    margin-bottom: var(--fi-spacing-xxs);
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    width: 100%;
    max-width: 30rem;
    min-height: 44px;
    padding: var(--fi-spacing-inset-m) var(--fi-spacing-inset-l);
    border: 1px solid var(--app-color-control-border);
    border-radius: var(--fi-radius-basic);
    background: var(--fi-color-white-base);
    color: var(--fi-color-black-base);
  }
  /* Radio buttons and checkboxes: one large size everywhere, in the design system's blue. */
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    flex: none;
    accent-color: var(--fi-color-highlight-base);
  }
  textarea {
    min-height: 10rem;
    max-width: 100%;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--fi-color-alert-base);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--fi-spacing-l);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: var(--fi-spacing-xs);
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
      margin-top: 0;
      padding: var(--fi-spacing-m) var(--fi-spacing-xs) var(--fi-spacing-l);
      box-shadow: none;
    }
    h1 {
      font-size: var(--fi-font-size-heading-2-small-screen);
      line-height: var(--fi-line-height-heading-2-small-screen);
    }
    h2 {
      font-size: var(--fi-font-size-heading-3-small-screen);
      line-height: var(--fi-line-height-heading-3-small-screen);
    }
  }
`;
