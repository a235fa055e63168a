import MarkdownItClass from 'markdown-it';
import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';

/**
 * Message bodies are written by organisations and shown to citizens as HTML inside the mailbox page,
 * so this module is a security boundary: nothing an organisation sends may become markup other than
 * the small set of tags listed on `renderMessageBody`.
 *
 * The Suomi.fi Messages contract allows a CommonMark subset for `bodyFormat: "Markdown"`: headings,
 * ordered and unordered lists, paragraphs, bold emphasis and external https links (no autolinks).
 * We get there by switching markdown-it's rules *on* from an allow-list (so a rule added by a future
 * markdown-it version stays off) instead of rendering everything and sanitising the HTML afterwards:
 * a construct that is never parsed can never be mis-sanitised. Unsupported syntax (code, block quotes,
 * images, tables, thematic breaks, raw HTML, autolinks, strikethrough) therefore stays ordinary text,
 * which markdown-it HTML-escapes like any other text. Raw HTML is off twice over: `html: false` and
 * neither `html_block` nor `html_inline` is enabled.
 *
 * Decisions the contract leaves open:
 * - Italic (`*x*`, `_x_`): the contract lists only bold, so italic renders as plain text. The markers
 *   are still consumed (as CommonMark would), so the citizen reads "x" rather than stray asterisks.
 * - Headings are shifted one level down (`#` → h2, … `#####` and `######` → h6): the mailbox page
 *   already has its own h1, and a page should have exactly one h1 so that screen-reader users can rely
 *   on the heading outline (WCAG 1.3.1 / 2.4.6).
 * - A link whose destination is not https (http, mailto, javascript:, relative, …) renders as its
 *   link text only. Showing the raw `[text](url)` would be noisier and would still be unclickable.
 *   Reference definitions with a non-https destination are not definitions at all (markdown-it rejects
 *   them through `validateLink`), so they and their uses stay literal text.
 * - Image syntax is not parsed, so `![alt](https://…)` shows as "!" followed by an ordinary link to
 *   the image: nothing loads unless the citizen clicks (no tracking pixels, no remote content).
 * - Links carry no `target`: opening in the same tab is the accessible default, and the user decides.
 *   `rel="noopener noreferrer nofollow"` keeps the mailbox URL out of the Referer header and stops the
 *   target from scripting our window; `class="external-link"` lets the UI mark external links. Link
 *   titles are dropped (tooltips are not reachable by keyboard or touch and add nothing here).
 * - Single newlines inside a Markdown paragraph follow CommonMark (soft breaks, no `<br>`); a line
 *   ending in two spaces or a backslash is a hard break.
 */
export type BodyFormat = 'Text' | 'Markdown';

const LINK_REL = 'noopener noreferrer nofollow';
const LINK_CLASS = 'external-link';

/**
 * Returns the parsed URL when `href` is an absolute https URL we are willing to link to, else null.
 * markdown-it has already decoded entities and backslash escapes in the destination and then
 * percent-encoded it (normalizeLink), so `&#106;avascript:` arrives here as `javascript:` and is
 * rejected. We insist on a literal `https://` prefix rather than trusting the WHATWG parser alone,
 * because that parser silently strips leading whitespace/control characters and accepts `https:host`.
 * Credentials are refused too: `https://www.suomi.fi@evil.example` is a classic phishing disguise.
 */
function parseHttpsUrl(href: string): URL | null {
  if (!/^https:\/\//i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') {
    return null;
  }
  return url;
}

/**
 * Inline rule that runs after markdown-it's own `link` rule. That rule gives up on `[text](dest)` when
 * `validateLink` rejects the destination, which would leave the raw source (including, say,
 * `javascript:alert(1)`) on screen. This rule recognises the same syntax with markdown-it's public
 * helpers and emits only the label's inline content, with no link tokens at all.
 */
