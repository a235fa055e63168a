import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page; Preact escapes every interpolated value, so markup only comes from components. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}
