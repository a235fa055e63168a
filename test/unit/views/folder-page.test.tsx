import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginOutcomePage } from '../../../src/http/views/account/login-pages.js';
import { OpenAccountPage } from '../../../src/http/views/account/open-account-page.js';
import { CloseAccountPage, SettingsPage } from '../../../src/http/views/account/settings-pages.js';
import { ComposePage } from '../../../src/http/views/mailbox/compose-page.js';
import { FolderPage, folderHref } from '../../../src/http/views/mailbox/folder-page.js';
import { MessagePage } from '../../../src/http/views/mailbox/message-page.js';
import type { FolderPage as FolderData } from '../../../src/modules/mailbox/types.js';
import { folderItem, opened } from './sample-pages.js';
import { pageContext, render } from './render.js';

function folder(data: Partial<FolderData>, locale: 'fi' | 'sv' | 'en' = 'fi'): string {
  const full: FolderData = { folder: 'inbox', order: 'newest', page: 1, hasNext: false, items: [], ...data };
  return render(<FolderPage ctx={pageContext({ signedIn: true, locale })} data={full} readOnly={false} />);
}

/** The breadcrumb trail's steps as text; the current page in brackets. */
function trail(html: string): string[] {
  const list = /<nav class="breadcrumbs" aria-label="[^"]+"><ol>(.*?)<\/ol><\/nav>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => {
    const text = m[1]!.replace(/<[^>]*>/g, '');
    return m[1]!.includes('aria-current="page"') ? `[${text}]` : text;
  });
}

test('folder address: the defaults (newest first, page 1) are left out of it', () => {
  assert.equal(folderHref('inbox', 'newest', 1), '/mailbox/inbox');
  assert.equal(folderHref('sent', 'newest', 3), '/mailbox/sent?page=3');
  assert.equal(folderHref('deleted', 'oldest', 1), '/mailbox/deleted?order=oldest');
  assert.equal(folderHref('inbox', 'oldest', 2), '/mailbox/inbox?order=oldest&page=2');
});

test('folder page: the order as two links in a named group, the current one marked; paging keeps it', () => {
  const html = folder({
    order: 'oldest',
    page: 2,
    hasNext: true,
    items: [folderItem(), folderItem({ id: 2 })],
  });
  assert.match(
    html,
    /<div class="sort-control" role="group" aria-labelledby="sort-control-label"><span id="sort-control-label">Järjestys<\/span>/,
  );
  assert.match(html, /<a class="sort-control__link" href="\/mailbox\/inbox">Uusin ensin<\/a>/);
  assert.match(
    html,
    /<a class="sort-control__link" href="\/mailbox\/inbox\?order=oldest" aria-current="true">Vanhin ensin<\/a>/,
  );
  // Oldest first: the previous page holds older messages and the next one newer.
  assert.match(html, /href="\/mailbox\/inbox\?order=oldest" rel="prev">.*?Vanhemmat viestit/);
  assert.match(html, /href="\/mailbox\/inbox\?order=oldest&amp;page=3" rel="next">Uudemmat viestit/);
  const newest = folder({ page: 2, hasNext: true, items: [folderItem()] });
  assert.match(newest, /href="\/mailbox\/inbox" rel="prev">.*?Uudemmat viestit/);
  assert.match(newest, /href="\/mailbox\/inbox\?page=3" rel="next">Vanhemmat viestit/);
  assert.match(
    folder({ items: [folderItem(), folderItem({ id: 2 })] }, 'sv'),
    />Nyaste först<.*>Äldsta först</,
  );
  assert.match(
    folder({ items: [folderItem(), folderItem({ id: 2 })] }, 'en'),
    />Newest first<.*>Oldest first</,
  );
});

test('folder page: no order to choose with one message or none', () => {
  assert.doesNotMatch(folder({ items: [] }), /sort-control/);
  assert.doesNotMatch(folder({ items: [folderItem()] }), /sort-control/);
});

test('breadcrumbs: every mailbox and account page below the start page has a trail to it', () => {
  const ctx = pageContext({ signedIn: true });
  const none = { values: {}, problems: [], filesDropped: false };
  const contact = { email: '', emailNotifications: false, mobile: '', smsNotifications: false };
  const cases: Array<[string, string[]]> = [
    [folder({ folder: 'sent' }), ['Etusivu', '[Lähetetyt]']],
    [
      render(<MessagePage ctx={ctx} message={opened} readOnly={false} />),
      ['Etusivu', 'Poistetut', '[Päätös]'],
    ],
    [render(<ComposePage ctx={ctx} {...none} services={[]} />), ['Etusivu', '[Uusi viesti]']],
    [
      render(
        <ComposePage
          ctx={ctx}
          {...none}
          replyTo={{
            id: 7,
            title: 'Päätös',
            receivedAt: '2025-03-01T10:00:00.000Z',
            excerpt: 'Teksti',
            suggestedType: 'Selvitys',
            organisation: { fi: 'Kallio', sv: null, en: null },
            service: { fi: 'Sosiaalipalvelut', sv: null, en: null },
          }}
        />,
      ),
      ['Etusivu', 'Saapuneet', 'Päätös', '[Vastaa viestiin]'],
    ],
    [
      render(
        <SettingsPage
          ctx={ctx}
          values={{ ...contact, language: 'fi' }}
          problems={[]}
          saved={false}
          account={{
            openedAt: '2025-01-01T00:00:00Z',
            termsVersion: '1',
            termsAcceptedAt: '2025-01-01T00:00:00Z',
          }}
        />,
      ),
      ['Etusivu', '[Asetukset]'],
    ],
    [render(<CloseAccountPage ctx={ctx} />), ['Etusivu', 'Asetukset', '[Lopeta asiointitilin käyttö]']],
    [
      render(
        <OpenAccountPage
          ctx={ctx}
          person={{ firstNames: 'Kimmo', lastName: 'Mäkinen', birthDate: '1970-05-27' }}
          values={{ ...contact, acceptTerms: false }}
          problems={[]}
          reopening={false}
        />,
      ),
      ['Etusivu', '[Omat tiedot ja muistutukset]'],
    ],
    [
      render(<LoginOutcomePage ctx={pageContext()} outcome="loggedOut" />),
      ['Etusivu', '[Olet kirjautunut ulos]'],
    ],
  ];
  for (const [html, expected] of cases) assert.deepEqual(trail(html), expected);
});
