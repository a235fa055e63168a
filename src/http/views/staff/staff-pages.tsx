import { ButtonRow } from '../components/button-row.js';
import { LinkParagraph } from '../components/link-paragraph.js';
import { PostButton } from '../components/post-button.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup } from '../components/radio-group.js';
import { SignInOutcome, type SignInOutcomeTexts } from '../components/sign-in-outcome.js';
import type { PageContext } from '../page-context.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';

/** The staff start page: for which organisation and in which roles the person acts. */
export function StaffStartPage(props: {
  ctx: PageContext;
  frame: StaffFrame;
  /** The names of the services a case worker acts for, when not all of them. */
  serviceNames: string[];
}) {
  const { ctx, frame } = props;
  const { t } = ctx;
  const { roles } = frame;
  return (
    <StaffLayout ctx={ctx} title={t('staff.start.title')} frame={frame}>
      <h1>{t('staff.start.title')}</h1>
      <p>{t('staff.start.intro', { organisation: frame.organisationName })}</p>
      <h2>{t('staff.start.rolesTitle')}</h2>
      <ul>
        {roles.admin && <li>{t('staff.start.admin')}</li>}
        {roles.servicePks === 'all' && <li>{t('staff.start.caseWorkerAll')}</li>}
        {roles.servicePks !== 'all' && roles.servicePks.length > 0 && (
          <li>{t('staff.start.caseWorkerSome', { services: props.serviceNames.join(', ') })}</li>
        )}
      </ul>
      {frame.organisationCount > 1 && (
        <LinkParagraph href="/virkailija/organisaatio">{t('staff.start.otherOrganisations')}</LinkParagraph>
      )}
    </StaffLayout>
  );
}

/** Choosing the organisation to act for (a person who is staff of several). */
export function ChooseOrganisationPage(props: {
  ctx: PageContext;
  organisations: Array<{ id: number; name: string }>;
  current: number | undefined;
  returnTo: string;
  csrfToken: string;
  frame: StaffFrame | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('staff.choose.title')} frame={props.frame}>
      <h1>{t('staff.choose.title')}</h1>
      <p>{t('staff.choose.intro')}</p>
      <PostForm action="/virkailija/organisaatio" csrfToken={props.csrfToken}>
        <input type="hidden" name="return" value={props.returnTo} />
        <RadioGroup
          name="organisationId"
          idPrefix="organisation"
          legend={t('staff.choose.legend')}
          options={props.organisations.map((o) => ({
            value: String(o.id),
            label: o.id === props.current ? `${o.name} ${t('staff.choose.current')}` : o.name,
          }))}
          value={String(props.current ?? props.organisations[0]?.id ?? '')}
          required
        />
        <ButtonRow>
          <button type="submit">{t('staff.choose.submit')}</button>
        </ButtonRow>
      </PostForm>
      {/* Not acting for an organisation yet, so the bar has no logout: offer it here. */}
      {!props.frame && (
        <PostButton action="/virkailija/kirjaudu-ulos" csrfToken={props.csrfToken} variant="secondary">
          {t('staff.nav.logout')}
        </PostButton>
      )}
    </StaffLayout>
  );
}

const outcomes = {
  /** Signed in, but the person has no roles in any organisation. */
  refused: { title: 'staff.login.refusedTitle', text: 'staff.login.refused', again: 'staff.login.tryAgain' },
  failed: { title: 'staff.login.failedTitle', text: 'staff.login.failed', again: 'staff.login.tryAgain' },
  assurance: {
    title: 'staff.login.assuranceTitle',
    text: 'staff.login.assurance',
    again: 'staff.login.tryAgain',
  },
  unavailable: { title: 'staff.login.unavailableTitle', text: 'staff.login.unavailable' },
  /** After a staff logout (the identification service returns the browser here). */
  loggedOut: { title: 'staff.logout.title', text: 'staff.logout.text', again: 'staff.logout.loginAgain' },
} as const satisfies Record<string, SignInOutcomeTexts>;

export type StaffLoginOutcome = keyof typeof outcomes;

/** The staff sign-in did not lead to a session (refused, failed, too weak, unavailable), or a logout. */
export function StaffLoginOutcomePage(props: { ctx: PageContext; outcome: StaffLoginOutcome }) {
  const { t } = props.ctx;
  return (
    <StaffLayout ctx={props.ctx} title={t(outcomes[props.outcome].title)}>
      <h1>{t(outcomes[props.outcome].title)}</h1>
      <SignInOutcome
        t={t}
        texts={outcomes[props.outcome]}
        loginHref="/virkailija/kirjaudu"
        toStart="staff.login.toCitizenStart"
      />
    </StaffLayout>
  );
}
