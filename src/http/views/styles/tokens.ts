import { css } from './css.js';

/**
 * The tokens layer: the only place a colour value is written. Every other section takes its
 * colours from these custom properties, so a restyle changes values here, not across the sheet.
 * Colours and spacing follow the Suomi.fi design tokens (values restated, names kept); the four
 * `--app-*` colours are our own shades that the design tokens do not name.
 */
export const tokens = css`
  :root {
    --fi-color-black-base: hsl(0, 0%, 16%);
    --fi-color-white-base: hsl(0, 0%, 100%);
    --fi-color-brand-base: hsl(23, 82%, 53%);
    --fi-color-highlight-base: hsl(212, 63%, 45%);
    --fi-color-highlight-dark-1: hsl(212, 63%, 37%);
    --fi-color-highlight-light-3: hsl(212, 63%, 95%);
    --fi-color-depth-dark-1: hsl(215, 36%, 28%);
    --fi-color-depth-light-2: hsl(215, 20%, 90%);
    --fi-color-depth-light-3: hsl(215, 20%, 97%);
    --fi-color-alert-base: hsl(3, 59%, 42%);
    --fi-color-success-base: hsl(166, 90%, 24%);
    --fi-color-warning-light-1: hsl(40, 100%, 90%);
    --app-color-control-border: hsl(215, 15%, 45%);
    --app-color-hint-text: hsl(215, 15%, 35%);
    --app-color-alert-light: hsl(3, 59%, 96%);
    --app-color-success-light: hsl(166, 60%, 94%);
    --fi-spacing-xs: 8px;
    --fi-spacing-s: 10px;
    --fi-spacing-m: 15px;
    --fi-spacing-l: 20px;
    --fi-spacing-xl: 30px;
    --fi-radius-basic: 2px;
    --fi-font-family: 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif;
  }
`;
