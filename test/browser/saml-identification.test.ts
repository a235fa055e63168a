import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, harnessServedAtPublicUrl, launchBrowser } from '../helpers/browser.js';
import {
  spMetadataCertificates,
  TestSamlIdp,
  toPem,
  type ReceivedAuthnRequest,
} from '../helpers/saml-idp.js';
import type { TestHarness } from '../helpers/test-app.js';

const skip = browserSkipReason();

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const page = (title: string, body: string) =>
  `<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

/**
 * Serves the in-process SAML IdP's pages on the service's own origin (under /test-saml-idp), as
 * plain forms: an identity code form answering our AuthnRequest, then the HTTP-POST binding's form
 * to our ACS (with a button, as without JavaScript), and the answer to our LogoutRequest.
 */
function idpPages(idp: TestSamlIdp, spCertificate: () => Promise<string>, entityId: string, sloUrl: string) {
  const pending = new Map<string, ReceivedAuthnRequest>();
  return (app: TestHarness['app']) => {
    const exempt = { config: { citizenSessionExempt: true } };
    app.get('/test-saml-idp/sso', exempt, async (request, reply) => {
      const received = idp.readAuthnRequest(new URL(request.url, idp.entityId).href, await spCertificate());
      pending.set(received.id, received);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Testitunnistus',
            `<form method="post" action="/test-saml-idp/login"><input type="hidden" name="request" value="${escape(received.id)}"><label for="hetu">Henkilötunnus</label><input id="hetu" name="identityCode"><button type="submit">Tunnistaudu</button></form>`,
          ),
        );
    });
    app.post('/test-saml-idp/login', exempt, async (request, reply) => {
      const form = request.body as { request: string; identityCode: string };
      const received = pending.get(form.request)!;
      const samlResponse = await idp.response(await spCertificate(), {
        request: received,
        identityCode: form.identityCode,
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            'Jatka palveluun',
            `<form method="post" action="${escape(received.assertionConsumerServiceUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><button type="submit">Jatka palveluun</button></form>`,
          ),
        );
    });
    app.get('/test-saml-idp/slo', exempt, async (request, reply) => {
      const sp = { entityId, singleLogoutUrl: sloUrl, certificatePem: await spCertificate() };
      const { responseUrl } = await idp.answerLogoutRequest(sp, new URL(request.url, idp.entityId).href);
      return reply.redirect(responseUrl, 303);
    });
  };
}

describe('a citizen identifies through Suomi.fi e-Identification (SAML) in a browser', { skip }, () => {
  let h: TestHarness;
  let browser: Browser;
  let baseUrl: string;
  before(async () => {
    ({ h, baseUrl } = await harnessServedAtPublicUrl(async (origin) => {
      const idp = await TestSamlIdp.create(`${origin}/test-saml-idp`);
      // Our certificate as the IdP reads it from our metadata (h is set by the time anyone asks).
      const spCertificate = async () => {
        const metadata = await h.app.inject({ method: 'GET', url: '/saml/metadata' });
        return toPem(spMetadataCertificates(metadata.body).signing[0]!);
      };
      return {
        env: { IDENTIFICATION: 'suomifi-saml', SAML_IDP_METADATA: idp.writeMetadata() },
        extraRoutes: idpPages(idp, spCertificate, `${origin}/saml/metadata`, `${origin}/saml/slo`),
      };
    }));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  test('from /login through Suomi.fi into the mailbox and out again (no JavaScript)', async () => {
    const { identityCode } = await h.fixtures.account();
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI' });
    const tab = await context.newPage();
    await tab.goto(`${baseUrl}/login?return=${encodeURIComponent('/mailbox/inbox')}`);
    assert.equal(new URL(tab.url()).pathname, '/test-saml-idp/sso');
    await tab.getByLabel('Henkilötunnus').fill(identityCode);
    await tab.getByRole('button', { name: 'Tunnistaudu' }).click();
    // The HTTP-POST binding: the assertion goes to our ACS in a form the person sends on.
    await tab.getByRole('button', { name: 'Jatka palveluun' }).click();
    assert.equal(new URL(tab.url()).pathname, '/mailbox/inbox');
    // Logging out goes through Suomi.fi (a signed LogoutRequest and its answer) back to us.
    await tab.getByRole('button', { name: /Kirjaudu ulos/ }).click();
    assert.equal(new URL(tab.url()).pathname, '/logged-out');
    await tab.getByRole('heading', { name: 'Olet kirjautunut ulos' }).waitFor();
    await tab.goto(`${baseUrl}/mailbox/inbox`);
    assert.equal(new URL(tab.url()).pathname, '/test-saml-idp/sso', 'signed out: identification again');
    await context.close();
  });
});
