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

/** A JSON POST; the API's JSON POST routes have no path parameters, so the URL is its own template. */
function json(world: ApiWorld, url: string, body: unknown): ApiCall {
  return {
    method: 'POST',
    url,
    template: url,
    payload: JSON.stringify(body),
    contentType: 'application/json',
    token: world.api.token,
  };
}

function get(world: ApiWorld, template: string, url: string): ApiCall {
  return { method: 'GET', url, template, token: world.api.token };
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

/** Recipes by the contract's operationId. */
export const operationRecipes: Record<string, OperationRecipe> = {
  postV1Token: {
    method: 'POST',
    template: '/v1/token',
    valid: async (w) => ({
      ...json(w, '/v1/token', {
        username: w.organisation.username,
        password: w.organisation.password,
      }),
      token: null,
    }),
  },
  postV1ChangePassword: {
    method: 'POST',
    template: '/v1/change-password',
    // Valid in shape; whether the password changes depends on the token and interval rules.
    valid: async (w) => ({
      ...json(w, '/v1/change-password', {
        accessToken: w.api.token,
        currentPassword: w.organisation.password,
        newPassword: w.organisation.password,
      }),
      token: null,
    }),
  },
  postV1MailboxesActive: {
    method: 'POST',
    template: '/v1/mailboxes/active',
    valid: async (w) =>
      json(w, '/v1/mailboxes/active', {
        endUsers: [{ id: w.citizen.identityCode }],
      }),
  },
  getV1MessagesId: {
    method: 'GET',
    template: '/v1/messages/id',
    valid: async (w) =>
      get(w, '/v1/messages/id', `/v1/messages/id?externalId=${encodeURIComponent(w.sent.externalId)}`),
  },
  getV1Messages: {
    method: 'GET',
    template: '/v1/messages/{id}',
    valid: async (w) => get(w, '/v1/messages/{id}', `/v1/messages/${w.fromCitizen.messageId}`),
  },
  getV2Messages: {
    method: 'GET',
    template: '/v2/messages/{id}',
    valid: async (w) => get(w, '/v2/messages/{id}', `/v2/messages/${w.fromCitizen.messageId}`),
  },
  getV1Attachment: {
    method: 'GET',
    template: '/v1/attachments/{id}',
    valid: async (w) => get(w, '/v1/attachments/{id}', `/v1/attachments/${w.fromCitizen.attachmentId}`),
  },
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
  getV1Events: {
    method: 'GET',
    template: '/v1/events',
    valid: async (w) => get(w, '/v1/events', '/v1/events'),
  },
  postV1Files: {
    method: 'POST',
    template: '/v1/files',
    valid: async (w) => fileUpload(w, '/v1/files'),
  },
  postV1MessagesController: {
    method: 'POST',
    template: '/v1/messages',
    valid: async (w) => {
      const fileId = await upload(w, '/v1/files');
      return json(w, '/v1/messages', {
        externalId: newExternalId(),
        recipient: { id: w.citizen.identityCode },
        sender: { serviceId: w.organisation.serviceId },
        electronic: { title: 'Päätös', body: 'Ohessa päätös.', files: [{ fileId }] },
        paperMail: v1PaperFields(fileId),
      });
    },
  },
  postV1MessagesElectronic: {
    method: 'POST',
    template: '/v1/messages/electronic',
    valid: async (w) =>
      json(w, '/v1/messages/electronic', {
        externalId: newExternalId(),
        recipient: { id: w.citizen.identityCode },
        sender: { serviceId: w.organisation.serviceId },
        electronic: { title: 'Päätös', body: 'Ohessa päätös.' },
      }),
  },
  getV1MessagesIdState: {
    method: 'GET',
    template: '/v1/messages/{id}/state',
    valid: async (w) => get(w, '/v1/messages/{id}/state', `/v1/messages/${w.sent.messageId}/state`),
  },
  postV1PaperMailWithoutId: {
    method: 'POST',
    template: '/v1/paper-mail-without-id',
    valid: async (w) => {
      const fileId = await upload(w, '/v1/files');
      const paper = v1PaperFields(fileId);
      return json(w, '/v1/paper-mail-without-id', {
        ...paper,
        externalId: newExternalId(),
        sender: { ...paper.sender, serviceId: w.organisation.serviceId },
      });
    },
  },
  postV3Attachments: {
    method: 'POST',
    template: '/v2/attachments',
    valid: async (w) => fileUpload(w, '/v2/attachments'),
  },
  getV2Events: {
    method: 'GET',
    template: '/v2/events',
    valid: async (w) => get(w, '/v2/events', '/v2/events'),
  },
  postV2MessagesController: {
    method: 'POST',
    template: '/v2/messages',
    valid: async (w) => {
      const attachmentId = await upload(w, '/v2/attachments');
      const request = electronicRequest(w.organisation, w.citizen.identityCode);
      return json(w, '/v2/messages', { ...request, paperMail: paperMailPart(attachmentId) });
    },
  },
  postV2MessagesElectronic: {
    method: 'POST',
    template: '/v2/messages/electronic',
    valid: async (w) =>
      json(w, '/v2/messages/electronic', electronicRequest(w.organisation, w.citizen.identityCode)),
  },
  postV2PaperMailWithoutId: {
    method: 'POST',
    template: '/v2/paper-mail-without-id',
    valid: async (w) => {
      const attachmentId = await upload(w, '/v2/attachments');
      return json(w, '/v2/paper-mail-without-id', {
        externalId: newExternalId(),
        sender: { serviceId: w.organisation.serviceId },
        paperMail: paperMailPart(attachmentId),
      });
    },
  },
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
