import { createVerify, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import xmlenc from 'xml-encryption';
import { generateSamlKeys, type SamlServiceProviderKeys } from '../../src/modules/identity/saml-keys.js';

/**
 * A SAML identity provider for tests, built from the same primitives as node-saml (xml-crypto signs,
 * xml-encryption encrypts): it answers our AuthnRequests the way Suomi.fi does (assertion signed,
 * then encrypted to our certificate), publishes two signing certificates as during a rollover,
 * signs with either (or with a key of no certificate in its metadata, for refusal tests) and sends
 * and answers single logout messages through node-saml in the IdP's seat.
 */

const ns = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  metadata: 'urn:oasis:names:tc:SAML:2.0:metadata',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
};
const transient = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const rsaSha256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

const stripPem = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const encrypt = promisify(xmlenc.encrypt) as (
  content: string,
  options: xmlenc.EncryptOptions,
) => Promise<string>;

/** What our service asked for, read from its redirect (signature checked against our certificate). */
export interface ReceivedAuthnRequest {
  id: string;
  issuer: string;
  assertionConsumerServiceUrl: string;
  authnContext: string[];
  locale: string | null;
}

export interface ResponseOptions {
  request: ReceivedAuthnRequest;
  identityCode: string;
  firstNames?: string;
  givenName?: string;
  lastName?: string;
  mail?: string;
  /** Which key signs the assertion: either certificate in the metadata, or one it does not list. */
  signWith?: 0 | 1 | 'foreign';
  /** Default true; false puts the signed assertion into the response in the clear. */
  encrypt?: boolean;
  inResponseTo?: string;
  assertionId?: string;
  nameId?: string;
  sessionIndex?: string;
  authnContextClassRef?: string;
  /**
   * An error status instead of an assertion, e.g. `AuthnFailed` when the person cancels (Suomi.fi
   * answers `Requester` with it as the second-level code).
   */
  failure?: string;
  /** Changes the signed assertion after signing (before encryption). */
  tamper?: (signedAssertion: string) => string;
}

export class TestSamlIdp {
  readonly entityId: string;
  readonly singleSignOnUrl: string;
  readonly singleLogoutUrl: string;
  /** NameIDs issued, by assertion: what a LogoutRequest names. */
  readonly issued: Array<{ nameId: string; sessionIndex: string }> = [];

  private constructor(
    readonly signing: [SamlServiceProviderKeys, SamlServiceProviderKeys],
    readonly foreign: SamlServiceProviderKeys,
    baseUrl: string,
  ) {
    this.entityId = `${baseUrl}/idp`;
    this.singleSignOnUrl = `${baseUrl}/sso`;
    this.singleLogoutUrl = `${baseUrl}/slo`;
  }

  /** `baseUrl`: where the IdP's endpoints are (a browser test serves them on the service's origin). */
  static async create(baseUrl = 'https://idp.test.invalid', now = new Date()): Promise<TestSamlIdp> {
    const [first, second, foreign] = await Promise.all([
      generateSamlKeys('idp-signing-1', now),
      generateSamlKeys('idp-signing-2', now),
      generateSamlKeys('not-in-metadata', now),
    ]);
    return new TestSamlIdp([first, second], foreign, baseUrl);
  }

