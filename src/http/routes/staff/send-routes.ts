import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../errors.js';
import {
  StaffSendRejected,
  messageStages,
  newSendKey,
  sendingLimits,
  type MailboxCheck,
  type MessagingServices,
  type SentList,
  type StaffSendForm,
  type StaffSendProblem,
  type StaffUploadedFile,
} from '../../../modules/messages/index.js';
import { assertStaffCsrf, requireStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import {
  StaffSendPage,
  StaffSentListPage,
  StaffSentMessagePage,
  caseWorkPaths,
} from '../../views/staff/case-work-pages.js';
import { sendFormIntents, type SendFormIntent, type SendFormValues } from '../../views/staff/send-page.js';
import type { SentFilterField, SentFilterValues } from '../../views/staff/sent-list-page.js';
import { readComposeForm } from '../web/mailbox-multipart.js';
import { staffFrame } from './staff-start-routes.js';
import { sendPersonalPage } from '../personal-page.js';
import { caseWorkerOf } from './staff-replies.js';

const html = Type.String();

/** Why a citizen's mailbox is looked up from the send form, and why a sent message is opened (audited). */
const checkPurpose = 'sending';
const openPurpose = 'case-handling';

const MessageParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
/**
 * After sending (post/redirect/get): `1` the form sent the message, `0` it had been sent before and
 * nothing new was sent. A fixed list, so nothing is echoed.
 */
const MessageQuery = Type.Object({
  lahetetty: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])),
});
/**
 * The sent list's filters. A blank field means "any" (the form sends every field); the service
 * checks the dates, the identity code and the search's purpose, and the page shows what is wrong.
 * The list's links carry the filters that name no one; the form posts all of them, so that a search
 * by identity code never goes into an address, a browser's history or a proxy's log (ASVS 8.3.1).
 */
