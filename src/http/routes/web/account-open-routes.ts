import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AccountService, FormProblem } from '../../../modules/accounts/index.js';
import { requireCitizen } from '../../plugins/citizen-session.js';
import { pageContext } from '../../plugins/request-context.js';
import { OpenAccountPage, RefusalPage, type OpeningValues } from '../../views/account/open-account-page.js';
import { renderPage } from '../../views/render.js';
import { CheckboxField, contactFormFields, contactValuesOf } from './contact-form.js';

/** A checked checkbox sends "1"; an unchecked one sends nothing. */

/**
 * Exactly the form's fields. There is deliberately no identity code field (the account is always
 * the signed-in person's own), and anything unexpected is refused rather than ignored.
 */
const OpeningForm = Type.Object(
  { ...contactFormFields, acceptTerms: CheckboxField },
  { additionalProperties: false },
);

const html = 'text/html; charset=utf-8';

/** GET and POST /account/open: "Omat tiedot ja muistutukset", the seed's step 2. */
export function accountOpenRoutes(accounts: AccountService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/account/open', { schema: { hide: true } }, async (request, reply) => {
      const citizen = requireCitizen(request, reply);
      if (!citizen) return reply;
      const check = await accounts.checkOpening(citizen.identityCode);
      const ctx = pageContext(request);
      if (check.kind === 'alreadyOpen') return reply.redirect('/mailbox/inbox', 303);
      if (check.kind === 'refused') {
        return reply
          .status(403)
          .type(html)
          .send(renderPage(RefusalPage({ ctx, refusal: check.refusal })));
      }
      // A reopening starts from the closed account's contact details and reminder choices; a first
      // opening from the register's e-mail address (a change made here is kept only in the account).
      // The terms are accepted afresh either way.
      const earlier = check.account;
      const values: OpeningValues = {
        email: earlier ? (earlier.email ?? '') : (check.person.email ?? ''),
        emailNotifications: earlier?.emailNotifications ?? false,
        mobile: earlier?.mobile ?? '',
        smsNotifications: earlier?.smsNotifications ?? false,
        acceptTerms: false,
      };
      const page = OpenAccountPage({
        ctx,
        person: check.person,
        values,
        problems: [],
        reopening: check.account !== undefined,
      });
      return reply.type(html).send(renderPage(page));
    });

    app.post('/account/open', { schema: { hide: true, body: OpeningForm } }, async (request, reply) => {
      const citizen = requireCitizen(request, reply);
      if (!citizen) return reply;
      const values: OpeningValues = {
        ...contactValuesOf(request.body),
        acceptTerms: request.body.acceptTerms === '1',
      };
      const result = await accounts.open(citizen.identityCode, { ...values, language: request.locale });
      const ctx = pageContext(request);
      switch (result.kind) {
        case 'opened':
        case 'alreadyOpen':
          return reply.redirect('/mailbox/inbox', 303);
        case 'refused':
          return reply
            .status(403)
            .type(html)
            .send(renderPage(RefusalPage({ ctx, refusal: result.refusal })));
        case 'invalid':
          return reply
            .status(400)
            .type(html)
            .send(await invalidPage(accounts, citizen.identityCode, ctx, values, result.problems));
      }
    });
  };
}

async function invalidPage(
  accounts: AccountService,
  identityCode: string,
  ctx: ReturnType<typeof pageContext>,
  values: OpeningValues,
  problems: FormProblem[],
): Promise<string> {
  const check = await accounts.checkOpening(identityCode);
  if (check.kind !== 'eligible') throw new Error('eligibility changed while validating');
  return renderPage(
    OpenAccountPage({ ctx, person: check.person, values, problems, reopening: check.account !== undefined }),
  );
}
