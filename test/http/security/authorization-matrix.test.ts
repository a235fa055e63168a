import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { multipartForm } from '../../helpers/multipart-form.js';
import { browserRequest, type CookieJar } from '../../helpers/oidc-login.js';
import { registeredRoutes } from '../../helpers/route-table.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import {
  addBuildingService,
  adminServiceForm,
  adminServiceInput,
  citizenBrowser,
  grantStaff,
} from '../../helpers/staff-fixtures.js';
import { signInStaff, type StaffBrowser } from '../../helpers/staff-session.js';
import { rowCounts, storedRow } from '../../helpers/stored-rows.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V4.1.2, 4.1.3, 4.2.1 (and 4.1.5: fail closed): the authorization matrix. Every route
 * whose path names a resource (`:id`, `:attachmentId`, `:serviceId`, `:username` …) is read from the
 * app's own route table; each must have an entry here or a stated exemption, so a route added later
 * fails the first test until someone decides who may use it.
 *
 * Each entry builds a fresh resource owned by one party through the real services (a message sent
 * through the API, a consent recorded, credentials created), then asks for it as every party that
 * must not have it: another citizen, another organisation's API token, staff of another
 * organisation, staff of the same organisation without the role or service, and the parties' other
 * kinds of credential (a citizen's cookie on the API or the staff pages, a token or a staff cookie
 * on the citizen's pages). Each must be refused
 * (404 as for a missing row, 401/403, or a redirect to a sign-in), never 2xx and never 5xx; the
 * owner's stored rows must not change; and last the owner is answered, which proves the request was
 * right and the refusal was not a typo in the test.
 *
 * The narrower tests of each area (test/http/staff/*-authorization.test.ts,
 * test/http/web/consent-authorization.test.ts, test/http/api/*.test.ts) check more about each
 * refusal (audit rows, lists, navigation); this file checks that no route is left out. Ids given in
 * a query or a body rather than the path are scoped in their areas' tests: the externalId lookup
 * (test/http/api/queries.test.ts), the event feeds (test/http/api/events.test.ts,
 * v1-events.test.ts), uploads named in a send (v1-uploads-queries.test.ts, messages.test.ts) and
 * the staff roles form (test/http/staff/admin-authorization.test.ts).
 */

const { tiina, anneli, jari, minna } = staffPersons;

/** Routes whose parameter names no resource of anyone's, and why they need no matrix entry. */
const exempt: Record<string, string> = {
  'GET /language/:locale': 'a display preference (fi/sv/en) kept in a cookie; no resource',
  'GET /text-size/:size': 'a display preference kept in a cookie; no resource',
  'GET /consent-form/:businessId.pdf':
    "the blank printable consent form of a public organisation; public by design, holds nobody's data",
  'GET /test-idp/interaction/:uid':
    'the bundled test identification service (test and demo mode only); oidc-provider binds the interaction to its own cookie',
  'POST /test-idp/interaction/:uid/login':
    'the bundled test identification service (test and demo mode only)',
  'POST /test-idp/interaction/:uid/abort':
    'the bundled test identification service (test and demo mode only)',
  '* /test-idp*': "the bundled test identification service's own endpoints (oidc-provider)",
};

type Party = 'kimmo' | 'maija' | 'ylitornioApi' | 'kallioApi' | 'tiina' | 'minna' | 'jari' | 'anneli';

/** Who each party is, for test names. */
const described: Record<Party, string> = {
  kimmo: 'the citizen Kimmo',
  maija: 'another citizen',
  ylitornioApi: "Ylitornio's API credentials",
  kallioApi: "another organisation's API credentials",
  tiina: "a case worker of Ylitornio's social services",
  minna: "a case worker of Ylitornio's other service only",
  jari: 'an admin of Ylitornio who is no case worker',
  anneli: 'staff (admin and case worker) of another organisation',
};

interface Target {
  url: string;
  /** A urlencoded form (staff and citizen posts get their CSRF token added). */
  form?: Record<string, string>;
  /** A multipart form's fields (the party's CSRF token is put first). */
  multipart?: Array<[string, string]>;
  /** Text of the owner's that no refusal may show. */
  marker?: string;
  /** The stored state the route could change; compared before and after the refusals. */
  state: () => Promise<unknown>;
}

interface Entry {
  owner: Party;
  /** What the owner's own request answers. */
  ownerStatus: number;
  intruders: Party[];
  target: () => Promise<Target>;
}

interface Answer {
  statusCode: number;
  body: string;
  location: string | undefined;
}

/** An injected response as the matrix reads it. */
function answerOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }): Answer {
  const location = response.headers.location;
  return {
    statusCode: response.statusCode,
    body: response.body,
    location: typeof location === 'string' ? location : undefined,
  };
}

