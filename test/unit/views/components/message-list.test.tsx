import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageList } from '../../../../src/http/views/components/message-list.js';
import { folderItem } from '../sample-pages.js';
import { pageContext, render } from '../render.js';

test('message list: unread items stand out and carry their tags; sealed titles stay hidden', () => {
  const html = render(
    <MessageList
      ctx={pageContext()}
      label="Viestit"
      items={[
        folderItem({ id: 1, title: 'Päätös', unread: true, hasAttachments: true }),
        folderItem({ id: 2, title: null, verifiable: true, awaitingAcknowledgement: true }),
      ]}
    />,
  );
  assert.match(html, /^<ul class="message-list" aria-label="Viestit">/);
  assert.match(html, /<li class="message-list__item message-list__item--unread">.*<strong>Päätös<\/strong>/);
  assert.match(html, /<ul class="inline-list tag-list"><li>Uusi<\/li><li>Sisältää liitteitä<\/li><\/ul>/);
  assert.match(html, /<a href="\/mailbox\/messages\/2">Todisteellisesti tiedoksi annettava viesti<\/a>/);
});
