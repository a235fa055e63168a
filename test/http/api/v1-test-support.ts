import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ApiResponse } from '../../helpers/api-client.js';
import { assertContractResponse, loadContract } from '../../helpers/contract.js';
import type { TestHarness } from '../../helpers/test-app.js';

/** Shared by the v1 API tests: v1 multipart uploads and checks the contract helper cannot make. */

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

async function componentValidator(name: string) {
  const contract = (await loadContract()) as unknown as {
    components: { schemas: Record<string, object> };
  };
  const schema = contract.components.schemas[name];
  assert.ok(schema, `the contract has no schema ${name}`);
  return ajv.compile(schema);
}

/** Asserts that a body matches one of the contract's component schemas. */
export async function assertContractSchema(name: string, body: unknown): Promise<void> {
  const validate = await componentValidator(name);
  assert.ok(validate(body), `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
}

/**
 * The v1 `Event` is a oneOf whose variants overlap: a receipt confirmation also satisfies the generic
 * variant (and its metadata both metadata variants), so no receipt event can satisfy "exactly one".
 * Each event is checked against `Event`; where that fails only because more than one branch matched,
 * it is checked against the specific variant instead.
 */
const specificVariant: Record<string, string> = {
  'Receipt confirmed': 'ElectronicVerifiableServiceMessageReceiptConfirmedEvent',
  'Posti: Receipt confirmed': 'PostiReceiptConfirmedMessageEvent',
};

export async function assertV1Event(event: { eventType: string }): Promise<void> {
  const validate = await componentValidator('Event');
  const subject: unknown = event;
  if (validate(subject)) return;
  const variant = specificVariant[event.eventType];
  assert.ok(variant, `Event: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(event)}`);
  // Ajv reports each oneOf that failed with the branches that passed: null when none did.
  const oneOfs = (validate.errors ?? []).filter((e) => e.keyword === 'oneOf');
  const onlyOverlap =
    oneOfs.length > 0 &&
    oneOfs.every((e) => Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas));
  assert.ok(onlyOverlap, `Event: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(event)}`);
  await assertContractSchema(variant, event);
}

/**
 * A multipart body with a "file" part (declared application/octet-stream unless told otherwise)
 * and, optionally, a JSON "metadata" part before it.
 */
export function multipartBody(
  content: Buffer,
  fileName: string,
  metadata?: unknown,
  declaredType = 'application/octet-stream',
): { payload: Buffer; contentType: string } {
  const boundary = `----v1test${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  if (metadata !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n` +
          `Content-Type: application/json\r\n\r\n${typeof metadata === 'string' ? metadata : JSON.stringify(metadata)}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: ${declaredType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /v1/files or /v1/attachments, validated against the contract unless told otherwise. */
export async function uploadV1(
  h: TestHarness,
  token: string | null,
  url: '/v1/files' | '/v1/attachments',
  body: { payload: Buffer; contentType: string },
  options: { unchecked?: boolean } = {},
): Promise<ApiResponse> {
  const response = await h.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': body.contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body.payload,
  });
  if (!options.unchecked) await assertContractResponse('POST', url, response);
  return response as unknown as ApiResponse;
}
