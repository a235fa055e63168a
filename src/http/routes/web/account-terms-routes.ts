import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../app-context.js';
import { NotFoundError } from '../../../errors.js';
import { currentTerms, type AccountService } from '../../../modules/accounts/index.js';
import { requireCitizen, termsAcceptancePath } from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { TermsChangedPage, type TermsProblem } from '../../views/account/terms-changed-page.js';
import { renderPage } from '../../views/render.js';
import { CheckboxField } from './contact-form.js';
import { landingPath } from './login-flow.js';

const ReturnQuery = Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) });

/** Exactly the form's fields: the box, the version the page showed, and where to go on. */
const AcceptanceForm = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    accept: CheckboxField,
    version: Type.String({ maxLength: 20 }),
    return: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const html = 'text/html; charset=utf-8';

/**
 * GET and POST /account/terms: accepting terms of use newer than those the person accepted. Anyone
 * else is sent on (the page they were going to, or the opening form without an active account).
 */
export function accountTermsRoutes(context: AppContext, accounts: AccountService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Never back to this page itself, the start or the login: that would loop or lose the mailbox.
    const onward = (returnTo: string | undefined) =>
      landingPath(true, returnTo ?? '/', context.config.publicUrl);

    /** The page with the version the person accepted last, and the problem with a refused form. */
    const page = async (
      request: FastifyRequest,
      accountId: number,
      returnTo: string,
      problem: TermsProblem | undefined,
    ) => {
      const account = await accounts.findAccount(accountId);
      if (!account) throw new NotFoundError('account not found');
      const ctx = pageContext(request);
      return renderPage(
        TermsChangedPage({ ctx, accepted: account.termsVersion, current: currentTerms, returnTo, problem }),
      );
    };

    app.get(
      termsAcceptancePath,
      { schema: { hide: true, querystring: ReturnQuery } },
      async (request, reply) => {
        const citizen = requireCitizen(request, reply);
        if (!citizen) return reply;
        if (citizen.accountId === null) return reply.redirect('/account/open', 303);
        const returnTo = onward(request.query.return);
        if (!citizen.termsDue) return reply.redirect(returnTo, 303);
        return reply.type(html).send(await page(request, citizen.accountId, returnTo, undefined));
      },
    );

    app.post(
      termsAcceptancePath,
      { schema: { hide: true, body: AcceptanceForm } },
      async (request, reply) => {
        const citizen = requireCitizen(request, reply);
        if (!citizen) return reply;
        if (citizen.accountId === null) return reply.redirect('/account/open', 303);
        const returnTo = onward(request.body.return);
        let problem: TermsProblem | undefined = request.body.accept === '1' ? undefined : 'required';
        if (!problem) {
          const result = await accounts.acceptTerms(citizen.accountId, request.body.version, request.id);
          if (result === 'accepted') return reply.redirect(returnTo, 303);
          problem = 'outdated';
        }
        return reply
          .status(problem === 'outdated' ? 409 : 400)
          .type(html)
          .send(await page(request, citizen.accountId, returnTo, problem));
      },
    );
  };
}
