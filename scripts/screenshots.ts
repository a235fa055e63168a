/**
 * `npm run screenshots`: pictures of every citizen and public page for review, in fi, sv and en at
 * 1280 and 320 px, written to screenshots/ (gitignored) with an index.html contact sheet.
 *
 * It runs the real app on a fresh test database seeded with the demo data (seedDemo), in the same
 * headless Chromium as the browser tests. The pages are found, not listed: every GET route without
 * a parameter that answers with a page, taken from the app's route table, shown signed out, signed
 * in as the demo account holder (Kimmo) and signed in as a person without an account (Maija); then
 * each of Kimmo's messages, a reply form and the new-message form sent empty (its error state).
 * Opening a message marks it read, so the folders are taken first.
 *
 * Options: `--only fi` (one language), `--widths 320` (one width), `--out DIR`, `--match REGEX`
 * (only the shots whose state and page match, e.g. `--match 'mailbox|message'`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../src/demo/seed-demo.js';
import { harnessServedAtPublicUrl, launchBrowser } from '../test/helpers/browser.js';
import { signInAs } from '../test/helpers/citizen-session.js';
import { persons } from '../test/helpers/fixtures.js';
import { registeredRoutes } from '../test/helpers/route-table.js';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string' },
    widths: { type: 'string' },
    out: { type: 'string', default: 'screenshots' },
    match: { type: 'string' },
  },
});
const languages = (options.only ? [options.only] : ['fi', 'sv', 'en']) as Array<'fi' | 'sv' | 'en'>;
const widths = options.widths ? options.widths.split(',').map(Number) : [1280, 320];
const outDir = path.resolve(options.out);
const wanted = options.match ? new RegExp(options.match) : undefined;

/** Routes that are not pages to look at: machine endpoints, redirects and actions. */
const notPages =
  /^\/(v1|v2|assets|oidc|test-idp|metrics|healthz|readyz|favicon|language|text-size|logout)(\/|$)/;

interface Shot {
  state: string;
  name: string;
  lang: string;
  width: number;
  file: string;
  url: string;
}

const { h, baseUrl } = await harnessServedAtPublicUrl();
const shots: Shot[] = [];
let browser: Browser | undefined;
try {
  await seedDemo(h.context, h.services, () => undefined);
  browser = await launchBrowser();
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const pagePaths = registeredRoutes(h.app)
    .filter((route) => route.method === 'GET' && !route.url.includes(':') && !route.url.includes('*'))
    .map((route) => route.url)
    .filter((url) => !notPages.test(url));

  /** A browser page in a language and width, signed in as `person` when given. */
  async function open(lang: string, width: number, person?: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width, height: 900 } });
    const cookies = [{ name: 'lang', value: lang, url: baseUrl }];
    if (person) {
      const session = await signInAs(h, person);
      for (const [name, value] of Object.entries(session.cookies))
        cookies.push({ name, value, url: baseUrl });
    }
    await context.addCookies(cookies);
    return context.newPage();
  }

  async function shoot(page: Page, state: string, name: string, lang: string, width: number) {
    if (wanted && !wanted.test(`${state} ${name}`)) return;
    const file = `${state}--${name}--${lang}--${width}.png`.replace(/[^\w.-]+/g, '_');
    await page.screenshot({ path: path.join(outDir, file), fullPage: true });
    shots.push({ state, name, lang, width, file, url: new URL(page.url()).pathname });
  }

  /** Every page path in one state; only those that answer 200 with HTML (no redirect elsewhere). */
  async function routePages(state: string, person?: string) {
    for (const lang of languages) {
      for (const width of widths) {
        const page = await open(lang, width, person);
        for (const pagePath of pagePaths) {
          if (wanted && !wanted.test(`${state} ${pagePath}`)) continue;
          const response = await page.goto(`${baseUrl}${pagePath}`);
          const type = response?.headers()['content-type'] ?? '';
          if (!response || response.status() !== 200 || !type.startsWith('text/html')) continue;
          if (new URL(page.url()).pathname !== pagePath) continue;
          await shoot(page, state, pagePath, lang, width);
        }
        await page.context().close();
      }
    }
  }

  await routePages('signed-out');
  await routePages('kimmo', persons.kimmo);
  await routePages('no-account', persons.maija);

  // Kimmo's messages, each once per language and width; then the forms.
  const probe = await open('fi', 1280, persons.kimmo);
  const messageIds: string[] = [];
  for (const folder of ['inbox', 'sent']) {
    await probe.goto(`${baseUrl}/mailbox/${folder}`);
    for (const href of await probe
      .locator('a[href^="/mailbox/messages/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))) {
      const id = /^\/mailbox\/messages\/(\d+)$/.exec(href)?.[1];
      if (id && !messageIds.includes(id)) messageIds.push(id);
    }
  }
  await probe.context().close();
  let replyId: string | undefined;
  for (const lang of languages) {
    for (const width of widths) {
      const page = await open(lang, width, persons.kimmo);
      for (const id of messageIds) {
        await page.goto(`${baseUrl}/mailbox/messages/${id}`);
        await shoot(page, 'kimmo', `message-${id}`, lang, width);
        if (!replyId && (await page.locator(`a[href="/mailbox/messages/${id}/reply"]`).count()) > 0) {
          replyId = id;
        }
      }
      if (replyId) {
        await page.goto(`${baseUrl}/mailbox/messages/${replyId}/reply`);
        await shoot(page, 'kimmo', 'reply', lang, width);
      }
      await page.goto(`${baseUrl}/mailbox/new`);
      await page.locator('main form button[type="submit"]').first().click();
      await page.waitForLoadState();
      await shoot(page, 'kimmo', 'new-message-errors', lang, width);
      await page.context().close();
    }
  }

  fs.writeFileSync(path.join(outDir, 'index.html'), contactSheet(shots));
  console.log(`${shots.length} screenshots in ${path.relative(process.cwd(), outDir)}/ (open index.html)`);
} finally {
  await browser?.close();
  await h.close();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One row a page and state; a column a language and width; each picture links to its file. */
function contactSheet(all: Shot[]): string {
  const rows = new Map<string, Shot[]>();
  for (const shot of all) {
    const key = `${shot.state} ${shot.name}`;
    rows.set(key, [...(rows.get(key) ?? []), shot]);
  }
  const columns = languages.flatMap((lang) => widths.map((width) => ({ lang, width })));
  const head = columns.map((c) => `<th>${c.lang} ${c.width}</th>`).join('');
  const body = [...rows.entries()]
    .map(([key, row]) => {
      const cells = columns
        .map((c) => {
          const shot = row.find((s) => s.lang === c.lang && s.width === c.width);
          return shot
            ? `<td><a href="${shot.file}"><img src="${shot.file}" alt="${escapeHtml(`${key} ${c.lang} ${c.width}`)}" loading="lazy"></a></td>`
            : '<td></td>';
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(key)}<br><small>${escapeHtml(row[0]!.url)}</small></th>${cells}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Screenshots – asiointitili</title>
<style>
body{font-family:sans-serif;margin:1rem}table{border-collapse:collapse}
th,td{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}
img{width:200px;max-height:400px;object-fit:cover;object-position:top}
</style></head><body>
<h1>Screenshots (${all.length})</h1>
<table><thead><tr><th>state, page</th>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}
