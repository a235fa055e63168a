import type { TestHarness } from './test-app.js';
import { assertContractResponse } from './contract.js';
import { type ApiOrganisation } from './fixtures.js';
import { recordSecret } from './leak-record.js';

export interface ApiResponse {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  rawPayload: Buffer;
  json<T = Record<string, unknown>>(): T;
}

/** Contract path templates of our routes, for looking up the response schema of a concrete URL. */
const templates: Array<[RegExp, string]> = [
  [/^\/v1\/messages\/[^/]+\/state$/, '/v1/messages/{id}/state'],
  [/^\/v2\/messages\/[^/]+$/, '/v2/messages/{id}'],
  [/^\/v1\/attachments\/[^/]+$/, '/v1/attachments/{id}'],
];

export function pathTemplate(url: string): string {
  const pathOnly = url.split('?')[0]!;
  if (pathOnly === '/v2/messages/electronic') return pathOnly;
  for (const [pattern, template] of templates) if (pattern.test(pathOnly)) return template;
  return pathOnly;
}

export interface RequestOptions {
  token?: string | null;
  headers?: Record<string, string>;
  remoteAddress?: string;
  /** Skip contract validation (e.g. our own /api-docs routes). */
  unchecked?: boolean;
}

/**
 * Calls the organisation API in-process like an existing Suomi.fi Messages client would, and
 * validates every response against the contract before handing it back.
 */
export class ApiClient {
  token: string | null = null;

  constructor(private readonly h: TestHarness) {}

  async login(organisation: Pick<ApiOrganisation, 'username' | 'password'>): Promise<string> {
    const response = await this.post('/v1/token', {
      username: organisation.username,
      password: organisation.password,
    });
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    this.token = response.json<{ access_token: string }>().access_token;
    return this.token;
  }

  post(url: string, payload: unknown, options: RequestOptions = {}): Promise<ApiResponse> {
    return this.request(
      'POST',
      url,
      { payload: JSON.stringify(payload), contentType: 'application/json' },
      options,
    );
  }

  get(url: string, options: RequestOptions = {}): Promise<ApiResponse> {
    return this.request('GET', url, {}, options);
  }

  /** POST /v2/attachments with a multipart body holding one part named "file". */
  upload(
    content: Buffer,
    fileName: string,
    options: RequestOptions & { field?: string; declaredType?: string } = {},
  ): Promise<ApiResponse> {
    recordSecret('attachment name', fileName);
    const boundary = `----asiointitili${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'file'}"; filename="${fileName}"\r\n` +
        `Content-Type: ${options.declaredType ?? 'application/octet-stream'}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return this.request(
      'POST',
      '/v2/attachments',
      {
        payload: Buffer.concat([head, content, tail]),
        contentType: `multipart/form-data; boundary=${boundary}`,
      },
      options,
    );
  }

  private async request(
    method: 'GET' | 'POST',
    url: string,
    body: { payload?: string | Buffer; contentType?: string },
    options: RequestOptions,
  ): Promise<ApiResponse> {
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (body.contentType) headers['content-type'] = body.contentType;
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await this.h.app.inject({
      method,
      url,
      headers,
      ...(body.payload !== undefined ? { payload: body.payload } : {}),
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    });
    if (!options.unchecked) await assertContractResponse(method, pathTemplate(url), response);
    return response as unknown as ApiResponse;
  }
}
