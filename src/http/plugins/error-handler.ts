import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import { DomainError, TooManyRequestsError, ValidationError } from '../../errors.js';
import { defaultLocale, translator } from '../../i18n/i18n.js';
import { ErrorPage } from '../views/error-page.js';
import { renderPage } from '../views/render.js';
import { pageContext } from './request-context.js';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** 'body' + '/electronic/title' → 'electronic.title'; a missing property is named itself. */
function fieldOf(issue: ValidationIssue): string {
  const segments = issue.instancePath.split('/').filter(Boolean);
  if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
    segments.push(issue.params.missingProperty);
  }
  if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
    segments.push(issue.params.additionalProperty);
  }
  return segments.join('.') || 'body';
}

function describe(issue: ValidationIssue): string {
  if (issue.keyword === 'required') return `${fieldOf(issue)}: is required`;
  if (issue.keyword === 'additionalProperties') return `${fieldOf(issue)}: is not allowed`;
  return `${fieldOf(issue)}: ${issue.message ?? 'is invalid'}`;
}

/** What to answer for an error, before it is shaped for its audience (JSON or a page). */
export interface ErrorAnswer {
  status: number;
  reason: string;
  /** The reason as logged, where the answer names input the log must not hold (DomainError.loggedMessage). */
  loggedReason?: string;
  validationErrors?: { error: string; errorCode?: string }[];
  retryAfter?: number;
}

/**
 * Body-parser failures (malformed JSON, a forbidden `__proto__` key, an empty body, a broken or
 * over-full multipart stream) arrive as Fastify, @fastify/multipart or busboy errors; they concern
 * the request body as a whole and are the client's to fix, so each becomes a 4xx naming the body.
 */
function bodyProblem(error: FastifyError): ErrorAnswer | undefined {
  const code = error.code ?? '';
  const bad = (problem: string): ErrorAnswer => ({ status: 400, reason: `body: ${problem}` });
  // Fastify's JSON parser reports a `__proto__` or `constructor.prototype` key as invalid JSON too.
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return bad('is not valid JSON, or has a forbidden __proto__ or constructor.prototype key');
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return bad('must not be empty');
  if (code === 'FST_PROTO_VIOLATION') return bad('has a part with a forbidden name (__proto__)');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return bad('has more parts than the form takes (one file part and the documented fields)');
  }
  if (code === 'FST_INVALID_JSON_FIELD_ERROR')
    return bad('has a part declared as JSON that is not valid JSON');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    return { status: 415, reason: 'body: must be multipart/form-data' };
  }
  if (code === 'FST_MP_PREMATURE_CLOSE' || (!error.statusCode && busboyProblem.test(error.message))) {
    return bad('is not a well-formed multipart/form-data body');
  }
  return undefined;
}

/**
 * @fastify/busboy's errors for broken multipart framing (truncated data, no boundary, no or an odd
 * Content-Type); they carry no status code or error code of their own, only these messages.
 */
const busboyProblem =
  /unexpected end of multipart data|^Multipart: Boundary not found|^Unsupported Content-Type|^Missing Content-Type/i;

export function classifyError(error: FastifyError | Error): ErrorAnswer {
  if (error instanceof ValidationError) {
    return {
      status: 400,
      reason: error.message,
      validationErrors: [{ error: error.message, ...(error.code ? { errorCode: error.code } : {}) }],
    };
  }
  if (error instanceof TooManyRequestsError) {
    return { status: 429, reason: error.message, retryAfter: error.retryAfterSeconds };
  }
  if (error instanceof DomainError) {
    return {
      status: error.status,
      reason: error.message,
      ...(error.loggedMessage !== error.message ? { loggedReason: error.loggedMessage } : {}),
    };
  }
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[] };
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map(describe);
    return {
      status: 400,
      reason: errors[0] ?? 'invalid request',
      validationErrors: errors.map((e) => ({ error: e })),
    };
  }
  const problem = bodyProblem(fastifyError);
  if (problem) return problem;
  // Temporary: the database is out of reach or the process sheds load. The client should come back.
  if (fastifyError.code === 'FST_UNDER_PRESSURE' || isDatabaseUnavailable(error)) {
    return {
      status: 503,
      reason: 'The service is temporarily unavailable; try again shortly',
      retryAfter: 5,
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const retryAfter = status === 429 ? retryAfterOf(fastifyError) : undefined;
    return { status, reason: fastifyError.message, ...(retryAfter ? { retryAfter } : {}) };
  }
  return { status: 500, reason: 'Internal server error' };
}

