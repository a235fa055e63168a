import { ApiClient } from './api-client.js';
import type { MultipartPart } from './fuzz.js';
import { type ApiOrganisation, newExternalId } from './fixtures.js';
import { electronicRequest, paperMailPart, v1PaperFields } from './api-requests.js';
import { tinyPdf } from './sample-files.js';
import type { TestHarness } from './test-app.js';

/**
 * Every operation of the organisation API contract, with a valid request for each, built on one
 * shared set of test data (the "world"). The contract walk and the fuzz test both start from these
 * requests, so an operation added to the contract without a recipe here fails both at once.
 */

export interface ApiCall {
  method: 'GET' | 'POST';
  url: string;
  /** Contract path template, e.g. /v1/messages/{id}/state. */
  template: string;
  payload?: string | Buffer;
  contentType?: string;
  /** The parts of a multipart body, for tests that rebuild it (the fuzzer). */
  parts?: MultipartPart[];
  /** Bearer token; null sends none. */
  token: string | null;
  remoteAddress?: string;
}

export interface ApiWorld {
  h: TestHarness;
  organisation: ApiOrganisation;
  api: ApiClient;
  /** A citizen with an active mailbox. */
  citizen: { id: number; identityCode: string };
  /** A message the organisation sent (for lookups by id and externalId). */
  sent: { messageId: number; externalId: string };
  /** A message with an attachment the citizen sent to the organisation. */
  fromCitizen: { messageId: number; attachmentId: string };
  /** Credentials allowed only from 10.9.9.9, with a token obtained there. */
  restricted: { api: ApiClient; allowedAddress: string };
}

export async function createApiWorld(h: TestHarness): Promise<ApiWorld> {
  const organisation = await h.fixtures.apiOrganisation();
  const api = new ApiClient(h);
  await api.login(organisation);
  const citizen = await h.fixtures.account();
  const request = electronicRequest(organisation, citizen.identityCode);
  const sentResponse = await api.post('/v2/messages/electronic', request);
  if (sentResponse.statusCode !== 200) throw new Error(`world: send failed ${sentResponse.body}`);
  const fromCitizen = await h.fixtures.citizenMessage({
    organisation,
    accountId: citizen.id,
    attachment: { fileName: 'liite.pdf', mediaType: 'application/pdf', content: tinyPdf() },
  });
  const allowedAddress = '10.9.9.9';
  const restrictedOrganisation = await h.fixtures.apiOrganisation({ allowIps: [allowedAddress] });
  const restrictedApi = new ApiClient(h);
  const tokenResponse = await restrictedApi.post(
    '/v1/token',
    { username: restrictedOrganisation.username, password: restrictedOrganisation.password },
    { remoteAddress: allowedAddress },
  );
  restrictedApi.token = tokenResponse.json<{ access_token: string }>().access_token;
  return {
    h,
    organisation,
    api,
    citizen,
    sent: { messageId: sentResponse.json<{ messageId: number }>().messageId, externalId: request.externalId },
    fromCitizen: { messageId: fromCitizen.messageId, attachmentId: fromCitizen.attachmentId! },
    restricted: { api: restrictedApi, allowedAddress },
  };
}

export function multipart(
  given: Array<{ name: string; fileName?: string; contentType?: string; content: Buffer | string }>,
): { payload: Buffer; contentType: string; parts: MultipartPart[] } {
  const parts = given.map((part) => ({
    ...part,
    content: Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content),
  }));
  const boundary = `----walk${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.fileName ? `; filename="${part.fileName}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
          `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`, parts };
}

/** The upload of one PDF, `paatos.pdf`, to either version's upload route. */
function fileUpload(world: ApiWorld, url: '/v1/files' | '/v2/attachments'): ApiCall {
  const body = multipart([{ name: 'file', fileName: 'paatos.pdf', content: tinyPdf() }]);
  return { method: 'POST', url, template: url, ...body, token: world.api.token };
}

/** Uploads a PDF (see fileUpload) and gives its id, for the recipes that send one. */
async function upload(world: ApiWorld, url: '/v1/files' | '/v2/attachments'): Promise<string> {
  const response = await sendCall(world.h, fileUpload(world, url));
  const created = response.json<{ attachmentId?: string; fileId?: string }>();
  const id = created.attachmentId ?? created.fileId;
  if (!id) throw new Error(`world: upload failed ${response.body}`);
  return id;
}

export interface OperationRecipe {
  method: 'GET' | 'POST';
  template: string;
  /** A request the service accepts (2xx). Each call makes a new one (fresh externalId, upload). */
  valid(world: ApiWorld): Promise<ApiCall>;
}

/**
 * A JSON POST of the body `body` makes (after any uploads it needs). The API's JSON POST routes have
 * no path parameters, so the URL is its own template. `token: 'none'` sends no bearer token, for the
 * routes that take credentials in the body instead.
 */
function jsonRecipe(
  template: string,
  body: (world: ApiWorld) => unknown,
  token: 'bearer' | 'none' = 'bearer',
): OperationRecipe {
  return {
    method: 'POST',
    template,
    valid: async (w) => ({
      method: 'POST',
      url: template,
      template,
      payload: JSON.stringify(await body(w)),
      contentType: 'application/json',
      token: token === 'bearer' ? w.api.token : null,
    }),
  };
}

