import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
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
      dangerouslySetInnerHTML={{ __html: shapesMarkup(props.name) }}
    />
  );
}

const shapesMarkupByName = new Map<IconName, string>();

/**
 * An icon's shapes as markup, rendered once per icon: a page draws the same few icons many times
 * (every row of a folder, every link of the navigation), and the shapes come from the icon set,
 * never from a request. Rendered inside an <svg> and cut out of it, so the attribute names are
 * written as SVG wants them, exactly as they were when the shapes were rendered in place.
 */
function shapesMarkup(name: IconName): string {
  let markup = shapesMarkupByName.get(name);
  if (markup === undefined) {
    const whole = renderToString(
      <svg>{iconShapes[name].shapes.map((shape) => h(shape.tag, { ...shape.attributes }))}</svg>,
    );
    markup = whole.slice('<svg>'.length, -'</svg>'.length);
    shapesMarkupByName.set(name, markup);
  }
  return markup;
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