function retryAfterOf(error: FastifyError): number | undefined {
  const ttl = (error as { ttl?: unknown }).ttl;
  return typeof ttl === 'number' ? Math.max(1, Math.ceil(ttl / 1000)) : undefined;
}

function logAnswer(request: FastifyRequest, error: Error | undefined, answer: ErrorAnswer): void {
  if (answer.status === 503) request.log.warn({ err: error }, 'request refused: service unavailable');
  else if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
  else
    request.log.info(
      { status: answer.status, reason: answer.loggedReason ?? answer.reason },
      'request rejected',
    );
}

/**
 * The organisation API's error body: `{reason}`, and `validationErrors` on every 400 (the contract's
 * ValidationErrorResponseV1 requires it; on operations whose 400 is the plain ErrorResponseV1 the
 * response serializer leaves it out).
 */
export function sendApiError(reply: FastifyReply, answer: ErrorAnswer) {
  if (answer.retryAfter !== undefined) void reply.header('retry-after', String(answer.retryAfter));
  const body: Record<string, unknown> = { reason: answer.reason };
  if (answer.validationErrors) body.validationErrors = answer.validationErrors;
  else if (answer.status === 400) body.validationErrors = [{ error: answer.reason }];
  return reply.status(answer.status).type('application/json').send(body);
}

function webMessage(request: FastifyRequest, status: number): string {
  const t = request.t;
  if (status === 404) return t('errors.notFound');
  if (status === 401 || status === 403) return t('errors.forbidden');
  if (status === 429) return t('errors.tooManyRequests');
  if (status === 503) return t('errors.unavailable');
  if (status >= 500) return t('errors.server');
  return t('errors.badRequest');
}

function sendPageError(request: FastifyRequest, reply: FastifyReply, answer: ErrorAnswer) {
  // Before the request context exists (a malformed URL) there is no language to answer in.
  if (!request.t) return sendApiError(reply, answer);
  if (answer.retryAfter !== undefined) void reply.header('retry-after', String(answer.retryAfter));
  const html = renderPage(
    ErrorPage({
      ctx: pageContext(request),
      status: answer.status,
      message: webMessage(request, answer.status),
    }),
  );
  return reply.status(answer.status).type('text/html; charset=utf-8').send(html);
}

/** The organisation API's handlers, registered inside its own scope (see routes/api/index.ts). */
export const apiErrorHandlers = {
  error(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const answer = classifyError(error);
    logAnswer(request, error, answer);
    return sendApiError(reply, answer);
  },
  notFound(_request: FastifyRequest, reply: FastifyReply) {
    return sendApiError(reply, { status: 404, reason: 'Not found' });
  },
};

/**
 * The web pages' error handler: an HTML page in the user's language; 5xx details go to the log only.
 * The organisation API sets its own handlers in its scope.
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const answer = classifyError(error);
      logAnswer(request, error, answer);
      return sendPageError(request, reply, answer);
    });
    app.setNotFoundHandler((request, reply) =>
      sendPageError(request, reply, { status: 404, reason: 'Not found' }),
    );
  },
  { name: 'error-handler', dependencies: ['request-context'] },
);

/**
 * Requests Fastify refuses before routing (a malformed percent-encoding in the path): no hook has
 * run and no scope applies, so the answer is written here in full, as the API's JSON where the API
 * says the URL is its own and as a Finnish error page elsewhere (no language has been chosen yet).
 */
export const answerUnroutable =
  (isApiUrl: (url: string) => boolean) =>
  (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    request.log.info({ status, code: error.code }, 'request rejected before routing');
    const headers: Record<string, string> = {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': request.id,
    };
    let body: string;
    if (isApiUrl(request.raw.url ?? '')) {
      body = JSON.stringify({
        reason: 'the request path is malformed',
        validationErrors: [{ error: 'path: is malformed' }],
      });
      Object.assign(headers, { 'content-type': 'application/json', traceId: request.id });
    } else {
      const t = translator(defaultLocale);
      body = renderPage(
        ErrorPage({
          ctx: { locale: defaultLocale, t, currentPath: '/', textSize: 1 },
          status,
          message: t('errors.badRequest'),
        }),
      );
      headers['content-type'] = 'text/html; charset=utf-8';
    }
    headers['content-length'] = String(Buffer.byteLength(body));
    reply.hijack();
    reply.raw.writeHead(status, headers);
    reply.raw.end(body);
  };
