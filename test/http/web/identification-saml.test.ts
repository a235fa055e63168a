import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config/config.js';
import { loginCookieName, sessionCookieName } from '../../../src/http/plugins/citizen-session.js';
import { identificationActions } from '../../../src/modules/identity/index.js';
import { browserRequest, CookieJar } from '../../helpers/oidc-login.js';
import { spMetadataCertificates, TestSamlIdp, toPem, type ResponseOptions } from '../../helpers/saml-idp.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

/** In the demo population register: names come from there, not from the assertion. */
const maija = '010180-9026';

const idp = await TestSamlIdp.create();
const metadataFile = idp.writeMetadata();

function spOf(h: TestHarness, certificatePem: string) {
  return {
    entityId: 'http://localhost:3000/saml/metadata',
    singleLogoutUrl: 'http://localhost:3000/saml/slo',
    certificatePem,
  };
}

/** Our SP certificate, as the IdP reads it from our metadata. */
async function spCertificate(h: TestHarness): Promise<string> {
  const metadata = await h.app.inject({ method: 'GET', url: '/saml/metadata' });
  const { signing } = spMetadataCertificates(metadata.body);
  return toPem(signing[0]!);
}

/** /login → the IdP reads our signed AuthnRequest; returns it with the browser's jar. */
async function startLogin(h: TestHarness, jar = new CookieJar(), returnTo?: string) {
  const loginUrl = returnTo ? `/login?return=${encodeURIComponent(returnTo)}` : '/login';
  const start = await browserRequest(h, jar, 'GET', loginUrl);
  assert.equal(start.statusCode, 303, start.body);
  const request = idp.readAuthnRequest(start.location!, await spCertificate(h));
  return { jar, request };
}

/** Posts the IdP's response to our ACS as the browser would (the login cookie travels along). */
function postToAcs(h: TestHarness, jar: CookieJar, samlResponse: string) {
  return browserRequest(h, jar, 'POST', '/saml/acs', { SAMLResponse: samlResponse });
}

async function login(
  h: TestHarness,
  identityCode: string,
  options: Partial<ResponseOptions> = {},
): Promise<{ jar: CookieJar; acs: Awaited<ReturnType<typeof postToAcs>>; samlResponse: string }> {
  const { jar, request } = await startLogin(h);
  const samlResponse = await idp.response(await spCertificate(h), {
    request,
    identityCode,
    firstNames: 'Test Person',
    lastName: 'Example',
    ...options,
  });
  const acs = await postToAcs(h, jar, samlResponse);
  return { jar, acs, samlResponse };
}

async function csrfOf(h: TestHarness, jar: CookieJar): Promise<string> {
  const page = await browserRequest(h, jar, 'GET', '/account/open');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf, `no CSRF token on ${page.statusCode}`);
  return csrf;
}

async function signedIn(h: TestHarness, jar: CookieJar): Promise<boolean> {
  const page = await browserRequest(h, jar, 'GET', '/account/open');
  return page.statusCode === 200;
}

async function auditActions(h: TestHarness): Promise<Array<{ action: string; details: string | null }>> {
  return h.context.database.db
    .selectFrom('audit_events')
    .select(['action', 'details'])
    .where('action', 'like', 'identification.%')
    .orderBy('id')
    .execute();
}

