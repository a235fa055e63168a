import { suomifiDesignTokens } from 'suomifi-design-tokens';
import { css } from '../styles/css.js';

/**
 * The service's mark: a rounded tile with an envelope whose flap is open, the mailbox of public
 * authorities. One geometry serves the header's wordmark (drawn inline, coloured by the stylesheet's
 * tokens) and the favicon (a standalone SVG file, coloured with the same design-token values).
 */
const tile = { width: 32, height: 32, rx: 6 };
const envelope = 'M7 11.5h18v11H7z';
const flap = 'M7.5 12l8.5 6.5 8.5-6.5';
const stroke = {
  'stroke-width': '2',
  'stroke-linejoin': 'round',
  'stroke-linecap': 'round',
  fill: 'none',
} as const;

/** The mark and the service's name; the name is the link's text, the mark is decoration. */
export function Wordmark(props: { name: string; href: string }) {
  return (
    <a class="wordmark" href={props.href}>
      <svg class="wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect class="wordmark__tile" {...tile} />
        <path class="wordmark__glyph" d={envelope} {...stroke} />
        <path class="wordmark__glyph" d={flap} {...stroke} />
      </svg>
      <span class="wordmark__name">{props.name}</span>
    </a>
  );
}

const colours = suomifiDesignTokens.values.colors;

/** /assets/favicon.svg: the same mark as a file, in the design system's brand and white. */
export const faviconSvg = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  `<rect width="${tile.width}" height="${tile.height}" rx="${tile.rx}" fill="${colours.brandBase.hsl}"/>`,
  ...[envelope, flap].map(
    (d) =>
      `<path d="${d}" stroke="${colours.whiteBase.hsl}" ${Object.entries(stroke)
        .map(([name, value]) => `${name}="${value}"`)
        .join(' ')}/>`,
  ),
  '</svg>',
].join('');

export const styles = css`
  .wordmark {
    display: inline-flex;
    align-items: center;
    gap: var(--fi-spacing-xs);
    color: var(--fi-color-brand-base);
    text-decoration: none;
    font-weight: 700;
    font-size: var(--fi-font-size-heading-3);
    line-height: 1.2;
  }
  .wordmark:hover .wordmark__name {
    text-decoration: underline;
  }
  .wordmark__mark {
    width: 2.5rem;
    height: 2.5rem;
    flex: none;
  }
  .wordmark__tile {
    fill: var(--fi-color-brand-base);
  }
  .wordmark__glyph {
    stroke: var(--fi-color-white-base);
  }
`;
