import { suomifiDesignTokens } from 'suomifi-design-tokens';
import { css } from './css.js';

/**
 * The tokens layer: the only place a colour value is written. Every other section takes its
 * colours from these custom properties, so a restyle changes values here, not across the sheet.
 *
 * The Suomi.fi design system's values are read from its own package (`suomifi-design-tokens`), not
 * copied: each colour, spacing step, radius and type size becomes a custom property named after the
 * token (`depthLight3` → `--fi-color-depth-light-3`, `heading2` → `--fi-font-size-heading-2`), so a
 * new release of the design system changes our sheet with it. Type sizes are given in rem (the
 * design system's px over 16), so the text-size choice scales them. The few `--app-*` values below
 * are our own: shades and uses the design tokens do not name.
 */
const values = suomifiDesignTokens.values;

/** camelCase and digits to kebab-case: `depthLight3` → `depth-light-3`, `insetXs` → `inset-xs`. */
export function tokenName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])(\d)/g, '$1-$2')
    .toLowerCase();
}

function px(value: { value: number | string; unit?: string | null | undefined }): string {
  return `${value.value}${value.unit ?? ''}`;
}

/** A px size as rem, so the user's text size (the root font size) scales it. */
function rem(value: { value: number | string; unit?: string | null | undefined }): string {
  if (value.unit !== 'px' || typeof value.value !== 'number') return px(value);
  return `${value.value / 16}rem`;
}

/** The typography tokens we use, each as font size and line height. */
const typeScale = [
  'bodyText',
  'bodyTextSmall',
  'leadText',
  'heading1',
  'heading1SmallScreen',
  'heading2',
  'heading2SmallScreen',
  'heading3',
  'heading3SmallScreen',
  'heading4',
] as const;

function designSystemProperties(): string[] {
  const lines: string[] = [];
  for (const [name, colour] of Object.entries(values.colors)) {
    lines.push(`--fi-color-${tokenName(name)}: ${colour.hsl};`);
  }
  for (const [name, step] of Object.entries(values.spacing)) {
    lines.push(`--fi-spacing-${tokenName(name)}: ${px(step)};`);
  }
  for (const [name, radius] of Object.entries(values.radiuses)) {
    lines.push(`--fi-radius-${tokenName(name)}: ${px(radius)};`);
  }
  for (const name of typeScale) {
    const type = values.typography[name];
    lines.push(`--fi-font-size-${tokenName(name)}: ${rem(type.fontSize)};`);
    const lineHeight = type.lineHeight.unit ? rem(type.lineHeight) : String(type.lineHeight.value);
    lines.push(`--fi-line-height-${tokenName(name)}: ${lineHeight};`);
  }
  lines.push(`--fi-font-family: ${values.typography.bodyText.fontFamily};`);
  lines.push(`--fi-shadow-panel: ${values.shadows.panelShadow.value};`);
  lines.push(`--fi-shadow-wide: ${values.shadows.wideBoxShadow.value};`);
  return lines;
}

export const tokens = css`
  :root {
    ${designSystemProperties().join('\n    ')}
    --app-color-control-border: var(--fi-color-depth-dark-2);
    --app-color-hint-text: var(--fi-color-black-light-1);
    --app-color-alert-light: var(--fi-color-alert-light-1);
    --app-color-success-light: hsl(166, 60%, 94%);
    --app-color-focus: var(--fi-color-accent-secondary);
    --app-color-unread-marker: var(--fi-color-highlight-base);
    --app-color-print-text: hsl(0, 0%, 0%);
    --app-measure: 70ch;
  }
`;
