import { SignInOutcome, type SignInOutcomeTexts } from '../components/sign-in-outcome.js';
import { PublicPage } from '../public/public-page.js';
import type { PageContext } from '../page-context.js';

const outcomes = {
  /** Identification failed (rejected response, expired login). */
  failed: {
    title: 'account.login.failedTitle',
    text: 'account.login.failed',
    again: 'account.login.tryAgain',
  },
  /** The method chosen did not reach the level of assurance asked for. */
  assurance: {
    title: 'account.login.assuranceTitle',
    text: 'account.login.assurance',
    again: 'account.login.tryAgain',
  },
  /** No identification service is configured. */
  unavailable: { title: 'account.login.unavailableTitle', text: 'account.login.unavailable' },
  /** After logout, when the identification service has ended its session too (or had none to end). */
  loggedOut: {
    title: 'account.logout.title',
    text: 'account.logout.text',
    again: 'account.logout.loginAgain',
  },
} as const satisfies Record<string, SignInOutcomeTexts>;

export type LoginOutcome = keyof typeof outcomes;

/** A citizen's sign-in that led nowhere, or their logout: what happened, identify again, start page. */
export function LoginOutcomePage(props: { ctx: PageContext; outcome: LoginOutcome }) {
  return (
    <PublicPage ctx={props.ctx} title={props.ctx.t(outcomes[props.outcome].title)}>
      <SignInOutcome
        t={props.ctx.t}
        texts={outcomes[props.outcome]}
        loginHref="/login"
        toStart="account.login.backToStart"
      />
    </PublicPage>
  );
}
