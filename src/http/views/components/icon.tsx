import { h } from 'preact';
import { css } from '../styles/css.js';
import { iconShapes, type IconName } from './icon-shapes.js';

export type { IconName };

export interface IconProps {
  name: IconName;
  /** A further class for where the icon sits (size or colour set by that section). */
  class?: string;
}

/**
 * A Suomi.fi design system icon (see scripts/icons.ts), written inline into the page: no request,
 * no script and no style attribute, so the strict CSP holds. Icons are decoration beside a visible
 * text that says the same, so they are hidden from assistive technology and never take focus.
 * They take the colour of the text around them (`currentColor`) and its size (1em by default).
 */
export function Icon(props: IconProps) {
  const icon = iconShapes[props.name];
  return (
    <svg
      class={props.class ? `icon ${props.class}` : 'icon'}
      viewBox={icon.viewBox}
      aria-hidden="true"
      focusable="false"
    >
      {icon.shapes.map((shape) => h(shape.tag, { ...shape.attributes }))}
    </svg>
  );
}

export const styles = css`
  .icon {
    display: inline-block;
    width: 1em;
    height: 1em;
    flex: none;
    vertical-align: -0.125em;
    fill: currentColor;
  }
`;