const filterSchemas = {
  service: Type.Optional(Type.String({ pattern: '^[0-9]{0,15}$' })),
  stage: Type.Optional(Type.Union([Type.Literal(''), ...messageStages.map((stage) => Type.Literal(stage))])),
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
};
const ListQuery = Type.Object({
  ...filterSchemas,
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const ListForm = Type.Object({
  _csrf: Type.Optional(Type.String()),
  ...filterSchemas,
  recipient: Type.Optional(Type.String({ maxLength: 20 })),
  // Longer than the limit, so an over-long purpose comes back to the form with its problem.
  purpose: Type.Optional(Type.String({ maxLength: 1_000 })),
  page: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
});

/** The form's own check of `_csrf` (readComposeForm with the staff session's token), before any file. */
const multipartConfig = { staffAccess: 'case-worker', csrfCheckedInHandler: true } as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function positiveInteger(text: string | undefined): number | undefined {
  const value = Number(text);
  return text && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function blankToUndefined(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The posted form as the service reads it. */
function sendFormOf(fields: Record<string, string>, files: StaffUploadedFile[]): StaffSendForm {
  return {
    sendKey: fields.sendKey ?? '',
    identityCode: fields.identityCode ?? '',
    servicePk: positiveInteger(fields.service),
    title: fields.title ?? '',
    body: fields.body ?? '',
    bodyFormat: fields.bodyFormat === 'Markdown' ? 'Markdown' : 'Text',
    verifiable: fields.kind === 'verifiable',
    replyAllowed: fields.replyAllowed !== undefined,
    paperFallback: fields.paperFallback !== undefined,
    attachments: files,
  };
}

function valuesOf(form: StaffSendForm): SendFormValues {
  return {
    identityCode: form.identityCode,
    servicePk: form.servicePk,
    title: form.title,
    body: form.body,
    bodyFormat: form.bodyFormat,
    verifiable: form.verifiable,
    replyAllowed: form.replyAllowed,
    paperFallback: form.paperFallback,
  };
}

function intentOf(value: string | undefined): SendFormIntent | undefined {
  return sendFormIntents.find((intent) => intent === value);
}

const filterFields: readonly SentFilterField[] = ['from', 'to', 'recipient', 'purpose'];

function filterProblemKey(field: SentFilterField) {
  if (field === 'recipient') return 'staff.sent.problems.recipient' as const;
  if (field === 'purpose') return 'staff.sent.problems.purpose' as const;
  return 'staff.sent.problems.date' as const;
}

/**
 * §2 Send and Sent: GET /virkailija/laheta (the form, with a fresh key), POST /virkailija/laheta
 * (multipart; the pressed button says what to do: `check` the mailbox (audited), `preview` the body,
 * or `send`, which answers 303 to the message's page so a reload sends nothing), GET and POST
 * /virkailija/lahetetyt (the list with its filters; a search by recipient is posted and audited) and GET
 * /virkailija/lahetetyt/:id (the message and its timeline; opening it is audited). Case workers only;
 * the messages module scopes every lookup to their organisation and services, so anything else is 404.
 */
export function sendRoutes(messaging: MessagingServices): FastifyPluginAsyncTypebox {
  const staffMessaging = messaging.staff;
  return async (app) => {
    app.get(
      caseWorkPaths.send,
      { config: { staffAccess: 'case-worker' }, schema: { hide: true, response: { 200: html } } },
      async (request, reply) => {
        const staff = requireStaff(request);
        const services = await staffMessaging.sendableServices(caseWorkerOf(staff, request));
        const page = StaffSendPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          paths: caseWorkPaths,
          services,
          sendKey: newSendKey(),
          values: { verifiable: false, replyAllowed: false, paperFallback: false },
          problems: [],
        });
        return sendPersonalPage(reply, page);
      },
    );

    // A multipart body is a stream, read (and its `_csrf` checked) by readComposeForm: no body schema.
    app.post(
      caseWorkPaths.send,
      {
        config: multipartConfig,
        schema: { hide: true, response: { 200: html, 400: html, 413: html, 415: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const actor = caseWorkerOf(staff, request);
        const { fields, files } = await readComposeForm(request, {
          checkCsrf: assertStaffCsrf,
          attachmentBytes: sendingLimits.attachmentBytes,
          attachmentCount: sendingLimits.attachmentCount,
        });
        const form = sendFormOf(fields, files);
        const intent = intentOf(fields.intent);
        if (!intent) throw new ValidationError('intent', 'is not a button of the form');

        let problems: StaffSendProblem[] = [];
        let status = 200;
        let mailboxCheck: MailboxCheck | undefined;
        let previewHtml: string | undefined;
        if (intent === 'send') {
          try {
            const result = await staffMessaging.send(actor, form);
            const sent = result.created ? '1' : '0';
            return reply.redirect(`${caseWorkPaths.message(result.messageId)}?lahetetty=${sent}`, 303);
          } catch (error) {
            if (!(error instanceof StaffSendRejected)) throw error;
            problems = error.problems;
            status = error.status;
          }
        } else if (intent === 'check') {
          try {
            mailboxCheck = await staffMessaging.checkMailbox(actor, form.identityCode, checkPurpose);
          } catch (error) {
            if (!(error instanceof ValidationError) || error.field !== 'identityCode') throw error;
            const code = form.identityCode.trim() === '' ? 'required' : 'invalid';
            problems = [{ field: 'identityCode', code }];
            status = 400;
          }
        } else {
          previewHtml = staffMessaging.preview(form.body, form.bodyFormat);
        }
        // The form comes back with what was typed and the same key, so a later send is still one.
        const page = StaffSendPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          paths: caseWorkPaths,
          services: await staffMessaging.sendableServices(actor),
          sendKey: uuidPattern.test(form.sendKey) ? form.sendKey : newSendKey(),
          values: valuesOf(form),
          problems,
          mailboxCheck,
          previewHtml,
          filesDropped: files.length > 0,
        });
        return sendPersonalPage(reply, page, status);
      },
    );

    type ListFilters = Omit<Static<typeof ListForm>, 'page' | '_csrf'>;
    /** The list for the filters given, or the form with what the service refused in them. */
    async function sentListPage(
      request: FastifyRequest,
      reply: FastifyReply,
      filters: ListFilters,
      page: number,
    ) {
      const staff = requireStaff(request);
      const actor = caseWorkerOf(staff, request);
      const values: SentFilterValues = {
        servicePk: positiveInteger(filters.service),
        stage: filters.stage || undefined,
        from: blankToUndefined(filters.from),
        to: blankToUndefined(filters.to),
        recipient: blankToUndefined(filters.recipient),
        purpose: blankToUndefined(filters.purpose),
      };
      const ctx = pageContext(request);
      let list: SentList | undefined;
      let problems: Array<{ field: SentFilterField; message: string }> = [];
      try {
        list = await staffMessaging.sentMessages(actor, { ...values, page });
      } catch (error) {
        const field =
          error instanceof ValidationError ? filterFields.find((f) => f === error.field) : undefined;
        if (!field) throw error;
        problems = [{ field, message: ctx.t(filterProblemKey(field)) }];
      }
      const view = StaffSentListPage({
        ctx,
        frame: staffFrame(staff),
        paths: caseWorkPaths,
        services: await staffMessaging.visibleServices(actor),
        values,
        list,
        problems,
      });
      return sendPersonalPage(reply, view, problems.length > 0 ? 400 : 200);
    }

    app.get(
      caseWorkPaths.sent,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, querystring: ListQuery, response: { 200: html, 400: html } },
      },
      (request, reply) => {
        // Only the filters that name no one are read from an address, whatever else it holds.
        const { service, stage, from, to, page } = request.query;
        return sentListPage(request, reply, { service, stage, from, to }, page ?? 1);
      },
    );

    // The same list, searched with the posted form (the staff session plugin has checked its _csrf).
    app.post(
      caseWorkPaths.sent,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, body: ListForm, response: { 200: html, 400: html } },
      },
      (request, reply) =>
        sentListPage(request, reply, request.body, Math.max(1, Number(request.body.page ?? '1'))),
    );

    app.get(
      `${caseWorkPaths.sent}/:id`,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, params: MessageParams, querystring: MessageQuery, response: { 200: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const message = await staffMessaging.sentMessage(
          caseWorkerOf(staff, request),
          request.params.id,
          openPurpose,
        );
        const { lahetetty } = request.query;
        const page = StaffSentMessagePage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          paths: caseWorkPaths,
          message,
          sent: lahetetty === '1' ? 'created' : lahetetty === '0' ? 'duplicate' : undefined,
        });
        return sendPersonalPage(reply, page);
      },
    );
  };
}