describe(`ASVS 4.2.1 authorization matrix (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let ylitornio: ApiOrganisation;
  let kallio: ApiOrganisation;
  const api = {} as Record<'ylitornioApi' | 'kallioApi', ApiClient>;
  const citizens = {} as Record<'kimmo' | 'maija', { jar: CookieJar; csrfToken: string }>;
  const staff = {} as Record<'tiina' | 'minna' | 'jari' | 'anneli', StaffBrowser>;
  let kimmoAccount: number;

  before(async () => {
    ylitornio = await h.fixtures.apiOrganisation({ nameFi: 'Ylitornion kunta' });
    kallio = await h.fixtures.apiOrganisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
    const building = await addBuildingService(h, ylitornio);
    kimmoAccount = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    await h.fixtures.account({ identityCode: persons.maija });
    api.ylitornioApi = new ApiClient(h);
    await api.ylitornioApi.login(ylitornio);
    api.kallioApi = new ApiClient(h);
    await api.kallioApi.login(kallio);
    citizens.kimmo = await citizenBrowser(h, persons.kimmo);
    citizens.maija = await citizenBrowser(h, persons.maija);
    await grantStaff(h, [
      [tiina, ylitornio, 'case_worker', [ylitornio.serviceId]],
      [minna, ylitornio, 'case_worker', [building.serviceId]],
      [jari, ylitornio, 'admin'],
      [anneli, kallio, 'admin'],
      [anneli, kallio, 'case_worker'],
    ]);
    for (const person of ['tiina', 'minna', 'jari', 'anneli'] as const) {
      staff[person] = await signInStaff(h, staffPersons[person]);
    }
  });

  /** One request as the party: its session, token or cookies, and its CSRF token on a post. */
  async function as(party: Party, method: 'GET' | 'POST', target: Target): Promise<Answer> {
    if (party === 'ylitornioApi' || party === 'kallioApi') {
      const response = await h.app.inject({
        method,
        url: target.url,
        headers: { authorization: `Bearer ${api[party].token}` },
      });
      return answerOf(response);
    }
    const browser = party === 'kimmo' || party === 'maija' ? citizens[party] : staff[party];
    if (target.multipart) {
      const form = multipartForm([['_csrf', browser.csrfToken], ...target.multipart]);
      const response = await h.app.inject({
        method,
        url: target.url,
        headers: { ...form.headers, cookie: browser.jar.header(target.url) },
        payload: form.payload,
      });
      return answerOf(response);
    }
    const form = method === 'POST' ? { _csrf: browser.csrfToken, ...target.form } : undefined;
    return browserRequest(h, browser.jar, method, target.url, form);
  }

  /** A message Ylitornio sends to Kimmo through the API (so it has its evidence), with a PDF. */
  async function sentToKimmo(electronic: Record<string, unknown> = {}) {
    const title = `Päätös ${randomUUID()}`;
    const upload = await api.ylitornioApi.upload(tinyPdf(), 'paatos.pdf');
    assert.equal(upload.statusCode, 201, upload.body);
    const attachmentId = upload.json<{ attachmentId: string }>().attachmentId;
    const sent = await api.ylitornioApi.post(
      '/v2/messages/electronic',
      electronicRequest(ylitornio, persons.kimmo, { title, attachments: [{ attachmentId }], ...electronic }),
    );
    assert.equal(sent.statusCode, 200, sent.body);
    const messageId = sent.json<{ messageId: number }>().messageId;
    const state = () => storedRow(h, 'messages', 'id', messageId);
    return { messageId, attachmentId, title, state };
  }

  /** A message Kimmo wrote to Ylitornio's social services, with an attachment. */
  async function fromKimmo() {
    const title = `Hakemus ${randomUUID()}`;
    const written = await h.fixtures.citizenMessage({
      organisation: ylitornio,
      accountId: kimmoAccount,
      title,
      attachment: { fileName: 'liite.pdf', mediaType: 'application/pdf', content: tinyPdf() },
    });
    const state = () => storedRow(h, 'messages', 'id', written.messageId);
    return { ...written, title, state };
  }

  /** A delivery consent Kimmo gave Ylitornio, as its staff record it. */
  async function kimmosConsent() {
    const recorded = await h.services.consents.record({
      organisationId: ylitornio.id,
      identityCode: persons.kimmo,
      channel: 'in_person',
      givenOn: '2025-03-09',
      recordedBy: {},
    });
    const id = recorded.consent.id;
    return { id, state: () => storedRow(h, 'delivery_consents', 'id', id) };
  }

  async function ylitornioCredential() {
    const created = await h.services.organisationAdmin.createCredential(
      ylitornio.id,
      { allowIps: [] },
      { staffMemberId: 1 },
    );
    const username = created.username;
    return {
      page: `/virkailija/hallinta/tunnukset/${username}`,
      state: () => storedRow(h, 'api_credentials', 'username', username),
    };
  }

  async function ylitornioService() {
    const added = await h.services.organisations.addService({
      businessId: ylitornio.businessId,
      serviceId: `palvelu-${randomUUID().slice(0, 8)}`,
      nameFi: 'Ympäristöpalvelut',
      acceptsMessages: true,
    });
    return {
      page: `/virkailija/hallinta/palvelut/${added.serviceId}`,
      state: () => storedRow(h, 'services', 'id', added.id),
    };
  }

  // Each area also refuses the other kinds of credential of the very parties involved: the sending
  // organisation's token and its case worker on the citizen's pages, the recipient's session and
  // the organisation's case worker on the API, the citizen and the token on the staff pages. Those
  // answer 401 or send to a sign-in: no cookie or token is ever taken for another kind.
  const otherCitizen: Party[] = ['maija', 'ylitornioApi', 'tiina'];
  const otherOrganisationApi: Party[] = ['kallioApi', 'kimmo', 'tiina'];
  // The staff who may not see a case of Ylitornio's social services: another organisation's, the
  // same organisation's case worker of another service, and its admin who is no case worker.
  const notCaseWorkers: Party[] = ['anneli', 'minna', 'jari', 'kimmo', 'ylitornioApi'];
  const notAdmins: Party[] = ['anneli', 'tiina', 'minna', 'kimmo', 'ylitornioApi'];

  /**
   * The entries of one area: who owns its resources, who must be refused them, and per route how its
   * target is made. The owner is answered 200 on a GET (the page or the API's answer) and 303 on a
   * POST (the form's redirect after the change).
   */
  const area = (owner: Party, intruders: Party[], targets: Record<string, () => Promise<Target>>) =>
    Object.fromEntries(
      Object.entries(targets).map(([route, target]): [string, Entry] => [
        route,
        { owner, ownerStatus: route.startsWith('GET ') ? 200 : 303, intruders, target },
      ]),
    );

  type Sent = Awaited<ReturnType<typeof sentToKimmo>>;
  type Received = Awaited<ReturnType<typeof fromKimmo>>;
  /** A target on a fresh message of Ylitornio's to Kimmo; `shows` when the answer shows its title. */
  const onSent =
    (url: (m: Sent) => string, more: Omit<Target, 'url' | 'state'> & { shows?: boolean } = {}, kind = {}) =>
    async (): Promise<Target> => {
      const m = await sentToKimmo(kind);
      const { shows, ...rest } = more;
      return { url: url(m), state: m.state, ...(shows ? { marker: m.title } : {}), ...rest };
    };
  /** A target on a fresh message of Kimmo's to Ylitornio's social services. */
  const onReceived =
    (url: (m: Received) => string, more: Omit<Target, 'url' | 'state'> & { shows?: boolean } = {}) =>
    async (): Promise<Target> => {
      const m = await fromKimmo();
      const { shows, ...rest } = more;
      const withCounts = rest.form ? async () => [await m.state(), await rowCounts(h)] : m.state;
      return { url: url(m), state: withCounts, ...(shows ? { marker: m.title } : {}), ...rest };
    };
  const onConsent = (url: (id: number) => string) => async (): Promise<Target> => {
    const c = await kimmosConsent();
    return { url: url(c.id), form: {}, state: c.state };
  };
  /** A target under the admin page of a fresh object `make` creates, with the form to post, if any. */
  const onAdminPage =
    (make: () => Promise<{ page: string; state: () => Promise<unknown> }>) =>
    (suffix: string, form?: Record<string, string>) =>
    async (): Promise<Target> => {
      const { page, state } = await make();
      return { url: `${page}${suffix}`, state, ...(form ? { form } : {}) };
    };
  const onService = onAdminPage(ylitornioService);
  const onCredential = onAdminPage(ylitornioCredential);
  const mailbox = (m: { messageId: number }) => `/mailbox/messages/${m.messageId}`;
  const received = (m: { messageId: number }) => `/virkailija/saapuneet/${m.messageId}`;
  const answerable = { replyAllowedBy: 'Anyone' };

  const matrix: Record<string, Entry> = {
    ...area('kimmo', otherCitizen, {
      'GET /mailbox/messages/:id': onSent(mailbox, { shows: true }),
      'GET /mailbox/messages/:id/attachments/:attachmentId': onSent(
        (m) => `${mailbox(m)}/attachments/${m.attachmentId}`,
      ),
      'GET /mailbox/messages/:id/evidence': onSent((m) => `${mailbox(m)}/evidence`),
      'POST /mailbox/messages/:id/acknowledge': onSent(
        (m) => `${mailbox(m)}/acknowledge`,
        { form: {} },
        { messageServiceType: 'Verifiable' },
      ),
      'POST /mailbox/messages/:id/delete': onSent((m) => `${mailbox(m)}/delete`, { form: {} }),
      'POST /mailbox/messages/:id/restore': async () => {
        const target = await onSent((m) => `${mailbox(m)}/delete`, { form: {} })();
        assert.equal((await as('kimmo', 'POST', target)).statusCode, 303);
        return { ...target, url: target.url.replace(/delete$/, 'restore') };
      },
      'GET /mailbox/messages/:id/reply': onSent((m) => `${mailbox(m)}/reply`, { shows: true }, answerable),
      'POST /mailbox/messages/:id/reply': async () => {
        const reply: Array<[string, string]> = [
          ['citizenType', 'Selvitys'],
          ['title', 'Vastaus'],
          ['body', 'Kiitos päätöksestä.'],
        ];
        const target = await onSent((m) => `${mailbox(m)}/reply`, { multipart: reply }, answerable)();
        return { ...target, state: async () => [await target.state(), await rowCounts(h)] };
      },
      'POST /settings/consents/:id/withdraw': onConsent((id) => `/settings/consents/${id}/withdraw`),
    }),
    ...area('ylitornioApi', otherOrganisationApi, {
      'GET /v1/messages/:id': onReceived((m) => `/v1/messages/${m.messageId}`, { shows: true }),
      'GET /v1/messages/:id/state': onSent((m) => `/v1/messages/${m.messageId}/state`),
      'GET /v1/attachments/:id': onReceived((m) => `/v1/attachments/${m.attachmentId}`),
      'GET /v2/messages/:id': onReceived((m) => `/v2/messages/${m.messageId}`, { shows: true }),
      'GET /v2/messages/:id/evidence': onSent((m) => `/v2/messages/${m.messageId}/evidence`),
    }),
    ...area('tiina', notCaseWorkers, {
      'GET /virkailija/saapuneet/:id': onReceived(received, { shows: true }),
      'GET /virkailija/saapuneet/:id/liitteet/:attachmentId': onReceived(
        (m) => `${received(m)}/liitteet/${m.attachmentId}`,
      ),
      'POST /virkailija/saapuneet/:id/vastaa': onReceived((m) => `${received(m)}/vastaa`, {
        form: { replyKey: randomUUID(), title: 'Vs: hakemus', body: 'Vastaus' },
      }),
      'POST /virkailija/saapuneet/:id/kasitelty': onReceived((m) => `${received(m)}/kasitelty`, {
        form: { handled: '1' },
      }),
      'GET /virkailija/lahetetyt/:id': onSent((m) => `/virkailija/lahetetyt/${m.messageId}`, { shows: true }),
    }),
    // A consent is the organisation's, so any of its case workers (Minna too) handles it.
    ...area('tiina', ['anneli', 'jari', 'kimmo', 'ylitornioApi'], {
      'POST /virkailija/suostumukset/:id/peru': onConsent((id) => `/virkailija/suostumukset/${id}/peru`),
    }),
    ...area('jari', notAdmins, {
      'GET /virkailija/hallinta/palvelut/:serviceId': onService(''),
      'POST /virkailija/hallinta/palvelut/:serviceId': onService(
        '',
        adminServiceForm(adminServiceInput({ nameFi: 'Vallattu nimi' })),
      ),
      'GET /virkailija/hallinta/palvelut/:serviceId/poista-kaytosta': onService('/poista-kaytosta'),
      'POST /virkailija/hallinta/palvelut/:serviceId/poista-kaytosta': onService('/poista-kaytosta', {}),
      'GET /virkailija/hallinta/tunnukset/:username/peru': onCredential('/peru'),
      'POST /virkailija/hallinta/tunnukset/:username/peru': onCredential('/peru', {}),
      'GET /virkailija/hallinta/tunnukset/:username/sallitut-osoitteet': onCredential('/sallitut-osoitteet'),
      'POST /virkailija/hallinta/tunnukset/:username/sallitut-osoitteet': onCredential(
        '/sallitut-osoitteet',
        { allowedIps: '10.0.0.0/8' },
      ),
    }),
  };

  /** A refusal: not found or forbidden, or sent to sign in; never the resource, never a 5xx. */
  function assertRefused(answer: Answer, target: Target, who: string) {
    const { statusCode, location } = answer;
    const signIn = statusCode === 303 && /^\/(login|virkailija\/kirjaudu)\b/.test(location ?? '');
    assert.ok(
      [401, 403, 404].includes(statusCode) || signIn,
      `${who} got ${statusCode}${location ? ` → ${location}` : ''}: ${answer.body.slice(0, 200)}`,
    );
    if (target.marker)
      assert.equal(answer.body.includes(target.marker), false, `${who} saw the owner's data`);
  }

  test('ASVS 4.1.3, 4.2.1: every route that takes an id has a matrix entry or a stated exemption', () => {
    const parameterised = registeredRoutes(h.app)
      .filter((route) => /[:*{]/.test(route.url))
      .map((route) => `${route.method} ${route.url}`);
    const isExempt = (key: string) => key in exempt || `* ${key.slice(key.indexOf(' ') + 1)}` in exempt;
    const missing = parameterised.filter((key) => !(key in matrix) && !isExempt(key));
    assert.deepEqual(missing, [], 'routes without an authorization decision');
    // Stale entries would hide a renamed route: each entry must still be a registered route.
    const stale = Object.keys(matrix).filter((key) => !parameterised.includes(key));
    assert.deepEqual(stale, [], 'matrix entries for routes the app no longer has');
  });

  for (const [route, entry] of Object.entries(matrix)) {
    const method = route.slice(0, route.indexOf(' ')) as 'GET' | 'POST';
    const refused = entry.intruders.map((party) => described[party]).join(', ');
    test(`ASVS 4.2.1: ${route} refuses ${refused}; the owner is answered`, async () => {
      const target = await entry.target();
      const before = await target.state();
      for (const party of entry.intruders) {
        assertRefused(await as(party, method, target), target, described[party]);
      }
      assert.deepEqual(await target.state(), before, 'a refused request changed stored data');
      const own = await as(entry.owner, method, target);
      assert.equal(own.statusCode, entry.ownerStatus, `the owner: ${own.body.slice(0, 300)}`);
    });
  }
});
