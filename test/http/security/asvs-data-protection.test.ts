import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { staffSessionCookieName } from '../../../src/http/plugins/staff-session.js';
import { ApiClient } from '../../helpers/api-client.js';
import { electronicRequest } from '../../helpers/api-requests.js';
import { signInAs } from '../../helpers/citizen-session.js';
import { persons, staffPersons, type ApiOrganisation } from '../../helpers/fixtures.js';
import { registeredRoutes } from '../../helpers/route-table.js';
import { tinyPdf } from '../../helpers/sample-files.js';
import { grantStaff } from '../../helpers/staff-fixtures.js';
import { signInStaff } from '../../helpers/staff-session.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { testDialect } from '../../helpers/test-database.js';

/**
 * ASVS 4.0.3 V8 (data protection), over every GET route the app registers, as a signed-in citizen
 * and a signed-in staff member with real data behind each id: 8.2.1 (no answer that can hold
 * personal data may be cached), 8.3.1 (personal data never travels in a URL: no link or GET form
 * of any page carries it). The API's no-store is test/http/security-headers.test.ts; content sealed
 * at rest (8.2.x with 6.x) is test/http/security/asvs-crypto.test.ts.
 */

/**
 * Answers that never hold anyone's data: fixed files, public keys and documents, probes, and an
 * organisation's blank printable consent form.
 */
const publicByNature =
  /^\/(assets\/|favicon\.ico|\.well-known\/|oidc\/|api-docs|healthz|readyz|test-idp|consent-form\/)/;

/**
 * Query parameters pages may put in their links and GET forms: paging, filters by service, stage,
 * state and date, views, notices, languages and return paths (our own paths). None can carry
 * personal data.
 */
const harmlessQueryNames = new Set([
  'page',
  'service',
  'stage',
  'from',
  'to',
  'notice',
  'return',
  'lang',
  'locale',
  'q',
  'kieli',
  'lahetetty',
  'recorded',
  'withdrawn',
  'period',
  'saved',
  'created',
  'revoked',
  'topic',
  'view',
  'tila',
]);

describe(`ASVS V8 data protection (${testDialect})`, () => {
  const h = useSuiteHarness({ now: '2025-03-10T08:00:00.000Z' });
  let organisation: ApiOrganisation;
  const values: Record<string, string> = {};
  const cookies = { citizen: '', staff: '' };

  before(async () => {
    organisation = await h.fixtures.apiOrganisation({ nameFi: 'Ylitornion kunta' });
    const kimmo = (await h.fixtures.account({ identityCode: persons.kimmo })).id;
    const api = new ApiClient(h);
    await api.login(organisation);
    const upload = await api.upload(tinyPdf(), 'paatos.pdf');
    const attachmentId = upload.json<{ attachmentId: string }>().attachmentId;
    const sent = await api.post(
      '/v2/messages/electronic',
      electronicRequest(organisation, persons.kimmo, {
        attachments: [{ attachmentId }],
        replyAllowedBy: 'Anyone',
      }),
    );
    const messageId = String(sent.json<{ messageId: number }>().messageId);
    const received = await h.fixtures.citizenMessage({
      organisation,
      accountId: kimmo,
      attachment: { fileName: 'liite.pdf', mediaType: 'application/pdf', content: tinyPdf() },
    });
    const credential = await h.services.organisationAdmin.createCredential(
      organisation.id,
      { allowIps: [] },
      { staffMemberId: 1 },
    );
    Object.assign(values, {
      mailboxMessage: messageId,
      mailboxAttachment: attachmentId,
      receivedMessage: String(received.messageId),
      receivedAttachment: received.attachmentId!,
      sentMessage: messageId,
      serviceId: organisation.serviceId,
      username: credential.username,
    });
    const citizen = await signInAs(h, persons.kimmo);
    cookies.citizen = Object.entries(citizen.cookies)
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    await grantStaff(h, [
      [staffPersons.jari, organisation, 'admin'],
      [staffPersons.jari, organisation, 'case_worker'],
    ]);
    const staff = await signInStaff(h, staffPersons.jari);
    cookies.staff = `${staffSessionCookieName(h.context)}=${staff.cookie}`;
  });

  /** A concrete URL for a route, with the ids of the data made above. */
  function filled(url: string): string {
    return url
      .replace(/^\/mailbox\/messages\/:id/, `/mailbox/messages/${values.mailboxMessage}`)
      .replace(/\/attachments\/:attachmentId/, `/attachments/${values.mailboxAttachment}`)
      .replace(/^\/virkailija\/saapuneet\/:id/, `/virkailija/saapuneet/${values.receivedMessage}`)
      .replace(/\/liitteet\/:attachmentId/, `/liitteet/${values.receivedAttachment}`)
      .replace(/^\/virkailija\/lahetetyt\/:id/, `/virkailija/lahetetyt/${values.sentMessage}`)
      .replace(/:serviceId/, values.serviceId!)
      .replace(/:username/, values.username!)
      .replace(/:businessId\.pdf/, `${organisation.businessId}.pdf`)
      .replace(/:locale/, 'fi')
      .replace(/:size/, '1');
  }

  /** Every GET page of the citizen's or the staff's area, as that person, answered 200. */
  async function signedInPages() {
    const pages: Array<{ url: string; body: string; headers: Record<string, unknown> }> = [];
    for (const route of registeredRoutes(h.app)) {
      if (route.method !== 'GET' || publicByNature.test(route.url) || /^\/v[12]\//.test(route.url)) continue;
      const cookie = route.url.startsWith('/virkailija') ? cookies.staff : cookies.citizen;
      const url = filled(route.url);
      assert.doesNotMatch(url, /:[A-Za-z]/, `no value for ${route.url}`);
      const response = await h.app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.statusCode === 200) pages.push({ url, body: response.body, headers: response.headers });
    }
    assert.ok(pages.length > 40, `only ${pages.length} pages answered`);
    return pages;
  }

  test('ASVS 8.2.1: no page or download of a signed-in citizen or staff member may be stored by a browser or proxy', async () => {
    const cacheable = (await signedInPages())
      .filter((page) => !/no-store/.test(String(page.headers['cache-control'])))
      .map((page) => `${page.url}: ${String(page.headers['cache-control'])}`);
    assert.deepEqual(cacheable, []);
  });

  test('ASVS 8.3.1: no link or GET form of any signed-in page puts personal data in a query string', async () => {
    const found = new Set<string>();
    for (const page of await signedInPages()) {
      if (!/^text\/html/.test(String(page.headers['content-type']))) continue;
      for (const [, href] of page.body.matchAll(/href="([^"]*\?[^"]*)"/g)) {
        const query = new URL(href!.replace(/&amp;/g, '&'), 'http://localhost').searchParams;
        for (const name of query.keys()) {
          if (!harmlessQueryNames.has(name)) found.add(`link on ${page.url.split('?')[0]}: ${name}`);
        }
      }
      for (const [, attributes, inner] of page.body.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
        if (/method="post"/i.test(attributes!)) continue;
        const action = /action="([^"]*)"/.exec(attributes!)?.[1] ?? page.url;
        for (const [, name] of inner!.matchAll(/<(?:input|select|textarea)[^>]*\bname="([^"]+)"/g)) {
          if (!harmlessQueryNames.has(name!)) found.add(`GET form ${action}: ${name}`);
        }
      }
    }
    assert.deepEqual([...found], []);
  });
});
