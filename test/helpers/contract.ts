import assert from 'node:assert/strict';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { projectRoot } from '../../src/project-root.js';

/**
 * Validates organisation API responses against the published Suomi.fi Messages contract (a copy of
 * the OpenAPI 3.0 document is kept beside the API tests so the suite runs anywhere).
 */
export const contractFile = path.join(projectRoot, 'test/http/api/contract/suomifi-messages-api.yaml');

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module namespace.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

type Schema = Record<string, unknown>;
interface ResponseObject {
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Schema }>;
}
interface OperationObject {
  operationId?: string;
  responses: Record<string, ResponseObject>;
}
export interface ContractDocument {
  paths: Record<string, Record<string, OperationObject>>;
}

/**
 * Statuses we answer although the contract does not list them for every operation: 401 (no or
 * expired token; the contract forgets it on some operations), 403 (address not on the allowlist:
 * "All endpoints require a whitelisted IP address"), 413 (a body over the limit), 414 (a path
 * parameter over Fastify's length limit), 415 (a media type
 * the operation does not read) and 429 (throttling). Their bodies must still be the contract's
 * ErrorResponseV1.
 */
const deliberateStatuses = new Set([401, 403, 413, 414, 415, 429, 503]);
const errorResponseV1: Schema = {
  type: 'object',
  required: ['reason'],
  properties: { reason: { type: 'string' } },
};

let loaded: Promise<ContractDocument> | undefined;
const validators = new Map<string, ValidateFunction | null>();
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

export function loadContract(): Promise<ContractDocument> {
  loaded ??= SwaggerParser.dereference(contractFile) as unknown as Promise<ContractDocument>;
  return loaded;
}

/**
 * OpenAPI 3.0 is not quite JSON Schema: `nullable: true` means "or null", and `discriminator` is an
 * annotation (the oneOf alone decides). Converted recursively; the dereferenced document has no $refs.
 */
function toJsonSchema(node: unknown, seen = new Map<object, unknown>()): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, seen));
  if (node === null || typeof node !== 'object') return node;
  if (seen.has(node)) return seen.get(node);
  const result: Schema = {};
  seen.set(node, result);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator' || key === 'example') continue;
    result[key] = toJsonSchema(value, seen);
  }
  if (result.nullable === true) {
    delete result.nullable;
    if (typeof result.type === 'string') result.type = [result.type, 'null'];
    else result.anyOf = [...((result.anyOf as unknown[]) ?? [{}]), { type: 'null' }];
  }
  return result;
}

async function validatorFor(method: string, pathTemplate: string, status: number, mediaType: string) {
  const key = `${method} ${pathTemplate} ${status} ${mediaType}`;
  if (validators.has(key)) return validators.get(key)!;
  const contract = await loadContract();
  const operation = contract.paths[pathTemplate]?.[method.toLowerCase()];
  assert.ok(operation, `the contract has no operation ${method} ${pathTemplate}`);
  let response = operation.responses[String(status)];
  if (!response && deliberateStatuses.has(status)) {
    response = { content: { 'application/json': { schema: errorResponseV1 } } };
  }
  assert.ok(response, `the contract lists no ${status} response for ${method} ${pathTemplate}`);
  const content = response.content ?? {};
  if (Object.keys(content).length === 0) {
    validators.set(key, null);
    return null;
  }
  const schema = content[mediaType]?.schema;
  assert.ok(schema, `the contract has no ${mediaType} body for ${status} of ${method} ${pathTemplate}`);
  const validate = ajv.compile(toJsonSchema(schema) as Schema);
  validators.set(key, validate);
  return validate;
}

export interface ResponseLike {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether the contract declares a `traceId` header on this response of the operation. */
export async function declaresTraceId(
  method: string,
  pathTemplate: string,
  status: number,
): Promise<boolean> {
  const contract = await loadContract();
  const response = contract.paths[pathTemplate]?.[method.toLowerCase()]?.responses[String(status)];
  return Object.keys(response?.headers ?? {}).includes('traceId');
}

/**
 * Asserts the wire format the contract fixes: the media type exactly as declared (strict clients
 * compare `Content-Type` whole, so no `; charset=` parameter on JSON), and a UUID `traceId` header
 * wherever the contract declares one (we send it on every API response).
 */
export async function assertContractHeaders(method: string, pathTemplate: string, response: ResponseLike) {
  const where = `${method} ${pathTemplate} ${response.statusCode}`;
  const contentType = String(response.headers['content-type'] ?? '');
  if (response.body.length > 0 && contentType.startsWith('application/json')) {
    assert.equal(contentType, 'application/json', `${where}: Content-Type must be exactly application/json`);
  }
  if (contentType.startsWith('text/plain')) {
    assert.equal(contentType, 'text/plain', `${where}: Content-Type must be exactly text/plain`);
  }
  const traceId = response.headers.traceid;
  if (await declaresTraceId(method, pathTemplate, response.statusCode)) {
    assert.equal(typeof traceId, 'string', `${where}: the contract declares a traceId header`);
  }
  if (traceId !== undefined) assert.match(String(traceId), uuid, `${where}: traceId must be a UUID`);
}

/**
 * Asserts that the status is one the contract lists for the operation, that the headers are as it
 * declares, and that the body matches the contract's schema for it.
 */
export async function assertContractResponse(method: string, pathTemplate: string, response: ResponseLike) {
  await assertContractHeaders(method, pathTemplate, response);
  const contentType = String(response.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim();
  const validate = await validatorFor(
    method,
    pathTemplate,
    response.statusCode,
    contentType || 'application/json',
  );
  if (!validate) return;
  const body: unknown = contentType === 'application/json' ? JSON.parse(response.body) : response.body;
  if (!validate(body)) {
    assert.fail(
      `${method} ${pathTemplate} ${response.statusCode} does not match the contract: ` +
        `${ajv.errorsText(validate.errors)}\nbody: ${response.body.slice(0, 2000)}`,
    );
  }
}
