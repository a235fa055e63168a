import fs from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';

/** What we use of the identity provider's SAML metadata. */
export interface IdentityProviderMetadata {
  entityId: string;
  /** Where AuthnRequests go (HTTP-Redirect binding). */
  singleSignOnUrl: string;
  /** Where our LogoutRequests and LogoutResponses go (HTTP-Redirect binding). */
  singleLogoutUrl: string;
  /**
   * Every signing certificate (base64 DER) the metadata lists: during a rollover Suomi.fi publishes
   * the old and the new one, and a signature by either is accepted.
   */
  signingCertificates: string[];
}

export class IdpMetadataError extends Error {
  override name = 'IdpMetadataError';
}

const metadataNs = 'urn:oasis:names:tc:SAML:2.0:metadata';
const dsigNs = 'http://www.w3.org/2000/09/xmldsig#';
const redirectBinding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** The largest metadata document read: Suomi.fi's is a few kilobytes. */
const maxMetadataBytes = 1024 * 1024;

function children(parent: Element, namespace: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

function redirectLocation(descriptor: Element, service: string): string | undefined {
  const endpoint = children(descriptor, metadataNs, service).find(
    (element) => element.getAttribute('Binding') === redirectBinding,
  );
  return endpoint?.getAttribute('Location') || undefined;
}

/** Parses an EntityDescriptor with an IDPSSODescriptor; throws IdpMetadataError naming what is missing. */
export function parseIdpMetadata(xml: string): IdentityProviderMetadata {
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: { error: (message) => errors.push(message), fatalError: (message) => errors.push(message) },
  }).parseFromString(xml, 'text/xml');
  const root = document?.documentElement;
  if (errors.length > 0 || !root) throw new IdpMetadataError('the IdP metadata is not well-formed XML');
  const entity =
    root.localName === 'EntityDescriptor' ? root : children(root, metadataNs, 'EntityDescriptor')[0];
  const descriptor = entity ? children(entity, metadataNs, 'IDPSSODescriptor')[0] : undefined;
  const entityId = entity?.getAttribute('entityID');
  if (!entity || !descriptor || !entityId) {
    throw new IdpMetadataError('the IdP metadata has no EntityDescriptor with an IDPSSODescriptor');
  }
  const singleSignOnUrl = redirectLocation(descriptor, 'SingleSignOnService');
  const singleLogoutUrl = redirectLocation(descriptor, 'SingleLogoutService');
  if (!singleSignOnUrl || !singleLogoutUrl) {
    throw new IdpMetadataError(
      'the IdP metadata names no HTTP-Redirect SingleSignOnService or SingleLogoutService',
    );
  }
  // A KeyDescriptor without `use` serves both purposes; `encryption` ones are not for signatures.
  const signingCertificates = children(descriptor, metadataNs, 'KeyDescriptor')
    .filter((key) => (key.getAttribute('use') || 'signing') === 'signing')
    .flatMap((key) => children(key, dsigNs, 'X509Certificate'))
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ''))
    .filter((text) => text !== '');
  if (signingCertificates.length === 0) {
    throw new IdpMetadataError('the IdP metadata has no signing certificate');
  }
  return {
    entityId,
    singleSignOnUrl,
    singleLogoutUrl,
    signingCertificates: [...new Set(signingCertificates)],
  };
}

/** Reads the metadata from its URL or file (SAML_IDP_METADATA). */
export async function fetchIdpMetadata(
  source: URL | string,
  fetcher: typeof fetch = fetch,
): Promise<IdentityProviderMetadata> {
  let text: string;
  if (typeof source === 'string') {
    try {
      text = await fs.readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new IdpMetadataError(`SAML_IDP_METADATA ${source} cannot be read (${code})`);
    }
  } else {
    const response = await fetcher(source, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new IdpMetadataError(`SAML_IDP_METADATA answered ${response.status}`);
    text = await response.text();
  }
  if (Buffer.byteLength(text) > maxMetadataBytes) throw new IdpMetadataError('the IdP metadata is too large');
  return parseIdpMetadata(text);
}