describe('Suomi.fi e-Identification over SAML 2.0 (IDENTIFICATION=suomifi-saml)', () => {
  const h = useSuiteHarness({
    env: { IDENTIFICATION: 'suomifi-saml', SAML_IDP_METADATA: metadataFile },
  });

  test('our SP metadata names the entity id, the ACS and SLO endpoints and our certificate for both uses', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/saml/metadata' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/samlmetadata\+xml/);
    assert.match(response.body, /entityID="http:\/\/localhost:3000\/saml\/metadata"/);
    assert.match(response.body, /AssertionConsumerService[^>]+Location="http:\/\/localhost:3000\/saml\/acs"/);
    assert.match(response.body, /SingleLogoutService[^>]+Location="http:\/\/localhost:3000\/saml\/slo"/);
    assert.match(response.body, /AuthnRequestsSigned="true"/);
    assert.match(response.body, /WantAssertionsSigned="true"/);
    const certificates = spMetadataCertificates(response.body);
    assert.equal(certificates.signing.length, 1);
    assert.deepEqual(certificates.encryption, certificates.signing);
    assert.doesNotMatch(response.body, /PRIVATE KEY/);
    // The OpenID Connect routes are not there under SAML.
    assert.equal((await h.app.inject({ method: 'GET', url: '/auth/callback' })).statusCode, 404);
    assert.equal(
      (await h.app.inject({ method: 'GET', url: '/test-idp/.well-known/openid-configuration' })).statusCode,
      404,
    );
  });

  test('the AuthnRequest is signed, names our ACS, asks the level of assurance and the page language', async () => {
    const jar = new CookieJar();
    const start = await browserRequest(h, jar, 'GET', '/login');
    const request = idp.readAuthnRequest(start.location!, await spCertificate(h));
    assert.equal(request.assertionConsumerServiceUrl, 'http://localhost:3000/saml/acs');
    assert.equal(request.issuer, 'http://localhost:3000/saml/metadata');
    assert.deepEqual(request.authnContext, ['http://ftn.ficora.fi/2017/loa2']);
    assert.equal(request.locale, 'fi');
    assert.ok(jar.get(loginCookieName(h.context)), 'the pending login is in the login cookie');
    // Signed with our key: the same request checked against another certificate fails.
    assert.throws(
      () => idp.readAuthnRequest(start.location!, idp.signing[0].certificatePem),
      /signature invalid/,
    );
  });

  test('a citizen identifies: encrypted, signed assertion → a new session → account opening', async () => {
    const { jar, acs } = await login(h, maija);
    assert.equal(acs.statusCode, 303, acs.body);
    assert.equal(acs.location, '/account/open');
    assert.ok(jar.get(sessionCookieName(h.context)));
    assert.equal(jar.get(loginCookieName(h.context)), undefined, 'the login cookie is cleared');
    const page = await browserRequest(h, jar, 'GET', '/account/open');
    assert.equal(page.statusCode, 200);
    // Names come from the population register, as after OpenID Connect.
    assert.match(page.body, /Maija/);
    const session = await h.services.accounts.sessions.resume(jar.get(sessionCookieName(h.context)));
    assert.equal(session?.person.identityCode, maija);
    assert.equal(session?.person.method, 'saml:http://ftn.ficora.fi/2017/loa3');
    assert.equal(session?.person.federation?.nameId, idp.issued.at(-1)!.nameId);
  });

  test('a person with an active account goes to the page asked for, or the mailbox', async () => {
    const { identityCode } = await h.fixtures.account();
    const { jar, request } = await startLogin(h, new CookieJar(), '/account/settings');
    const samlResponse = await idp.response(await spCertificate(h), {
      request,
      identityCode,
      lastName: 'Tester',
    });
    const acs = await postToAcs(h, jar, samlResponse);
    assert.equal(acs.location, '/account/settings');
    const { acs: again } = await login(h, identityCode);
    assert.equal(again.location, '/mailbox/inbox');
  });

  test('during a certificate rollover, an assertion signed with the second certificate is accepted', async () => {
    const { acs } = await login(h, maija, { signWith: 1 });
    assert.equal(acs.statusCode, 303, acs.body);
    assert.equal(acs.location, '/account/open');
  });

  test('a person who cancels at Suomi.fi returns to the start page; audited as cancelled', async () => {
    const { jar, acs } = await login(h, maija, { failure: 'AuthnFailed' });
    assert.equal(acs.statusCode, 303, acs.body);
    assert.equal(acs.location, '/');
    assert.equal(jar.get(sessionCookieName(h.context)), undefined);
    const audit = await auditActions(h);
    assert.equal(audit.at(-1)?.action, identificationActions.failed);
    assert.match(String(audit.at(-1)?.details), /cancelled/);
  });

  describe('refusals: no session, a problem page, audited as failed', () => {
    const refused = async (
      name: string,
      run: () => Promise<{ jar: CookieJar; acs: { statusCode: number; body: string } }>,
    ) => {
      const before = (await auditActions(h)).length;
      const { jar, acs } = await run();
      assert.equal(acs.statusCode, 400, `${name}: ${acs.body.slice(0, 200)}`);
      assert.match(
        acs.body,
        name === 'assurance' ? /Tunnistustapa ei riitä/ : /Tunnistautuminen ei onnistunut/,
      );
      assert.equal(jar.get(sessionCookieName(h.context)), undefined, name);
      const audit = (await auditActions(h)).slice(before);
      assert.deepEqual(
        audit.map((entry) => entry.action),
        [identificationActions.failed],
        name,
      );
      return audit[0]!;
    };

    test('a tampered assertion (signature no longer matches)', async () => {
      await refused('tampered', () =>
        login(h, maija, { tamper: (xml) => xml.replace(maija, '311299-999E') }),
      );
    });

    test('an assertion signed by a certificate not in the metadata', async () => {
      await refused('foreign', () => login(h, maija, { signWith: 'foreign' }));
    });

    test('a response to another request (wrong InResponseTo)', async () => {
      await refused('InResponseTo', () => login(h, maija, { inResponseTo: '_someone-elses-request' }));
    });

    test('an unencrypted assertion, even with a valid signature', async () => {
      await refused('unencrypted', () => login(h, maija, { encrypt: false }));
    });

    test('a level of assurance below the one asked for', async () => {
      const entry = await refused('assurance', () =>
        login(h, maija, { authnContextClassRef: 'http://ftn.ficora.fi/2017/loa1' }),
      );
      assert.match(String(entry.details), /insufficient-assurance/);
    });

    test('a replayed assertion, even with a copy of the login cookie', async () => {
      const { jar, request } = await startLogin(h);
      const loginCookie = jar.get(loginCookieName(h.context))!;
      const samlResponse = await idp.response(await spCertificate(h), { request, identityCode: maija });
      const first = await postToAcs(h, jar, samlResponse);
      assert.equal(first.statusCode, 303);
      await refused('replay', async () => {
        const attacker = new CookieJar();
        attacker.set(loginCookieName(h.context), loginCookie);
        return { jar: attacker, acs: await postToAcs(h, attacker, samlResponse) };
      });
    });

    test('a response without a pending login is only logged, not audited', async () => {
      const { request } = await startLogin(h);
      const samlResponse = await idp.response(await spCertificate(h), { request, identityCode: maija });
      const before = (await auditActions(h)).length;
      const stranger = new CookieJar();
      const acs = await postToAcs(h, stranger, samlResponse);
      assert.equal(acs.statusCode, 400);
      assert.equal((await auditActions(h)).length, before);
    });
  });

  test('SP-initiated logout: our session ends, a signed LogoutRequest goes to the IdP, its answer lands logged out', async () => {
    const { jar } = await login(h, maija);
    const issued = idp.issued.at(-1)!;
    const sp = spOf(h, await spCertificate(h));
    const logout = await browserRequest(h, jar, 'POST', '/logout', { _csrf: await csrfOf(h, jar) });
    assert.equal(logout.statusCode, 303);
    assert.equal(jar.get(sessionCookieName(h.context)), undefined);
    assert.equal(await signedIn(h, jar), false);
    const { nameId, responseUrl } = await idp.answerLogoutRequest(sp, logout.location!);
    assert.equal(nameId, issued.nameId);
    const back = await browserRequest(h, jar, 'GET', responseUrl);
    assert.equal(back.statusCode, 303);
    assert.equal(back.location, '/logged-out');
    const page = await browserRequest(h, jar, 'GET', back.location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Olet kirjautunut ulos/);
    const audit = await auditActions(h);
    assert.equal(audit.at(-1)?.action, identificationActions.loggedOut);
  });

  test('IdP-initiated logout ends the session on our side and is answered with a signed LogoutResponse', async () => {
    const { jar } = await login(h, maija);
    const other = await login(h, maija);
    const issued = idp.issued.at(-2)!;
    const sp = spOf(h, await spCertificate(h));
    const requestUrl = new URL(await idp.logoutRequestUrl(sp, issued));
    // Unsigned, it is refused and nothing ends.
    const unsigned = new URL(requestUrl);
    unsigned.searchParams.delete('Signature');
    const refused = await browserRequest(h, new CookieJar(), 'GET', unsigned.pathname + unsigned.search);
    assert.equal(refused.statusCode, 400);
    assert.equal(await signedIn(h, jar), true);
    // Signed, it ends that login's session (whatever browser brings it), and only that one.
    const answered = await browserRequest(h, new CookieJar(), 'GET', requestUrl.pathname + requestUrl.search);
    assert.equal(answered.statusCode, 303, answered.body);
    assert.equal(await idp.readLogoutResponse(sp, answered.location!), true);
    assert.equal(await signedIn(h, jar), false);
    assert.equal(await signedIn(h, other.jar), true);
  });

  test('IdP-initiated logout by HTTP-POST (the binding our metadata names), signed with the second certificate', async () => {
    const { jar } = await login(h, maija);
    const issued = idp.issued.at(-1)!;
    const sp = spOf(h, await spCertificate(h));
    const form = await idp.logoutRequestPost(sp, issued);
    const forged = {
      SAMLRequest: Buffer.from(
        Buffer.from(form.SAMLRequest, 'base64').toString().replace(issued.nameId, '_other'),
      ).toString('base64'),
    };
    const refused = await browserRequest(h, new CookieJar(), 'POST', '/saml/slo', forged);
    assert.equal(refused.statusCode, 400);
    assert.equal(await signedIn(h, jar), true);
    const answered = await browserRequest(h, new CookieJar(), 'POST', '/saml/slo', form);
    assert.equal(answered.statusCode, 303, answered.body);
    assert.equal(await idp.readLogoutResponse(sp, answered.location!), true);
    assert.equal(await signedIn(h, jar), false);
  });

  test('nothing personal reaches the log', async () => {
    await login(h, maija, { firstNames: 'Lokiton Etunimi', lastName: 'Lokiton-Sukunimi' });
    await login(h, maija, { signWith: 'foreign', firstNames: 'Lokiton Etunimi' });
    const text = h.log.text;
    assert.ok(text.includes('citizen signed in'));
    for (const secret of [maija, 'Lokiton', 'Maija', ...idp.issued.map((login) => login.nameId)]) {
      assert.ok(!text.includes(secret), `${secret} in the log`);
    }
  });
});

