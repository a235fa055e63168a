import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ApiClient } from '../helpers/api-client.js';
import { signedInOrganisation } from '../helpers/api-session.js';
import { postMultipartForm, signInAs } from '../helpers/citizen-session.js';
import { type ApiOrganisation, newBusinessId, persons } from '../helpers/fixtures.js';
import { electronicRequest, paperMailPart } from '../helpers/api-requests.js';
import { tinyPdf } from '../helpers/sample-files.js';
import { rowCounts } from '../helpers/stored-rows.js';
import { createHarness, type TestHarness } from '../helpers/test-app.js';

/** "Lasku exe.pdf" on screen, "Lasku ‮fdp.exe" in fact. */
const disguised = 'Lasku \u202efdp.exe';

describe('text that would display as something else is refused', () => {
  let h: TestHarness;
  let org: ApiOrganisation;
  let api: ApiClient;
  let citizen: { id: number; identityCode: string };
  before(async () => {
    h = await createHarness({ now: '2026-05-04T09:00:00Z' });
    ({ org, api } = await signedInOrganisation(h));
    citizen = await h.fixtures.account();
  });
  after(() => h.close());

  const refusedNaming = async (url: string, body: unknown, field: string, codePoint: string) => {
    const before = await rowCounts(h);
    const response = await api.post(url, body);
    assert.equal(response.statusCode, 400, response.body);
    const reason = response.json<{ reason: string }>().reason;
    assert.ok(reason.startsWith(`${field}: `), reason);
    assert.ok(reason.includes(codePoint), reason);
    assert.deepEqual(await rowCounts(h), before, 'nothing stored');
  };

  test('a bidirectional override in a title, body or link text of an API message', async () => {
    const send = (electronic: Record<string, unknown>) =>
      electronicRequest(org, citizen.identityCode, electronic);
    await refusedNaming('/v2/messages/electronic', send({ title: disguised }), 'electronic.title', 'U+202E');
    await refusedNaming(
      '/v2/messages/electronic',
      send({ body: 'Katso [ohje\u2067.exe](https://example.fi/ohje.pdf)', bodyFormat: 'Markdown' }),
      'electronic.body',
      'U+2067',
    );
    await refusedNaming('/v2/messages/electronic', send({ body: 'Hei\u0007' }), 'electronic.body', 'U+0007');
    await refusedNaming(
      '/v2/messages/electronic',
      send({ title: 'Kaksi\nriviä' }),
      'electronic.title',
      'U+000A',
    );
    await refusedNaming(
      '/v1/messages/electronic',
      {
        externalId: 'v1-deceptive',
        recipient: { id: citizen.identityCode },
        sender: { serviceId: org.serviceId },
        electronic: { title: disguised, body: 'Hei' },
      },
      'electronic.title',
      'U+202E',
    );
  });

  test('customised notification texts and paper addresses are checked too', async () => {
    const texts = { fi: 'Uusi viesti', sv: 'Nytt meddelande', en: 'New message' };
    const custom = electronicRequest(org, citizen.identityCode, {
      notifications: {
        senderDetailsInNotifications: 'None',
        unreadMessageNotification: { reminder: 'Default reminder' },
        customisedNewMessageNotification: {
          title: { ...texts, sv: 'Nytt \u202dmeddelande' },
          content: texts,
        },
      },
    });
    await refusedNaming(
      '/v2/messages/electronic',
      custom,
      'electronic.notifications.customisedNewMessageNotification.title.sv',
      'U+202D',
    );

    const upload = await api.upload(tinyPdf(), 'kirje.pdf');
    const attachmentId = upload.json<{ attachmentId: string }>().attachmentId;
    const paper = paperMailPart(attachmentId);
    paper.recipient.address.name = 'Kimmo \u202eMäkinen';
    await refusedNaming(
      '/v2/paper-mail-without-id',
      { externalId: 'paper-deceptive', sender: { serviceId: org.serviceId }, paperMail: paper },
      'paperMail.recipient.address.name',
      'U+202E',
    );
  });

  test('ordinary Finnish and Swedish text with tabs and line breaks is accepted', async () => {
    const response = await api.post(
      '/v2/messages/electronic',
      electronicRequest(org, citizen.identityCode, {
        title: 'Päätös\tÅland – “asumistuki”',
        body: 'Hei,\r\n\r\nohessa päätös.\tKiitos!',
      }),
    );
    assert.equal(response.statusCode, 200, response.body);
  });

  test('a citizen cannot send a disguised title or body; the form says why', async () => {
    const kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    await h.fixtures.account({ identityCode: persons.maija });
    const session = await signInAs(h, persons.maija);
    for (const [title, body, field] of [
      [disguised, 'Vaadin oikaisua.', 'title'],
      ['Oikaisuvaatimus', 'Liite: \u2066paatos.pdf', 'body'],
    ] as const) {
      const before = await rowCounts(h);
      const response = await postMultipartForm(h, session, '/mailbox/new', [
        ['_csrf', session.csrfToken],
        ['service', String(kallio.servicePk)],
        ['citizenType', 'Oikaisuvaatimus'],
        ['title', title],
        ['body', body],
      ]);
      assert.equal(response.statusCode, 400, field);
      assert.ok(response.body.includes('näkymätön ohjausmerkki'), field);
      assert.match(
        response.body,
        new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`),
      );
      assert.deepEqual(await rowCounts(h), before, 'nothing stored');
    }
  });

  test('organisation and service names are checked when an operator adds them', async () => {
    await assert.rejects(
      h.services.organisations.addOrganisation({ businessId: newBusinessId(), nameFi: 'Kunta \u202e' }),
      /name: contains a bidirectional control character \(U\+202E\)/,
    );
  });
});
