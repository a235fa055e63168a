import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ComposeRejected, type MailboxServices } from '../../../modules/mailbox/index.js';
import type { ComposeInput } from '../../../modules/mailbox/index.js';
import { requireAccount } from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { ComposePage, type ComposePageProps, type ComposeValues } from '../../views/mailbox/compose-page.js';
import { readComposeForm } from './mailbox-multipart.js';
import { MessageParams } from './mailbox-read-routes.js';
import { sendPersonalPage } from '../personal-page.js';

/** The form's own check of `_csrf` (see readComposeForm), before any upload is read. */
const multipartConfig = { csrfCheckedInHandler: true } as const;

function render(
  request: FastifyRequest,
  reply: FastifyReply,
  props: Omit<ComposePageProps, 'ctx'>,
  status = 200,
) {
  return sendPersonalPage(reply, ComposePage({ ctx: pageContext(request), ...props }), status);
}

function toInput(fields: Record<string, string>, files: ComposeInput['attachments']): ComposeInput {
  return { citizenType: fields.citizenType, title: fields.title, body: fields.body, attachments: files };
}

function valuesOf(fields: Record<string, string>): ComposeValues {
  const servicePk = Number(fields.service);
  return {
    servicePk: Number.isSafeInteger(servicePk) && servicePk > 0 ? servicePk : undefined,
    citizenType: fields.citizenType,
    title: fields.title,
    body: fields.body,
  };
}

/** New messages to organisations (GET+POST /mailbox/new) and replies (GET+POST …/reply). */
export function mailboxComposeRoutes(mailbox: MailboxServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/mailbox/new', async (request, reply) => {
      const citizen = requireAccount(request, reply);
      if (!citizen) return reply;
      const services = await mailbox.sending.listOpenServices();
      return render(request, reply, { services, values: {}, problems: [], filesDropped: false });
    });

    app.post('/mailbox/new', { config: multipartConfig }, async (request, reply) => {
      const citizen = requireAccount(request, reply);
      if (!citizen) return reply;
      const { fields, files } = await readComposeForm(request);
      const values = valuesOf(fields);
      try {
        const id = await mailbox.sending.sendNewMessage(
          { accountId: citizen.accountId, requestId: request.id },
          values.servicePk,
          toInput(fields, files),
        );
        return reply.redirect(`/mailbox/messages/${id}?notice=sent`, 303);
      } catch (error) {
        if (!(error instanceof ComposeRejected)) throw error;
        const services = await mailbox.sending.listOpenServices();
        const props = { services, values, problems: error.problems, filesDropped: files.length > 0 };
        return render(request, reply, props, error.status);
      }
    });

    app.get('/mailbox/messages/:id/reply', { schema: { params: MessageParams } }, async (request, reply) => {
      const citizen = requireAccount(request, reply);
      if (!citizen) return reply;
      const target = await mailbox.sending.replyTarget({ accountId: citizen.accountId }, request.params.id);
      const values = {
        // A request for clarification is answered as a clarification; otherwise "other".
        citizenType: target.suggestedType,
        title: `${request.t('mailbox.compose.replyTitlePrefix')}${target.title}`,
      };
      return render(request, reply, { replyTo: target, values, problems: [], filesDropped: false });
    });

    app.post(
      '/mailbox/messages/:id/reply',
      { schema: { params: MessageParams }, config: multipartConfig },
      async (request, reply) => {
        const citizen = requireAccount(request, reply);
        if (!citizen) return reply;
        const actor = { accountId: citizen.accountId, requestId: request.id };
        const { fields, files } = await readComposeForm(request);
        try {
          const id = await mailbox.sending.sendReply(actor, request.params.id, toInput(fields, files));
          return reply.redirect(`/mailbox/messages/${id}?notice=sent`, 303);
        } catch (error) {
          if (!(error instanceof ComposeRejected)) throw error;
          const target = await mailbox.sending.replyTarget(actor, request.params.id);
          const props = {
            replyTo: target,
            values: valuesOf(fields),
            problems: error.problems,
            filesDropped: files.length > 0,
          };
          return render(request, reply, props, error.status);
        }
      },
    );
  };
}
