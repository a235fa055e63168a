import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IdpMetadataError, parseIdpMetadata } from '../../../src/modules/identity/saml-idp-metadata.js';

const md = 'urn:oasis:names:tc:SAML:2.0:metadata';
const redirect = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const post = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

const key = (use: string | undefined, cert: string) =>
  `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>
    ${cert}
  </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

function metadata(inner: string, wrapInEntities = false): string {
  const entity = `<md:EntityDescriptor xmlns:md="${md}" entityID="https://idp.example/idp"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${inner}</md:IDPSSODescriptor></md:EntityDescriptor>`;
  return wrapInEntities
    ? `<md:EntitiesDescriptor xmlns:md="${md}">${entity}</md:EntitiesDescriptor>`
    : entity;
}

const endpoints =
  `<md:SingleLogoutService Binding="${post}" Location="https://idp.example/slo-post"/>` +
  `<md:SingleLogoutService Binding="${redirect}" Location="https://idp.example/slo"/>` +
  `<md:SingleSignOnService Binding="${post}" Location="https://idp.example/sso-post"/>` +
  `<md:SingleSignOnService Binding="${redirect}" Location="https://idp.example/sso"/>`;

describe("the IdP's SAML metadata", () => {
  test('every signing certificate is taken (rollover), encryption-only ones are not, and the Redirect endpoints', () => {
    const parsed = parseIdpMetadata(
      metadata(key('signing', 'AAAA') + key(undefined, 'BB BB') + key('encryption', 'CCCC') + endpoints),
    );
    assert.deepEqual(parsed, {
      entityId: 'https://idp.example/idp',
      singleSignOnUrl: 'https://idp.example/sso',
      singleLogoutUrl: 'https://idp.example/slo',
      signingCertificates: ['AAAA', 'BBBB'],
    });
    assert.equal(
      parseIdpMetadata(metadata(key('signing', 'AAAA') + endpoints, true)).entityId,
      'https://idp.example/idp',
    );
  });

  test('is refused when something we rely on is missing or it is not XML', () => {
    for (const [xml, problem] of [
      ['<not xml', /not well-formed/],
      [
        `<md:EntityDescriptor xmlns:md="${md}" entityID="x"/>`,
        /no EntityDescriptor with an IDPSSODescriptor/,
      ],
      [metadata(key('encryption', 'CCCC') + endpoints), /no signing certificate/],
      [
        metadata(
          key('signing', 'AAAA') +
            `<md:SingleSignOnService Binding="${post}" Location="https://idp.example/sso"/>`,
        ),
        /HTTP-Redirect/,
      ],
    ] as const) {
      assert.throws(
        () => parseIdpMetadata(xml),
        (error: unknown) => error instanceof IdpMetadataError && problem.test(error.message),
      );
    }
  });
});