describe('configuration', () => {
  test('IDENTIFICATION=suomifi-saml needs the IdP metadata; key and certificate files go together', async () => {
    assert.throws(() => loadConfig({ IDENTIFICATION: 'suomifi-saml' }), /SAML_IDP_METADATA/);
    assert.throws(
      () =>
        loadConfig({
          IDENTIFICATION: 'suomifi-saml',
          SAML_IDP_METADATA: metadataFile,
          SAML_SP_KEY_FILE: '/k',
        }),
      /SAML_SP_KEY_FILE and SAML_SP_CERT_FILE/,
    );
    const config = loadConfig({
      IDENTIFICATION: 'suomifi-saml',
      SAML_IDP_METADATA: 'https://idp.example/metadata.xml',
      PUBLIC_URL: 'https://asiointi.example',
    });
    assert.equal(config.saml?.entityId, 'https://asiointi.example/saml/metadata');
    assert.ok(config.saml?.idpMetadata instanceof URL);
    assert.throws(
      () =>
        loadConfig({ IDENTIFICATION: 'suomifi-saml', SAML_IDP_METADATA: 'http://idp.example/metadata.xml' }),
      /SAML_IDP_METADATA must use https:/,
    );
    assert.equal(loadConfig({}).saml, undefined);
  });

  test('outside demo and test mode a missing key file stops the start', async () => {
    await assert.rejects(
      createHarness({
        testMode: false,
        env: {
          IDENTIFICATION: 'suomifi-saml',
          SAML_IDP_METADATA: metadataFile,
          SAML_SP_KEY_FILE: '/nonexistent/key.pem',
          SAML_SP_CERT_FILE: '/nonexistent/cert.pem',
        },
      }),
      /SAML_SP_KEY_FILE \/nonexistent\/key.pem does not exist/,
    );
  });
});
