import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stylesheet } from '../../../src/http/views/stylesheet.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons } from '../../helpers/fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';

describe('assets from our own origin: favicon, fonts, the print script; the unread count', () => {
  const h = useSuiteHarness();

  test('favicon as .ico (one PNG inside), SVG and PNG, cached, under the strict CSP', async () => {
    const ico = await h.app.inject({ method: 'GET', url: '/favicon.ico' });
    assert.equal(ico.statusCode, 200);
    assert.equal(ico.headers['content-type'], 'image/x-icon');
    assert.deepEqual([...ico.rawPayload.subarray(0, 6)], [0, 0, 1, 0, 1, 0], 'icon header, one image');
    assert.equal(ico.rawPayload.readUInt32LE(18), 22, 'the image follows the directory');
    assert.equal(ico.rawPayload.subarray(22, 26).toString('latin1'), '\x89PNG');
    assert.equal(ico.rawPayload.readUInt32LE(14), ico.rawPayload.length - 22);
    const svg = await h.app.inject({ method: 'GET', url: '/assets/favicon.svg' });
    assert.equal(svg.headers['content-type'], 'image/svg+xml');
    assert.match(svg.body, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(String(svg.headers['content-security-policy']), /script-src 'self'/);
    for (const url of ['/assets/favicon-32.png', '/assets/apple-touch-icon.png']) {
      const png = await h.app.inject({ method: 'GET', url });
      assert.equal(png.headers['content-type'], 'image/png');
      assert.match(String(png.headers['cache-control']), /^public, max-age=\d+$/);
    }
  });

  test('every font the stylesheet names is served as WOFF2 from /assets/fonts', async () => {
    const urls = [...stylesheet.matchAll(/url\((\/assets\/fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    assert.equal(urls.length, 6, 'Latin and Latin Extended in 400, 600 and 700');
    for (const url of urls) {
      const font = await h.app.inject({ method: 'GET', url });
      assert.equal(font.statusCode, 200, url);
      assert.equal(font.headers['content-type'], 'font/woff2');
      assert.equal(font.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
    }
    assert.equal((await h.app.inject({ method: 'GET', url: '/assets/fonts/other.woff2' })).statusCode, 404);
  });

  test('the print script only reveals and wires the print button', async () => {
    const script = await h.app.inject({ method: 'GET', url: '/assets/print.js' });
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.match(script.body, /button\.print-button/);
    assert.match(script.body, /window\.print\(\)/);
  });

  test('the inbox link counts unread messages; opening one lowers the count', async () => {
    const org = await h.fixtures.organisation({});
    const account = await h.fixtures.account({ identityCode: persons.laura });
    const first = await h.fixtures.message({ accountId: account.id, organisation: org, title: 'Yksi' });
    await h.fixtures.message({ accountId: account.id, organisation: org, title: 'Kaksi' });
    const session = await signInAs(h, persons.laura);
    const count = (body: string) =>
      /<span class="count-badge"><span aria-hidden="true">(\d+)<\/span>/.exec(body)?.[1];
    const inbox = await h.app.inject({ method: 'GET', url: '/mailbox/inbox', cookies: session.cookies });
    assert.equal(count(inbox.body), '2');
    const opened = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${first.messageId}`,
      cookies: session.cookies,
    });
    assert.equal(count(opened.body), '1');
  });
});
