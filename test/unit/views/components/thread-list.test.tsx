import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThreadList } from '../../../../src/http/views/components/thread-list.js';
import { render } from '../render.js';

const entries = [
  {
    id: 1,
    at: '2025-03-10T08:05:00.000Z',
    party: 'Lähettäjä: Ylitornion kunta',
    title: 'Päätös',
    href: '/m/1',
  },
  { id: 2, at: '2025-03-11T08:05:00.000Z', party: 'Vastaanottaja: Ylitornion kunta', title: 'Kysymys' },
  {
    id: 3,
    at: '2025-03-12T08:05:00.000Z',
    party: 'Lähettäjä: Ylitornion kunta',
    title: 'Vastaus',
    href: '/m/3',
  },
];

test('thread list: oldest first, the current message marked and unlinked, others linked where they open', () => {
  const html = render(
    <ThreadList
      heading="Keskustelu"
      entries={entries}
      currentId={3}
      currentLabel="(tämä viesti)"
      locale="fi"
    />,
  );
  assert.match(
    html,
    /^<section aria-labelledby="thread-heading"><h2 id="thread-heading">Keskustelu<\/h2><ol class="thread-list">/,
  );
  assert.match(
    html,
    /<li class="thread-list__item"><p class="thread-list__when"><time datetime="2025-03-10T08:05:00.000Z">10\.3\.2025 klo 10\.05<\/time> · Lähettäjä: Ylitornion kunta<\/p><p class="thread-list__title"><a href="\/m\/1">Päätös<\/a><\/p><\/li>/,
  );
  assert.match(html, /<p class="thread-list__title">Kysymys<\/p>/);
  assert.match(
    html,
    /<li class="thread-list__item thread-list__item--current">.*<span aria-current="page">Vastaus \(tämä viesti\)<\/span>/,
  );
  assert.doesNotMatch(html, /href="\/m\/3"/);
});

test('thread list: nothing without a thread', () => {
  assert.equal(
    render(<ThreadList heading="Keskustelu" entries={[]} currentId={1} currentLabel="" locale="fi" />),
    '',
  );
});
