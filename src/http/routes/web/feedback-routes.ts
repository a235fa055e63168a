import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isFeedbackTopic, messageLength, type FeedbackService } from '../../../modules/feedback/index.js';
import { pageContext } from '../../plugins/request-context.js';
import { FeedbackPage, FeedbackThanksPage } from '../../views/public/feedback-page.js';
import { renderPage } from '../../views/render.js';

const Html = Type.String();
const FeedbackQuery = Type.Object({ topic: Type.Optional(Type.String({ maxLength: 40 })) });
// Generous bounds: the service gives the person's own error for a too long message; the schema only
// stops absurd bodies before they are read into a page.
const FeedbackForm = Type.Object({
  topic: Type.Optional(Type.String({ maxLength: 40 })),
  message: Type.Optional(Type.String({ maxLength: messageLength.max * 4 })),
  email: Type.Optional(Type.String({ maxLength: 400 })),
  website: Type.Optional(Type.String({ maxLength: 400 })),
  stamp: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

/** GET /feedback (form), POST /feedback (send), GET /feedback/thanks. Public, no sign-in. */
export function feedbackRoutes(feedback: FeedbackService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/feedback',
      { schema: { hide: true, querystring: FeedbackQuery, response: { 200: Html } } },
      async (request, reply) => {
        const topic = isFeedbackTopic(request.query.topic) ? request.query.topic : undefined;
        const page = FeedbackPage({
          ctx: pageContext(request),
          values: { topic },
          problems: [],
          stamp: feedback.issueStamp(),
        });
        return reply.type('text/html; charset=utf-8').send(renderPage(page));
      },
    );

    app.post(
      '/feedback',
      {
        config: { signedOutPostAllowed: true },
        schema: { hide: true, body: FeedbackForm, response: { 400: Html } },
      },
      async (request, reply) => {
        const ctx = pageContext(request);
        const body = request.body;
        const outcome = await feedback.submit(
          {
            topic: body.topic,
            message: body.message,
            email: body.email,
            trap: body.website,
            stamp: body.stamp,
            locale: ctx.locale,
          },
          request.ip,
        );
        if (outcome.status === 'accepted') return reply.redirect('/feedback/thanks', 303);
        const page = FeedbackPage({
          ctx,
          values: { topic: body.topic, message: body.message, email: body.email },
          problems: outcome.problems,
          stamp: feedback.issueStamp(),
        });
        return reply.code(400).type('text/html; charset=utf-8').send(renderPage(page));
      },
    );

    app.get(
      '/feedback/thanks',
      { schema: { hide: true, response: { 200: Html } } },
      async (request, reply) => {
        return reply
          .type('text/html; charset=utf-8')
          .send(renderPage(FeedbackThanksPage({ ctx: pageContext(request) })));
      },
    );
  };
}
