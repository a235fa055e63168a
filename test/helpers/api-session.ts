import assert from 'node:assert/strict';
import { ApiClient } from './api-client.js';
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

/** Uploads a file through POST /v2/attachments, expects it to be accepted and gives its id. */
export async function uploadAccepted(
  api: ApiClient,
  content = tinyPdf(),
  fileName = 'paatos.pdf',
): Promise<string> {
  const response = await api.upload(content, fileName);
  assert.equal(response.statusCode, 201, response.body);
  return response.json<{ attachmentId: string }>().attachmentId;
}

/** Sends a message through the API, expects it to be accepted and gives the new message's id. */
export async function sendAccepted(api: ApiClient, url: string, request: unknown): Promise<number> {
  const response = await api.post(url, request);
  assert.equal(response.statusCode, 200, response.body);
  return response.json<{ messageId: number }>().messageId;
}