function nonHttpsLinkAsText(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const max = state.posMax;
  if (src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;

  const labelStart = state.pos + 1;
  // disableNested: a label containing a link is not a link label (CommonMark), same as the link rule.
  const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos, true);
  if (labelEnd < 0) return false;

  let pos = labelEnd + 1;
  if (src.charCodeAt(pos) !== 0x28 /* ( */) return false;
  pos = skipSpacesAndNewlines(src, pos + 1, max);
  if (pos >= max) return false;

  const destination = state.md.helpers.parseLinkDestination(src, pos, max);
  if (!destination.ok) return false;
  pos = destination.pos;

  const afterDestination = pos;
  pos = skipSpacesAndNewlines(src, pos, max);
  if (pos !== afterDestination) {
    const title = state.md.helpers.parseLinkTitle(src, pos, max);
    if (title.ok) pos = skipSpacesAndNewlines(src, title.pos, max);
  }
  if (pos >= max || src.charCodeAt(pos) !== 0x29 /* ) */) return false;

  if (!silent) {
    state.pos = labelStart;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
  }
  state.pos = pos + 1;
  state.posMax = max;
  return true;
}

function skipSpacesAndNewlines(src: string, pos: number, max: number): number {
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a) break;
    pos++;
  }
  return pos;
}

/** Core rule: see the heading decision in the module comment. Runs before rendering, on block tokens. */
function shiftHeadings(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'heading_open' && token.type !== 'heading_close') continue;
    const level = Number(token.tag.slice(1));
    token.tag = `h${Math.min(level + 1, 6)}`;
  }
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownItClass('default', {
    html: false,
    linkify: false,
    typographer: false,
    breaks: false,
    xhtmlOut: false,
  });

  // Allow-lists per chain. Ruler.enableOnly throws on unknown names, so a markdown-it upgrade that
  // renames a rule fails loudly here instead of silently changing what is rendered.
  md.core.ruler.enableOnly(['normalize', 'block', 'strip_references', 'inline', 'text_join']);
  // `lheading` is the Setext heading form (`Title\n===`), which CommonMark counts as a heading.
  md.block.ruler.enableOnly(['heading', 'lheading', 'list', 'reference', 'paragraph']);
  // `newline` makes hard breaks, `escape` and `entity` let authors write literal characters
  // (decoded text is escaped again on output, so `&lt;script&gt;` stays text).
  md.inline.ruler.enableOnly(['text', 'newline', 'escape', 'emphasis', 'link', 'entity']);
  md.inline.ruler2.enableOnly(['balance_pairs', 'emphasis', 'fragments_join']);

  md.inline.ruler.after('link', 'non_https_link_as_text', nonHttpsLinkAsText);
  md.core.ruler.after('block', 'shift_headings', shiftHeadings);

  // The single gate for every link destination markdown-it accepts: inline links and reference
  // definitions (autolinks and linkify are off, and would be gated here too).
  md.validateLink = (url: string): boolean => parseHttpsUrl(url) !== null;

  const escapeHtml = md.utils.escapeHtml;
  const rules = md.renderer.rules;

  // Emit a fixed tag shape rather than markdown-it's generic attribute rendering, so the output
  // grammar is exactly what tests assert. The href is re-serialised through the WHATWG URL parser
  // (which percent-encodes quotes, spaces and angle brackets) and then HTML-escaped.
  // validateLink guarantees parseHttpsUrl succeeds; should that invariant ever break, the link is
  // dropped (its text still renders) rather than emitted unchecked.
  const linkOpen: RendererRule = (tokens, idx) => {
    const token = tokens[idx] as Token;
    const url = parseHttpsUrl(String(token.attrGet('href') ?? ''));
    if (url === null) {
      token.meta = { ...token.meta, suppressed: true };
      return '';
    }
    return `<a href="${escapeHtml(url.href)}" rel="${LINK_REL}" class="${LINK_CLASS}">`;
  };
  const linkClose: RendererRule = (tokens, idx) => {
    // Links never nest in CommonMark, so the nearest preceding link_open is this link's opener.
    for (let i = idx - 1; i >= 0; i--) {
      const token = tokens[i] as Token;
      if (token.type === 'link_open') return token.meta?.['suppressed'] === true ? '' : '</a>';
    }
    return '';
  };
  rules['link_open'] = linkOpen;
  rules['link_close'] = linkClose;
  // Italic is outside the contract's subset: keep the words, drop the emphasis.
  rules['em_open'] = () => '';
  rules['em_close'] = () => '';

  return md;
}

const markdown = createMarkdown();

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Line endings are normalised and NUL is replaced with U+FFFD (as markdown-it and HTML parsers do),
 * so both formats see the same text.
 */
