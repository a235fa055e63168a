import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ReplyRejected, type MessagingServices, type ReplyProblem } from '../../../modules/messages/index.js';
import { requireStaff } from '../../plugins/staff-session.js';
import { pageContext } from '../../plugins/request-context.js';
import {
  ReceivedListPage,
  ReceivedMessagePage,
  receivedPath,
  type ReplyFormValues,
} from '../../views/staff/received-pages.js';
import { sendAttachment } from '../web/mailbox-download.js';
import { staffFrame } from './staff-start-routes.js';
import { sendPersonalPage } from '../personal-page.js';
import { caseWorkerOf } from './staff-replies.js';

const html = Type.String();
const binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

const MessageParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  attachmentId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,128}$' }),
});
/** The outcome of the previous action (post/redirect/get); a fixed list, so nothing is echoed. */
const NoticeQuery = Type.Optional(
  Type.Union([Type.Literal('sent'), Type.Literal('handled'), Type.Literal('unhandled')]),
);
const ListQuery = Type.Object({
  tila: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('unhandled'), Type.Literal('handled')])),
  sivu: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  ilmoitus: NoticeQuery,
});
const MessageQuery = Type.Object({ ilmoitus: NoticeQuery });
const ReplyBody = Type.Object({
  _csrf: Type.String(),
  replyKey: Type.String({ maxLength: 64 }),
  // Longer than the limits, so an over-long text comes back to the form with its problem, not a 400 page.
  title: Type.String({ maxLength: 2_000 }),
  body: Type.String({ maxLength: 100_000 }),
});
const HandledBody = Type.Object({
  _csrf: Type.String(),
  /** "1" marks the message handled, "0" returns it to not handled: repeating either changes nothing. */
  handled: Type.Union([Type.Literal('1'), Type.Literal('0')]),
});

function freshReplyForm(title: string, ctx: ReturnType<typeof pageContext>): ReplyFormValues {
  return { replyKey: randomUUID(), title: ctx.t('staff.received.reply.titlePrefix', { title }), body: '' };
}

/**
 * §2 Received: GET /virkailija/saapuneet (the list), GET …/:id (open, audited), GET …/:id/liitteet/:attachmentId
 * (download, audited), POST …/:id/vastaa (reply in the thread, once per form) and POST …/:id/kasitelty
 * (mark handled or not). Case workers only (`staffAccess: 'case-worker'`); the messages module
 * scopes every lookup to their organisation and services, so anything else is a 404.
 */
export function receivedRoutes(messaging: MessagingServices): FastifyPluginAsyncTypebox {
  const received = messaging.received;
  return async (app) => {
    app.get(
      receivedPath,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, querystring: ListQuery, response: { 200: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const list = await received.list(
          caseWorkerOf(staff, request),
          request.query.tila ?? 'all',
          request.query.sivu ?? 1,
        );
        const page = ReceivedListPage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          list,
          notice: request.query.ilmoitus,
        });
        return sendPersonalPage(reply, page);
      },
    );

    app.get(
      `${receivedPath}/:id`,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, params: MessageParams, querystring: MessageQuery, response: { 200: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const message = await received.open(caseWorkerOf(staff, request), request.params.id);
        const ctx = pageContext(request);
        const page = ReceivedMessagePage({
          ctx,
          frame: staffFrame(staff),
          message,
          reply: freshReplyForm(message.title, ctx),
          notice: request.query.ilmoitus,
        });
        return sendPersonalPage(reply, page);
      },
    );

    app.get(
      `${receivedPath}/:id/liitteet/:attachmentId`,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, params: AttachmentParams, response: { 200: binary } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const attachment = await received.downloadAttachment(
          caseWorkerOf(staff, request),
          request.params.id,
          request.params.attachmentId,
        );
        return sendAttachment(reply, attachment);
      },
    );

    // The staff session plugin has checked the form's _csrf token before these handlers run.
    app.post(
      `${receivedPath}/:id/vastaa`,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, params: MessageParams, body: ReplyBody, response: { 400: html } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const actor = caseWorkerOf(staff, request);
        const { id } = request.params;
        const form = request.body;
        let problems: ReplyProblem[];
        try {
          await received.reply(actor, id, form);
          return reply.redirect(`${receivedPath}/${id}?ilmoitus=sent`, 303);
        } catch (error) {
          if (!(error instanceof ReplyRejected)) throw error;
          problems = error.problems;
        }
        // The form comes back with what was typed and the same key, so a corrected send is still one.
        const message = await received.open(actor, id);
        const page = ReceivedMessagePage({
          ctx: pageContext(request),
          frame: staffFrame(staff),
          message,
          reply: { replyKey: form.replyKey, title: form.title, body: form.body },
          problems,
        });
        return sendPersonalPage(reply, page, 400);
      },
    );

    app.post(
      `${receivedPath}/:id/kasitelty`,
      {
        config: { staffAccess: 'case-worker' },
        schema: { hide: true, params: MessageParams, body: HandledBody },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const { id } = request.params;
        const handled = request.body.handled === '1';
        await received.setHandled(caseWorkerOf(staff, request), id, handled);
        return reply.redirect(`${receivedPath}/${id}?ilmoitus=${handled ? 'handled' : 'unhandled'}`, 303);
      },
    );
  };
}
