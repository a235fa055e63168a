import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageList } from '../../../../src/http/views/components/message-list.js';
import { folderItem } from '../sample-pages.js';
import { pageContext, render, withIconsNamed } from '../render.js';

test('message list: unread items stand out (bar, icon, bold, chip) and carry their chips; sealed titles stay hidden', () => {
  const html = withIconsNamed(
    render(
      <MessageList
        ctx={pageContext()}
        label="Viestit"
        items={[
          folderItem({ id: 1, title: 'Päätös', unread: true, hasAttachments: true }),
          folderItem({ id: 2, title: null, verifiable: true, awaitingAcknowledgement: true }),
        ]}
      />,
    ),
  );
  const [unread, sealed] = html.split('</li><li class="message-list__item');
  assert.match(html, /^<ul class="ruled-list" aria-label="Viestit">/);
  assert.match(
    unread!,
    /<li class="message-list__item message-list__item--unread"><icon:message-list__icon>/,
  );
  assert.match(unread!, /<h2 class="message-list__title"><a href="\/mailbox\/messages\/1">Päätös<\/a><\/h2>/);
  assert.match(
    unread!,
    /<span class="visually-hidden">Lähettäjä: <\/span><span class="message-list__organisation">Kallio<\/span>/,
  );
  assert.match(
    unread!,
    /<ul class="inline-list tag-list"><li class="chip chip--new">Uusi<\/li><li class="chip"><icon>Sisältää liitteitä<\/li><\/ul>/,
  );
  assert.match(sealed!, /<a href="\/mailbox\/messages\/2">Todisteellisesti tiedoksi annettava viesti<\/a>/);
  assert.match(
    sealed!,
    /<li class="chip">Luettu<\/li><li class="chip"><icon>Todisteellinen tiedoksianto<\/li><li class="chip chip--attention"><icon>Kuittaamatta<\/li>/,
  );
  assert.doesNotMatch(sealed!, /Uusi/);
});

test('message list: "Vastattavissa" and a verifiable message’s receipt date as chips, in each language', () => {
  const item = folderItem({ verifiable: true, replyable: true, deemedReceivedOn: '2025-03-12' });
  const chips = (locale: 'fi' | 'sv' | 'en') =>
    [
      ...render(<MessageList ctx={pageContext({ locale })} label="x" items={[item]} />).matchAll(
        /<li class="chip[^"]*">(?:<svg[^>]*>.*?<\/svg>)?([^<]*)<\/li>/g,
      ),
    ].map((m) => m[1]);
  assert.deepEqual(chips('fi'), [
    'Luettu',
    'Todisteellinen tiedoksianto',
    'Tiedoksisaanti 12.3.2025',
    'Vastattavissa',
  ]);
  assert.deepEqual(chips('sv').slice(2), ['Delgiven 12.3.2025', 'Kan besvaras']);
  assert.deepEqual(chips('en').slice(2), ['Deemed received 12/03/2025', 'You can reply']);
  const plain = render(<MessageList ctx={pageContext()} label="x" items={[folderItem()]} />);
  assert.doesNotMatch(plain, /Vastattavissa|Tiedoksisaanti/);
});