function normaliseText(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
}

/** Paragraphs of a Text body: separated by one or more blank (or whitespace-only) lines. */
function textParagraphs(body: string): string[] {
  return normaliseText(body)
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
}

/**
 * Safe HTML for a message body.
 *
 * - Text: HTML-escaped (`&<>"'`), paragraphs on blank lines, `<br>` on single newlines.
 * - Markdown: the contract's subset rendered with markdown-it; everything else is escaped text.
 *   Output tags are limited to `p`, `h2`–`h6`, `ul`, `ol` (optionally `start="n"`), `li`, `strong`,
 *   `br` and `<a href="https://…" rel="noopener noreferrer nofollow" class="external-link">`.
 *   See the module comment for italic, heading levels and non-https links.
 */
export function renderMessageBody(body: string, format: BodyFormat): string {
  if (format === 'Markdown') return markdown.render(body, {});
  return textParagraphs(body)
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeText).join('<br>\n')}</p>\n`)
    .join('');
}

/**
 * Plain-text version for PDF letters and notifications, where no markup is available. Markdown is
 * parsed with the same rules as `renderMessageBody` (so what is a heading or a link is identical) and
 * flattened: blocks separated by blank lines, list items prefixed with `-` or their number and
 * indented by nesting, and https links written as `text (url)` because a printed link cannot be clicked.
 */
export function messageBodyToPlainText(body: string, format: BodyFormat): string {
  if (format === 'Text') return textParagraphs(body).join('\n\n');
  return markdownToPlainText(markdown.parse(body, {}));
}

interface ListContext {
  ordered: boolean;
  /** Indentation of this list's item markers. */
  indent: string;
}

interface ItemContext {
  /** Marker for the item's first line, e.g. `- ` or `3. `; emptied once used. */
  marker: string;
  /** Indentation for the item's continuation lines and nested blocks. */
  indent: string;
}

function markdownToPlainText(tokens: Token[]): string {
  const lines: string[] = [];
  const lists: ListContext[] = [];
  const items: ItemContext[] = [];

  const addBlock = (text: string): void => {
    const item = items.at(-1);
    // Top-level blocks are separated by a blank line; blocks inside list items are kept compact.
    if (item === undefined && lines.length > 0) lines.push('');
    const blockLines = text.split('\n');
    blockLines.forEach((line, i) => {
      if (item === undefined) {
        lines.push(line);
      } else if (i === 0 && item.marker !== '') {
        lines.push(item.marker + line);
        item.marker = '';
      } else {
        lines.push(item.indent + line);
      }
    });
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const parent = items.at(-1);
        if (parent === undefined && lines.length > 0) lines.push('');
        // An empty item that opens with a nested list still needs its own marker on a line.
        if (parent !== undefined && parent.marker !== '') {
          lines.push(parent.marker.trimEnd());
          parent.marker = '';
        }
        lists.push({ ordered: token.type === 'ordered_list_open', indent: parent?.indent ?? '' });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        const marker = list?.ordered ? `${token.info}. ` : '- ';
        const indent = list?.indent ?? '';
        items.push({ marker: indent + marker, indent: indent + ' '.repeat(marker.length) });
        break;
      }
      case 'list_item_close': {
        const item = items.pop();
        // An item with no content at all still shows its marker, so numbering stays visible.
        if (item !== undefined && item.marker !== '') lines.push(item.marker.trimEnd());
        break;
      }
      case 'inline':
        addBlock(inlineToPlainText(token.children ?? []));
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

function inlineToPlainText(children: Token[]): string {
  let text = '';
  let linkHref: string | null = null;
  let linkTextStart = 0;
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'text_special':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'link_open':
        linkHref = parseHttpsUrl(String(child.attrGet('href') ?? ''))?.href ?? null;
        linkTextStart = text.length;
        break;
      case 'link_close':
        // Skip the URL when the link text already is the URL, to avoid "x (x)".
        if (linkHref !== null && text.slice(linkTextStart) !== linkHref) text += ` (${linkHref})`;
        linkHref = null;
        break;
      default:
        // strong/em markers carry no text; every other inline rule is disabled.
        break;
    }
  }
  return text;
}
