import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MailboxServices } from '../../../modules/mailbox/index.js';
import { folders, type Folder } from '../../../modules/mailbox/index.js';
import { requireAccount, requireMailboxReader } from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { FolderPage } from '../../views/mailbox/folder-page.js';
import { MessagePage } from '../../views/mailbox/message-page.js';
import { contentDisposition } from '../../content-disposition.js';
import { sendAttachment } from './mailbox-download.js';
import { sendPersonalPage } from '../personal-page.js';

export const MessageParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  attachmentId: Type.String({ pattern: '^[A-Za-z0-9._-]{1,128}$' }),
});
/** The outcome of the previous action (post/redirect/get); a fixed list, so nothing is echoed. */
export const NoticeQuery = Type.Optional(
  Type.Union([
    Type.Literal('acknowledged'),
    Type.Literal('deleted'),
    Type.Literal('restored'),
    Type.Literal('sent'),
  ]),
);
const FolderQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  order: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest')])),
  notice: NoticeQuery,
});
const MessageQuery = Type.Object({ notice: NoticeQuery });

/** What every mailbox page shows around its content: the layout, the last action's notice, read-only or not. */
function pageFrame(
  request: FastifyRequest,
  notice: Static<typeof NoticeQuery> | undefined,
  citizen: { readOnly: boolean },
) {
  return { ctx: pageContext(request), notice, readOnly: citizen.readOnly };
}

/**
 * Folders, the message page and attachment downloads (read-only, so a closed account can still use
 * them), and the acknowledge / delete / restore actions (an active account only).
 */
export function mailboxReadRoutes(mailbox: MailboxServices): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/mailbox', async (_request, reply) => reply.redirect('/mailbox/inbox', 303));

    for (const folder of folders) {
      app.get(`/mailbox/${folder}`, { schema: { querystring: FolderQuery } }, async (request, reply) => {
        const citizen = requireMailboxReader(request, reply);
        if (!citizen) return reply;
        const data = await mailbox.reading.listFolder(
          citizen.accountId,
          folder as Folder,
          request.query.page ?? 1,
          request.query.order ?? 'newest',
        );
        return sendPersonalPage(
          reply,
          FolderPage({ ...pageFrame(request, request.query.notice, citizen), data }),
        );
      });
    }

    app.get(
      '/mailbox/messages/:id',
      { schema: { params: MessageParams, querystring: MessageQuery } },
      async (request, reply) => {
        const citizen = requireMailboxReader(request, reply);
        if (!citizen) return reply;
        const message = await mailbox.reading.openMessage(
          { accountId: citizen.accountId, requestId: request.id },
          request.params.id,
        );
        // The session plugin counted before this opening: a message read just now no longer counts.
        if (message.leftUnreadCount && request.pageExtras.unreadCount !== undefined) {
          request.pageExtras.unreadCount = Math.max(0, request.pageExtras.unreadCount - 1);
        }
        return sendPersonalPage(
          reply,
          MessagePage({ ...pageFrame(request, request.query.notice, citizen), message }),
        );
      },
    );

    app.get(
      '/mailbox/messages/:id/attachments/:attachmentId',
      { schema: { params: AttachmentParams }, config: { noPage: true } },
      async (request, reply) => {
        const citizen = requireMailboxReader(request, reply);
        if (!citizen) return reply;
        const attachment = await mailbox.reading.downloadAttachment(
          { accountId: citizen.accountId, requestId: request.id },
          request.params.id,
          request.params.attachmentId,
        );
        return sendAttachment(reply, attachment);
      },
    );

    // The signed delivery evidence (docs/evidence.md), the same bundle the sender gets from the API;
    // the service checks the message is the citizen's own and audits the download.
    app.get(
      '/mailbox/messages/:id/evidence',
      { schema: { params: MessageParams }, config: { noPage: true } },
      async (request, reply) => {
        const citizen = requireMailboxReader(request, reply);
        if (!citizen) return reply;
        const bundle = await mailbox.reading.evidenceBundle(
          { accountId: citizen.accountId, requestId: request.id },
          request.params.id,
        );
        return reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('content-disposition', contentDisposition(`evidence-${bundle.messageId}.json`))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(`${JSON.stringify(bundle, null, 2)}\n`);
      },
    );

    const actions = {
      acknowledge: {
        run: mailbox.reading.acknowledge,
        after: (id: number) => `/mailbox/messages/${id}?notice=acknowledged`,
      },
      delete: { run: mailbox.reading.deleteMessage, after: () => '/mailbox/inbox?notice=deleted' },
      restore: {
        run: mailbox.reading.restoreMessage,
        after: (id: number) => `/mailbox/messages/${id}?notice=restored`,
      },
    } as const;
    for (const [name, action] of Object.entries(actions)) {
      // The session plugin has checked the form's _csrf token before this handler runs.
      app.post(
        `/mailbox/messages/:id/${name}`,
        { schema: { params: MessageParams } },
        async (request, reply) => {
          const citizen = requireAccount(request, reply);
          if (!citizen) return reply;
          await action.run.call(
            mailbox.reading,
            { accountId: citizen.accountId, requestId: request.id },
            request.params.id,
          );
          return reply.redirect(action.after(request.params.id), 303);
        },
      );
    }
  };
}
