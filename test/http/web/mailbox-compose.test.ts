import assert from 'node:assert/strict';
import { formatDateTime } from '../../../src/http/views/mailbox/format.js';
import { before, describe, test } from 'node:test';
import { goodFile, issuePayloads } from '../../helpers/attachment-samples.js';
import { type CitizenSession, postMultipartForm } from '../../helpers/citizen-session.js';
import { type OrganisationFixture } from '../../helpers/fixtures.js';
import { sampleFiles } from '../../helpers/sample-files.js';
import { attachmentsOf, eventTypesOf, messageRow, rowCounts } from '../../helpers/stored-rows.js';
import type { FormFile } from '../../helpers/multipart-form.js';
import { useMailboxPages } from '../../helpers/suite-harness.js';

describe('mailbox pages: new messages and replies', () => {
  const { h, accounts, sessions } = useMailboxPages();
  let kallio: OrganisationFixture;
  let noMessages: OrganisationFixture;
  before(async () => {
    kallio = await h.fixtures.organisation({
      nameFi: 'Peruspalvelukuntayhtymä Kallio',
      serviceNameFi: 'Asiakasviestit',
    });
    noMessages = await h.fixtures.organisation({
      nameFi: 'Hiljainen kunta',
      acceptsMessages: false,
    });
  });

  function send(
    url: string,
    fields: Array<[string, string]>,
    files: FormFile[] = [],
    session: CitizenSession = sessions.kimmo,
  ) {
    return postMultipartForm(h, session, url, fields, files);
  }

  /** A message to Kimmo that he may answer, from an organisation that takes no new messages. */
  const answerable = (fields: { title: string; body?: string }) =>
    h.fixtures.message({
      accountId: accounts.kimmo,
      organisation: noMessages,
      replyAllowed: true,
      ...fields,
    });

  const newMessage = (extra: Array<[string, string]> = []): Array<[string, string]> => [
    ['_csrf', sessions.kimmo.csrfToken],
    ['service', String(kallio.servicePk)],
    ['citizenType', 'Oikaisuvaatimus'],
    ['title', 'Oikaisuvaatimus päätökseen'],
    ['body', 'Vaadin päätöksen oikaisua.'],
    ...extra,
  ];

  test('the form offers services that accept messages and the four types', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/mailbox/new', cookies: sessions.kimmo.cookies });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('enctype="multipart/form-data"'));
    assert.ok(page.body.includes(`value="${kallio.servicePk}"`));
    assert.ok(!page.body.includes(`value="${noMessages.servicePk}"`));
    for (const label of ['Hakemus', 'Selvitys', 'Oikaisuvaatimus', 'Muu viesti tai ilmoitus']) {
      assert.ok(page.body.includes(label), label);
    }
    assert.ok(page.body.includes(`name="_csrf" value="${sessions.kimmo.csrfToken}"`));
  });

  test('sending stores the message and attachments and reaches the organisation as an event', async () => {
    const response = await send('/mailbox/new', newMessage(), [
      { fileName: 'liite.pdf', content: sampleFiles.pdf, contentType: 'application/pdf' },
      { fileName: 'selvitys.txt', content: sampleFiles.text, contentType: 'text/plain' },
    ]);
    assert.equal(response.statusCode, 303);
    const match = /^\/mailbox\/messages\/(\d+)\?notice=sent$/.exec(String(response.headers.location));
    assert.ok(match, String(response.headers.location));
    const id = Number(match[1]);
    const row = await messageRow(h, id);
    assert.equal(row.direction, 'from_citizen');
    assert.equal(row.account_id, accounts.kimmo);
    assert.equal(row.citizen_type, 'Oikaisuvaatimus');
    assert.deepEqual(await eventTypesOf(h.context, id), ['Electronic message from end user']);
    const page = await h.app.inject({
      method: 'GET',
      url: String(response.headers.location),
      cookies: sessions.kimmo.cookies,
    });
    assert.ok(page.body.includes('Viesti on lähetetty.'));
    assert.ok(page.body.includes('Oikaisuvaatimus päätökseen'));
    assert.ok(page.body.includes('liite.pdf'));
    assert.ok(page.body.includes('selvitys.txt'));
  });

  test('an empty file input is ignored', async () => {
    const response = await send('/mailbox/new', newMessage(), [{ fileName: '', content: Buffer.alloc(0) }]);
    assert.equal(response.statusCode, 303);
  });

  test('without the CSRF token nothing is stored', async () => {
    const before = await rowCounts(h);
    const missing = await send('/mailbox/new', newMessage().slice(1), [
      { fileName: 'a.pdf', content: sampleFiles.pdf },
    ]);
    assert.equal(missing.statusCode, 403);
    const wrong = await send('/mailbox/new', [['_csrf', 'x'.repeat(43)], ...newMessage().slice(1)]);
    assert.equal(wrong.statusCode, 403);
    const reordered = await send('/mailbox/new', [], [{ fileName: 'a.pdf', content: sampleFiles.pdf }]);
    assert.equal(reordered.statusCode, 403);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('a file over 10 MiB → 413, a type not accepted → 415, and nothing is stored', async () => {
    const before = await rowCounts(h);
    const big = Buffer.concat([sampleFiles.pdf, Buffer.alloc(10_485_760 - sampleFiles.pdf.length + 1, 0x20)]);
    const tooLarge = await send('/mailbox/new', newMessage(), [{ fileName: 'iso.pdf', content: big }]);
    assert.equal(tooLarge.statusCode, 413);
    assert.ok(tooLarge.body.includes('Liite iso.pdf on liian suuri'));
    assert.ok(tooLarge.body.includes('Valitse liitteet uudelleen'));
    assert.ok(tooLarge.body.includes('Oikaisuvaatimus päätökseen'), 'typed values are kept');
    const wrongType = await send('/mailbox/new', newMessage(), [
      { fileName: 'kuva.gif', content: sampleFiles.gif },
    ]);
    assert.equal(wrongType.statusCode, 415);
    assert.ok(wrongType.body.includes('Liitteen kuva.gif tiedostotyyppiä ei hyväksytä.'));
    assert.deepEqual(await rowCounts(h), before);
  });

  test('the issue’s files come back as field errors naming the file, and nothing is stored', async () => {
    const before = await rowCounts(h);
    for (const payload of Object.values(issuePayloads)) {
      const response = await send('/mailbox/new', newMessage(), [
        { fileName: payload.fileName, content: payload.content, contentType: payload.declaredType },
      ]);
      assert.equal(response.statusCode, 415, payload.fileName);
      const fieldError = /<p class="field-error" id="attachments-error">([^<]*)<\/p>/.exec(response.body);
      assert.equal(fieldError?.[1], `Liitteen ${payload.fileName} tiedostotyyppiä ei hyväksytä.`);
    }
    const mismatch = await send('/mailbox/new', newMessage(), [
      { fileName: 'selvitys.pdf', content: sampleFiles.text, contentType: 'application/pdf' },
    ]);
    assert.equal(mismatch.statusCode, 415);
    assert.ok(
      mismatch.body.includes(
        'Liitteen selvitys.pdf tiedostotyyppi (PDF) ei vastaa sen sisältöä (TXT). Tarkista, että valitsit oikean tiedoston.',
      ),
    );
    const declared = await send('/mailbox/new', newMessage(), [
      { fileName: 'skannattu', content: sampleFiles.pdf, contentType: 'image/png' },
    ]);
    assert.equal(declared.statusCode, 415);
    assert.ok(
      declared.body.includes('Liitteen skannattu tiedostotyyppi (PNG) ei vastaa sen sisältöä (PDF).'),
    );
    assert.deepEqual(await rowCounts(h), before);
  });

  test('the mismatch is explained in the user’s language', async () => {
    const file = { fileName: 'selvitys.pdf', content: sampleFiles.text, contentType: 'application/pdf' };
    const expected: Array<[string, string]> = [
      ['sv', 'Filtypen för bilagan selvitys.pdf (PDF) motsvarar inte innehållet (TXT).'],
      ['en', 'The file type of the attachment selvitys.pdf (PDF) does not match its content (TXT).'],
    ];
    for (const [lang, text] of expected) {
      const session = { ...sessions.kimmo, cookies: { ...sessions.kimmo.cookies, lang } };
      const response = await send('/mailbox/new', newMessage(), [file], session);
      assert.equal(response.statusCode, 415, lang);
      assert.ok(response.body.includes(text), lang);
    }
  });

  test('good files of other types are stored as detected, a name without an extension gets one', async () => {
    const docx = goodFile('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const response = await send('/mailbox/new', newMessage(), [
      { fileName: docx.fileName, content: docx.content, contentType: docx.mediaType },
      { fileName: 'kuva', content: goodFile('image/jpeg').content, contentType: 'image/jpeg' },
    ]);
    assert.equal(response.statusCode, 303);
    const id = Number(/messages\/(\d+)/.exec(String(response.headers.location))![1]);
    const rows = await attachmentsOf(h, id);
    assert.deepEqual(
      rows.map(({ file_name, media_type }) => ({ file_name, media_type })),
      [
        { file_name: docx.fileName, media_type: docx.mediaType },
        { file_name: 'kuva.jpg', media_type: 'image/jpeg' },
      ],
    );
  });

  test('exactly 10 MiB is accepted', async () => {
    const exact = Buffer.concat([sampleFiles.pdf, Buffer.alloc(10_485_760 - sampleFiles.pdf.length, 0x20)]);
    const response = await send('/mailbox/new', newMessage(), [{ fileName: 'raja.pdf', content: exact }]);
    assert.equal(response.statusCode, 303);
  });

  test('more than 50 attachments are refused', async () => {
    const files = Array.from({ length: 52 }, (_, i) => ({ fileName: `${i}.txt`, content: sampleFiles.text }));
    const response = await send('/mailbox/new', newMessage(), files);
    assert.equal(response.statusCode, 400);
    assert.ok(response.body.includes('Liitteitä voi olla enintään 50.'));
  });

  test('missing fields come back with errors next to them', async () => {
    const response = await send('/mailbox/new', [
      ['_csrf', sessions.kimmo.csrfToken],
      ['title', ''],
    ]);
    assert.equal(response.statusCode, 400);
    for (const text of [
      'Valitse palvelu',
      'Valitse viestin tyyppi.',
      'Kirjoita otsikko.',
      'Kirjoita viesti.',
    ]) {
      assert.ok(response.body.includes(text), text);
    }
    assert.ok(response.body.includes('aria-invalid="true"'));
  });

  test('a service that does not accept messages cannot be chosen by editing the form', async () => {
    const fields = newMessage().map(([k, v]): [string, string] =>
      k === 'service' ? [k, String(noMessages.servicePk)] : [k, v],
    );
    const response = await send('/mailbox/new', fields);
    assert.equal(response.statusCode, 400);
  });

  test('reply: form, send, threaded, and shown as the conversation', async () => {
    const { messageId } = await answerable({
      title: 'Lisätietopyyntö',
      body: `Hei,\n\ntarvitsemme vuokrasopimuksen kopion. ${'Lisää tekstiä. '.repeat(40)}Loppu jää pois.`,
    });
    const original = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${messageId}`,
      cookies: sessions.kimmo.cookies,
    });
    assert.ok(original.body.includes(`href="/mailbox/messages/${messageId}/reply"`));
    const form = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${messageId}/reply`,
      cookies: sessions.kimmo.cookies,
    });
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes('value="Vs: Lisätietopyyntö"'));
    // The message being answered, quoted: sender, title, arrival and the start of its body.
    const quoted = /<section aria-labelledby="replying-to-heading">([\s\S]*?)<\/section>/.exec(
      form.body,
    )?.[1];
    assert.ok(quoted, 'the quoted message');
    assert.match(quoted, /<h2 id="replying-to-heading">Vastaat viestiin<\/h2>/);
    assert.match(quoted, /<dt>Lähettäjä<\/dt><dd>Hiljainen kunta – /);
    assert.match(quoted, new RegExp(`<a href="/mailbox/messages/${messageId}">Lisätietopyyntö</a>`));
    const arrived = (await messageRow(h, messageId)).available_at!;
    assert.ok(quoted.includes(`<time datetime="${arrived}">${formatDateTime(arrived, 'fi')}</time>`));
    assert.match(
      quoted,
      /<blockquote[^>]*><p>Hei, tarvitsemme vuokrasopimuksen kopion\. Lisää tekstiä\.[^<]*…<\/p><\/blockquote>/,
    );
    assert.doesNotMatch(quoted, /Loppu jää pois/, 'an excerpt, not the whole body');
    // A request for additional information is answered as a clarification by default.
    assert.match(form.body, /id="type-Selvitys"[^>]*checked/);
    assert.doesNotMatch(form.body, /id="type-Muu"[^>]*checked/);
    const response = await send(`/mailbox/messages/${messageId}/reply`, [
      ['_csrf', sessions.kimmo.csrfToken],
      ['citizenType', 'Selvitys'],
      ['title', 'Vs: Lisätietopyyntö'],
      ['body', 'Tässä lisätiedot.'],
    ]);
    assert.equal(response.statusCode, 303);
    const id = Number(/messages\/(\d+)/.exec(String(response.headers.location))![1]);
    const row = await messageRow(h, id);
    assert.equal(row.in_reply_to, messageId);
    assert.equal(row.thread_id, messageId);
    assert.equal(row.service_pk, noMessages.servicePk);
    assert.deepEqual(await eventTypesOf(h.context, id), ['Electronic message from end user']);
    const page = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${id}`,
      cookies: sessions.kimmo.cookies,
    });
    assert.ok(page.body.includes('Viestiketju'));
    assert.ok(page.body.includes(`href="/mailbox/messages/${messageId}"`));
  });

  test('a reply to anything but a request for clarification starts as "other"', async () => {
    const { messageId } = await answerable({ title: 'Päätös toimeentulotuesta' });
    const form = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${messageId}/reply`,
      cookies: sessions.kimmo.cookies,
    });
    assert.match(form.body, /id="type-Muu"[^>]*checked/);
    assert.doesNotMatch(form.body, /id="type-(Selvitys|Oikaisuvaatimus|Hakemus)"[^>]*checked/);
  });

  test('no reply where the sender did not allow it, nor to someone else’s message', async () => {
    const closed = await h.fixtures.message({ accountId: accounts.kimmo, organisation: kallio });
    const page = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${closed.messageId}`,
      cookies: sessions.kimmo.cookies,
    });
    assert.ok(!page.body.includes('/reply"'));
    const form = await h.app.inject({
      method: 'GET',
      url: `/mailbox/messages/${closed.messageId}/reply`,
      cookies: sessions.kimmo.cookies,
    });
    assert.equal(form.statusCode, 403);
    const fields: Array<[string, string]> = [
      ['_csrf', sessions.kimmo.csrfToken],
      ['citizenType', 'Muu'],
      ['title', 'x'],
      ['body', 'y'],
    ];
    assert.equal((await send(`/mailbox/messages/${closed.messageId}/reply`, fields)).statusCode, 403);
    const maijas = await h.fixtures.message({
      accountId: accounts.maija,
      organisation: kallio,
      replyAllowed: true,
    });
    const before = await rowCounts(h);
    assert.equal((await send(`/mailbox/messages/${maijas.messageId}/reply`, fields)).statusCode, 404);
    assert.deepEqual(await rowCounts(h), before);
  });
});