  /** The IdP's metadata: both signing certificates (a rollover), Redirect SSO and SLO endpoints. */
  metadataXml(): string {
    const keyDescriptor = (keys: SamlServiceProviderKeys) =>
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${stripPem(keys.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="${ns.metadata}" xmlns:ds="${ns.dsig}" entityID="${this.entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="${ns.protocol}" WantAuthnRequestsSigned="true">
    ${this.signing.map(keyDescriptor).join('\n    ')}
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${this.singleLogoutUrl}"/>
    <md:NameIDFormat>${transient}</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${this.singleSignOnUrl}/post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${this.singleSignOnUrl}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
  }

  /** Writes the metadata to a fresh temporary file (SAML_IDP_METADATA) and returns its path. */
  writeMetadata(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saml-idp-'));
    const file = path.join(dir, 'idp-metadata.xml');
    fs.writeFileSync(file, this.metadataXml());
    return file;
  }

  /**
   * Reads the AuthnRequest of our redirect to the IdP; throws unless it is signed (HTTP-Redirect
   * binding, RSA-SHA256) by `spCertificatePem` and addressed to this IdP.
   */
  readAuthnRequest(redirect: string, spCertificatePem: string): ReceivedAuthnRequest {
    const url = new URL(redirect);
    if (url.origin + url.pathname !== this.singleSignOnUrl)
      throw new Error(`not sent to the IdP: ${redirect}`);
    const raw = url.search.slice(1).split('&');
    const part = (name: string) => raw.find((item) => item.startsWith(`${name}=`));
    const signed = ['SAMLRequest', 'RelayState', 'SigAlg'].map(part).filter(Boolean).join('&');
    const signature = url.searchParams.get('Signature');
    if (url.searchParams.get('SigAlg') !== rsaSha256 || !signature)
      throw new Error('AuthnRequest not signed');
    const verifier = createVerify('RSA-SHA256').update(signed);
    if (!verifier.verify(spCertificatePem, signature, 'base64'))
      throw new Error('AuthnRequest signature invalid');
    const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString(
      'utf8',
    );
    const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
    if (root.localName !== 'AuthnRequest') throw new Error('not an AuthnRequest');
    if (root.getAttribute('Destination') !== this.singleSignOnUrl) throw new Error('wrong Destination');
    return {
      id: root.getAttribute('ID') ?? '',
      issuer: root.getElementsByTagNameNS(ns.assertion, 'Issuer')[0]?.textContent ?? '',
      assertionConsumerServiceUrl: root.getAttribute('AssertionConsumerServiceURL') ?? '',
      authnContext: Array.from(root.getElementsByTagNameNS(ns.assertion, 'AuthnContextClassRef')).map(
        (element) => element.textContent ?? '',
      ),
      locale: url.searchParams.get('locale'),
    };
  }

  /** A base64 SAMLResponse for the request, as Suomi.fi would post it to the ACS. */
  async response(spCertificatePem: string, options: ResponseOptions): Promise<string> {
    const { request } = options;
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 60_000).toISOString();
    const instant = now.toISOString();
    const inResponseTo = options.inResponseTo ?? request.id;
    const assertionId = options.assertionId ?? `_a${randomUUID()}`;
    const nameId = options.nameId ?? `_n${randomUUID()}`;
    const sessionIndex = options.sessionIndex ?? `_s${randomUUID()}`;
    this.issued.push({ nameId, sessionIndex });
    const attribute = (name: string, friendly: string, value: string | undefined) =>
      value === undefined
        ? ''
        : `<saml:Attribute Name="${name}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri" FriendlyName="${friendly}"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`;
    const assertion =
      `<saml:Assertion xmlns:saml="${ns.assertion}" ID="${assertionId}" IssueInstant="${instant}" Version="2.0">` +
      `<saml:Issuer>${this.entityId}</saml:Issuer>` +
      `<saml:Subject><saml:NameID Format="${transient}" NameQualifier="${this.entityId}" SPNameQualifier="${escapeXml(request.issuer)}">${nameId}</saml:NameID>` +
      `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${escapeXml(inResponseTo)}" NotOnOrAfter="${later}" Recipient="${escapeXml(request.assertionConsumerServiceUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
      `<saml:Conditions NotBefore="${instant}" NotOnOrAfter="${later}"><saml:AudienceRestriction><saml:Audience>${escapeXml(request.issuer)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
      `<saml:AuthnStatement AuthnInstant="${instant}" SessionIndex="${sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>${options.authnContextClassRef ?? 'http://ftn.ficora.fi/2017/loa3'}</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
      `<saml:AttributeStatement>` +
      attribute('urn:oid:1.2.246.21', 'nationalIdentificationNumber', options.identityCode) +
      attribute('urn:oid:1.2.246.575.1.14', 'FirstName', options.firstNames) +
      attribute('urn:oid:2.5.4.42', 'givenName', options.givenName) +
      attribute('urn:oid:2.5.4.4', 'sn', options.lastName) +
      attribute('urn:oid:0.9.2342.19200300.100.1.3', 'mail', options.mail) +
      `</saml:AttributeStatement></saml:Assertion>`;
    const signer = options.signWith === 'foreign' ? this.foreign : this.signing[options.signWith ?? 0];
    let signedAssertion = signEnveloped(assertion, 'Assertion', signer);
    if (options.tamper) signedAssertion = options.tamper(signedAssertion);
    const carried =
      options.encrypt === false
        ? signedAssertion
        : `<saml:EncryptedAssertion xmlns:saml="${ns.assertion}">${await encrypt(signedAssertion, {
            rsa_pub: spCertificatePem,
            pem: spCertificatePem,
            encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
            keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p',
            disallowEncryptionWithInsecureAlgorithm: true,
          })}</saml:EncryptedAssertion>`;
    const status = options.failure
      ? `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Requester"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${options.failure}"/></samlp:StatusCode></samlp:Status>`
      : `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`;
    const response =
      `<samlp:Response xmlns:samlp="${ns.protocol}" xmlns:saml="${ns.assertion}" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${instant}" Destination="${escapeXml(request.assertionConsumerServiceUrl)}" InResponseTo="${escapeXml(inResponseTo)}">` +
      `<saml:Issuer>${this.entityId}</saml:Issuer>` +
      status +
      (options.failure ? '' : carried) +
      `</samlp:Response>`;
    return Buffer.from(response, 'utf8').toString('base64');
  }

  /** node-saml in the IdP's seat, talking to our SP: the IdP's key signs, our certificate verifies. */
  private asIdp(
    sp: { entityId: string; singleLogoutUrl: string; certificatePem: string },
    signWith: 0 | 1 = 0,
  ) {
    return new SAML({
      issuer: this.entityId,
      callbackUrl: sp.singleLogoutUrl,
      entryPoint: sp.singleLogoutUrl,
      logoutUrl: sp.singleLogoutUrl,
      idpCert: sp.certificatePem,
      idpIssuer: sp.entityId,
      privateKey: this.signing[signWith].privateKeyPem,
      signatureAlgorithm: 'sha256',
      validateInResponseTo: ValidateInResponseTo.never,
    });
  }

  /** A signed LogoutRequest (HTTP-Redirect) to our SLO endpoint: the IdP ends a login. */
  async logoutRequestUrl(
    sp: { entityId: string; singleLogoutUrl: string; certificatePem: string },
    login: { nameId: string; sessionIndex: string },
  ): Promise<string> {
    return this.asIdp(sp).getLogoutUrlAsync(
      {
        issuer: this.entityId,
        nameID: login.nameId,
        nameIDFormat: transient,
        sessionIndex: login.sessionIndex,
      },
      '',
      {},
    );
  }

  /** The same LogoutRequest by the HTTP-POST binding: a base64 SAMLRequest whose XML is signed. */
  async logoutRequestPost(
    sp: { entityId: string; singleLogoutUrl: string; certificatePem: string },
    login: { nameId: string; sessionIndex: string },
  ): Promise<{ SAMLRequest: string }> {
    const xml = await this.asIdp(sp)._generateLogoutRequest({
      issuer: this.entityId,
      nameID: login.nameId,
      nameIDFormat: transient,
      sessionIndex: login.sessionIndex,
    });
    return {
      SAMLRequest: Buffer.from(signEnveloped(xml, 'LogoutRequest', this.signing[1])).toString('base64'),
    };
  }

  /**
   * Reads our LogoutRequest (checking our signature) and returns the IdP's signed LogoutResponse
   * URL to our SLO endpoint, and the NameID the request named.
   */
  async answerLogoutRequest(
    sp: { entityId: string; singleLogoutUrl: string; certificatePem: string },
    redirect: string,
  ): Promise<{ nameId: string; responseUrl: string }> {
    const url = new URL(redirect);
    if (url.origin + url.pathname !== this.singleLogoutUrl)
      throw new Error(`not sent to the IdP: ${redirect}`);
    const saml = this.asIdp(sp);
    const { profile } = await saml.validateRedirectAsync(
      Object.fromEntries(url.searchParams),
      url.search.slice(1),
    );
    if (!profile || !url.searchParams.get('Signature')) throw new Error('no signed LogoutRequest');
    const responseUrl = await saml.getLogoutResponseUrlAsync(profile, '', {}, true);
    return { nameId: profile.nameID, responseUrl };
  }

  /** Checks our LogoutResponse (signature, success) to a LogoutRequest of the IdP's. */
  async readLogoutResponse(
    sp: { entityId: string; singleLogoutUrl: string; certificatePem: string },
    redirect: string,
  ): Promise<boolean> {
    const url = new URL(redirect);
    if (url.origin + url.pathname !== this.singleLogoutUrl || !url.searchParams.get('Signature'))
      return false;
    const { loggedOut } = await this.asIdp(sp).validateRedirectAsync(
      Object.fromEntries(url.searchParams),
      url.search.slice(1),
    );
    return loggedOut;
  }
}

/** An enveloped XML signature of the root element `root`, placed after its Issuer (as SAML wants). */
function signEnveloped(xml: string, root: string, signer: SamlServiceProviderKeys): string {
  const signature = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.certificatePem,
    signatureAlgorithm: rsaSha256,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signature.addReference({
    xpath: `/*[local-name(.)='${root}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: [
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ],
  });
  signature.computeSignature(xml, {
    location: { reference: `/*[local-name(.)='${root}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signature.getSignedXml();
}

/** The certificates our SP metadata publishes, by use. */
export function spMetadataCertificates(xml: string): { signing: string[]; encryption: string[] } {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
  const result = { signing: [] as string[], encryption: [] as string[] };
  for (const key of Array.from(root.getElementsByTagNameNS(ns.metadata, 'KeyDescriptor'))) {
    const use = key.getAttribute('use');
    const cert = key.getElementsByTagNameNS(ns.dsig, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '');
    if (cert && (use === 'signing' || use === 'encryption')) result[use].push(cert);
  }
  return result;
}

export const toPem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
