import assert from 'node:assert/strict';
import { ApiClient } from './api-client.js';
import { electronicRequest } from './api-requests.js';
import type { ApiOrganisation, OrganisationInput } from './fixtures.js';
import { tinyPdf } from './sample-files.js';
import type { TestHarness } from './test-app.js';

/** The organisation API as an organisation's integration uses it: signed in, then uploading and sending. */

/** A client signed in to the organisation API as `organisation`, holding a token of its own. */
export async function signedInClient(
  h: TestHarness,
  organisation: Pick<ApiOrganisation, 'username' | 'password'>,
): Promise<ApiClient> {
  const api = new ApiClient(h);
  await api.login(organisation);
  return api;
}

/** A new organisation with API credentials and a client signed in as it: where most API tests start. */
export async function signedInOrganisation(
  h: TestHarness,
  input: OrganisationInput = {},
): Promise<{ org: ApiOrganisation; api: ApiClient }> {
  const org = await h.fixtures.apiOrganisation(input);
  return { org, api: await signedInClient(h, org) };
}

/**
 * Uploads a file through POST /v2/attachments, expects it to be accepted and gives its id. The part's
 * Content-Type is `declaredType` (application/octet-stream unless given).
 */
export async function uploadAccepted(
  api: ApiClient,
  content = tinyPdf(),
  fileName = 'paatos.pdf',
  options: { declaredType?: string } = {},
): Promise<string> {
  const response = await api.upload(content, fileName, options);
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ attachmentId: string }>().attachmentId;
}

/** Sends a message through the API, expects it to be accepted and gives the new message's id. */
export async function sendAccepted(api: ApiClient, url: string, request: unknown): Promise<number> {
  const response = await api.post(url, request);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ messageId: number }>().messageId;
}

/**
 * Sends an electronic message whose title, body and one plain-text attachment (liite.txt) are the
 * given texts, as the scans of stored data need them; both steps are expected to be accepted. Gives
 * the new message's id.
 */
export async function sendWithTextAttachment(
  api: ApiClient,
  organisation: Pick<ApiOrganisation, 'serviceId'>,
  recipientId: string,
  texts: { title: string; body: string; attachment: string },
  electronic: Record<string, unknown> = {},
): Promise<number> {
  const attachmentId = await uploadAccepted(api, Buffer.from(texts.attachment), 'liite.txt', {
    declaredType: 'text/plain',
  });
  const request = electronicRequest(organisation, recipientId, {
    title: texts.title,
    body: texts.body,
    attachments: [{ attachmentId }],
    ...electronic,
  });
  return sendAccepted(api, '/v2/messages/electronic', request);
}
