import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessagePage } from '../../../src/http/views/mailbox/message-page.js';
import { pageContext, render, withIconsNamed } from './render.js';
import { opened, sealed } from './sample-pages.js';

const ctx = pageContext({ signedIn: true });

function main(html: string): string {
  return withIconsNamed(/<main [^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? '');
}

test('message page: a header block (sender, title, chips, details), then actions, body, attachments, thread', () => {
  const html = main(
    render(<MessagePage ctx={ctx} message={{ ...opened, deleted: false }} readOnly={false} />),
  );
  const order = [
    'message-header__sender',
    '<h1>Päätös</h1>',
    'tag-list',
    'message-details',
    'message-actions',
    'message-body',
    'attachment-list',
    'thread-list',
  ];
  const positions = order.map((part) => html.indexOf(part));
  assert.ok(
    positions.every((p) => p >= 0),
    `all parts present: ${order.filter((_, i) => positions[i]! < 0)}`,
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
    'in this order',
  );
  assert.match(
    html,
    /<div class="message-details__row"><dt>Katsotaan vastaanotetuksi<\/dt><dd><time datetime="2025-03-04">4\.3\.2025<\/time><\/dd><\/div>/,
  );
  assert.match(html, /<li class="chip"><icon>Vastattavissa<\/li>/);
});

test('message page: actions grouped, reply first; print is a hidden button the page’s own script reveals', () => {
  const html = main(
    render(<MessagePage ctx={ctx} message={{ ...opened, deleted: false }} readOnly={false} />),
  );
  const actions = /<section class="message-actions"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? '';
  const reply = actions.indexOf('Vastaa');
  const print = actions.indexOf('Tulosta');
  const remove = actions.indexOf('Poista viesti');
  assert.ok(reply >= 0 && reply < print && print < remove, 'reply, print, delete');
  assert.match(
    actions,
    /<button type="button" class="button--secondary print-button" hidden><icon>Tulosta<\/button>/,
  );
  assert.match(actions, /<script src="\/assets\/print\.js" defer><\/script>/);
  assert.doesNotMatch(
    render(<MessagePage ctx={ctx} message={{ ...opened, deleted: false }} readOnly />),
    /Poista viesti|mailbox\/messages\/2\/reply/,
  );
});

test('message page: each attachment has a type icon, type and size, and a download button whose name says the file', () => {
  const html = main(render(<MessagePage ctx={ctx} message={opened} readOnly={false} />));
  assert.match(html, /<h2 id="attachments-heading">Liitteet \(1\)<\/h2>/);
  assert.match(
    html,
    /<li class="attachment"><icon:attachment__icon><span class="attachment__text"><span class="attachment__name">paatos\.pdf<\/span><span class="attachment__meta">PDF, 1,2 kt<\/span><\/span><a class="button button--secondary attachment__download" href="\/mailbox\/messages\/2\/attachments\/a1" download aria-label="Lataa paatos\.pdf"><icon>Lataa<\/a><\/li>/,
  );
});

test('message page: the thread is a timeline, the current message marked, not linked', () => {
  const html = main(render(<MessagePage ctx={ctx} message={opened} readOnly={false} />));
  assert.match(
    html,
    /<li class="thread-list__item thread-list__item--current">.*?<span aria-current="page">Päätös \(tämä viesti\)<\/span>/s,
  );
  assert.match(
    html,
    /<li class="thread-list__item">.*?<a href="\/mailbox\/messages\/3">Viestiä ei voida näyttää juuri nyt<\/a>/s,
  );
});

test('sealed message: the details and the acknowledgement step, no content', () => {
  const html = main(render(<MessagePage ctx={ctx} message={sealed} readOnly={false} />));
  assert.match(html, /<h1>Todisteellisesti tiedoksi annettava viesti<\/h1>/);
  assert.match(html, /<li class="chip chip--attention"><icon>Kuittaamatta<\/li>/);
  assert.match(html, /<section class="acknowledge-panel" aria-labelledby="acknowledge-heading">/);
  assert.doesNotMatch(html, /message-body|attachment/);
});
