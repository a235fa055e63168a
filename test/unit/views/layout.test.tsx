import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Layout } from '../../../src/http/views/layout.js';
import { pageContext, render } from './render.js';

function page(options: Parameters<typeof pageContext>[0] & { hasErrors?: boolean; unreadCount?: number }) {
  const ctx = { ...pageContext(options), unreadCount: options.unreadCount };
  return render(
    <Layout ctx={ctx} title="Uusi viesti" hasErrors={options.hasErrors}>
      <h1>Uusi viesti</h1>
    </Layout>,
  );
}

test('layout: the title says "Virhe: " / "Fel: " / "Error: " first when the form came back with problems', () => {
  assert.match(page({}), /<title>Uusi viesti – Kansalaisen asiointitili<\/title>/);
  assert.match(page({ hasErrors: true }), /<title>Virhe: Uusi viesti – Kansalaisen asiointitili<\/title>/);
  assert.match(
    page({ hasErrors: true, locale: 'sv' }),
    /<title>Fel: Uusi viesti – Medborgarens ärendekonto<\/title>/,
  );
  assert.match(
    page({ hasErrors: true, locale: 'en' }),
    /<title>Error: Uusi viesti – Citizen’s e-services account<\/title>/,
  );
});

test('layout: the signed-in bar is inside the banner landmark (the header), so nothing is outside a landmark', () => {
  const html = page({ signedIn: true });
  const header = /<header class="site-header">(.*?)<\/header>/s.exec(html)?.[1] ?? '';
  assert.match(header, /class="account-bar"/);
  assert.match(header, /Kirjautuneena: Kimmo Mäkinen/);
  assert.match(header, /<nav class="account-nav" aria-label="Asiointitili">/);
  const outside = html.replace(
    /<header class="site-header">.*?<\/header>|<main .*?<\/main>|<footer .*?<\/footer>/gs,
    '',
  );
  assert.doesNotMatch(outside, /account-bar|Kirjautuneena/);
});

test('layout: the inbox link carries the unread count, spoken as words; none when all is read', () => {
  const html = page({ signedIn: true, unreadCount: 3 });
  assert.match(
    html,
    /<span>Saapuneet<\/span><span class="count-badge"><span aria-hidden="true">3<\/span><span class="visually-hidden">\(3 lukematonta\)<\/span><\/span><\/a>/,
  );
  assert.doesNotMatch(page({ signedIn: true, unreadCount: 0 }), /count-badge/);
});

test('layout: favicon in three forms and the self-hosted stylesheet; no script', () => {
  const html = page({});
  assert.match(html, /<link rel="icon" href="\/favicon\.ico" sizes="32x32"\/>/);
  assert.match(html, /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml"\/>/);
  assert.match(html, /<link rel="apple-touch-icon" href="\/assets\/apple-touch-icon\.png"\/>/);
  assert.doesNotMatch(html, /<script/);
});