/** A GET of `template`, at the URL `url` gives (the template itself when it has no parameters). */
function getRecipe(template: string, url: (world: ApiWorld) => string = () => template): OperationRecipe {
  return {
    method: 'GET',
    template,
    valid: async (w) => ({ method: 'GET', url: url(w), template, token: w.api.token }),
  };
}

/** The upload of one PDF (fileUpload) to either version's upload route. */
function uploadRecipe(template: '/v1/files' | '/v2/attachments'): OperationRecipe {
  return { method: 'POST', template, valid: async (w) => fileUpload(w, template) };
}

/** Recipes by the contract's operationId. */
export const operationRecipes: Record<string, OperationRecipe> = {
  postV1Token: jsonRecipe(
    '/v1/token',
    (w) => ({ username: w.organisation.username, password: w.organisation.password }),
    'none',
  ),
  // Valid in shape; whether the password changes depends on the token and interval rules.
  postV1ChangePassword: jsonRecipe(
    '/v1/change-password',
    (w) => ({
      accessToken: w.api.token,
      currentPassword: w.organisation.password,
      newPassword: w.organisation.password,
    }),
    'none',
  ),
  postV1MailboxesActive: jsonRecipe('/v1/mailboxes/active', (w) => ({
    endUsers: [{ id: w.citizen.identityCode }],
  })),
  getV1MessagesId: getRecipe(
    '/v1/messages/id',
    (w) => `/v1/messages/id?externalId=${encodeURIComponent(w.sent.externalId)}`,
  ),
  getV1Messages: getRecipe('/v1/messages/{id}', (w) => `/v1/messages/${w.fromCitizen.messageId}`),
  getV2Messages: getRecipe('/v2/messages/{id}', (w) => `/v2/messages/${w.fromCitizen.messageId}`),
  getV1Attachment: getRecipe('/v1/attachments/{id}', (w) => `/v1/attachments/${w.fromCitizen.attachmentId}`),
  postV2Attachments: {
    method: 'POST',
    template: '/v1/attachments',
    valid: async (w) => {
      const body = multipart([
        {
          name: 'metadata',
          contentType: 'application/json',
          content: JSON.stringify({ recipientId: w.citizen.identityCode }),
        },
        { name: 'file', fileName: 'liite.pdf', content: tinyPdf() },
      ]);
      return {
        method: 'POST',
        url: '/v1/attachments',
        template: '/v1/attachments',
        ...body,
        token: w.api.token,
      };
    },
  },
  getV1Events: getRecipe('/v1/events'),
  postV1Files: uploadRecipe('/v1/files'),
  postV1MessagesController: jsonRecipe('/v1/messages', async (w) => {
    const fileId = await upload(w, '/v1/files');
    return {
      externalId: newExternalId(),
      recipient: { id: w.citizen.identityCode },
      sender: { serviceId: w.organisation.serviceId },
      electronic: { title: 'Päätös', body: 'Ohessa päätös.', files: [{ fileId }] },
      paperMail: v1PaperFields(fileId),
    };
  }),
  postV1MessagesElectronic: jsonRecipe('/v1/messages/electronic', (w) => ({
    externalId: newExternalId(),
    recipient: { id: w.citizen.identityCode },
    sender: { serviceId: w.organisation.serviceId },
    electronic: { title: 'Päätös', body: 'Ohessa päätös.' },
  })),
  getV1MessagesIdState: getRecipe('/v1/messages/{id}/state', (w) => `/v1/messages/${w.sent.messageId}/state`),
  postV1PaperMailWithoutId: jsonRecipe('/v1/paper-mail-without-id', async (w) => {
    const paper = v1PaperFields(await upload(w, '/v1/files'));
    return {
      ...paper,
      externalId: newExternalId(),
      sender: { ...paper.sender, serviceId: w.organisation.serviceId },
    };
  }),
  postV3Attachments: uploadRecipe('/v2/attachments'),
  getV2Events: getRecipe('/v2/events'),
  postV2MessagesController: jsonRecipe('/v2/messages', async (w) => ({
    ...electronicRequest(w.organisation, w.citizen.identityCode),
    paperMail: paperMailPart(await upload(w, '/v2/attachments')),
  })),
  postV2MessagesElectronic: jsonRecipe('/v2/messages/electronic', (w) =>
    electronicRequest(w.organisation, w.citizen.identityCode),
  ),
  postV2PaperMailWithoutId: jsonRecipe('/v2/paper-mail-without-id', async (w) => ({
    externalId: newExternalId(),
    sender: { serviceId: w.organisation.serviceId },
    paperMail: paperMailPart(await upload(w, '/v2/attachments')),
  })),
};

/** Sends a call in-process and returns the raw response. */
export async function sendCall(h: TestHarness, call: ApiCall) {
  const headers: Record<string, string> = {};
  if (call.contentType) headers['content-type'] = call.contentType;
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  return h.app.inject({
    method: call.method,
    url: call.url,
    headers,
    ...(call.payload !== undefined ? { payload: call.payload } : {}),
    ...(call.remoteAddress ? { remoteAddress: call.remoteAddress } : {}),
  });
}
