import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError, TooManyRequestsError, ValidationError } from '../../errors.js';
import { ErrorPage } from '../views/error-page.js';
import { renderPage } from '../views/render.js';
import { pageContext } from './request-context.js';

/** The organisation API answers JSON in the contract's shape; everything else is a web page. */
export function isApiRequest(request: FastifyRequest): boolean {
  return /^\/v[12](\/|$)/.test(request.url);
}

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

interface Answer {
  status: number;
  reason: string;
  validationErrors?: { error: string; errorCode?: string }[];
  retryAfter?: number;
}

function classify(error: FastifyError | Error): Answer {
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
  if (error instanceof DomainError) return { status: error.status, reason: error.message };
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[] };
  if (fastifyError.validation) {
    const errors = fastifyError.validation.map(describe);
    return {
      status: 400,
      reason: errors[0] ?? 'invalid request',
      validationErrors: errors.map((e) => ({ error: e })),
    };
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return { status, reason: fastifyError.message };
  return { status: 500, reason: 'Internal server error' };
}

function webMessage(request: FastifyRequest, status: number): string {
  const t = request.t;
  if (status === 404) return t('errors.notFound');
  if (status === 401 || status === 403) return t('errors.forbidden');
  if (status === 429) return t('errors.tooManyRequests');
  if (status >= 500) return t('errors.server');
  return t('errors.badRequest');
}

function send(request: FastifyRequest, reply: FastifyReply, answer: Answer) {
  if (answer.retryAfter !== undefined) void reply.header('retry-after', String(answer.retryAfter));
  void reply.status(answer.status);
  if (isApiRequest(request) || !request.t) {
    const body: Record<string, unknown> = { reason: answer.reason };
    if (answer.validationErrors) body.validationErrors = answer.validationErrors;
    return reply.type('application/json; charset=utf-8').send(body);
  }
  const html = renderPage(
    ErrorPage({
      ctx: pageContext(request),
      status: answer.status,
      message: webMessage(request, answer.status),
    }),
  );
  return reply.type('text/html; charset=utf-8').send(html);
}

/** One error handler for the whole service; 5xx details go to the log only, never to the client. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const answer = classify(error);
      if (answer.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ status: answer.status, reason: answer.reason }, 'request rejected');
      return send(request, reply, answer);
    });
    app.setNotFoundHandler((request, reply) => send(request, reply, { status: 404, reason: 'Not found' }));
  },
  { name: 'error-handler', dependencies: ['request-context'] },
);
