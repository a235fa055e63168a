import type { TranslationKey } from '../i18n/i18n.js';
import { ButtonRow } from '../http/views/components/button-row.js';
import { ChoiceButtons } from '../http/views/components/choice-buttons.js';
import { ErrorSummary } from '../http/views/components/error-summary.js';
import { Notice } from '../http/views/components/notice.js';
import { TextField } from '../http/views/components/text-field.js';
import { Layout } from '../http/views/layout.js';
import type { PageContext } from '../http/views/page-context.js';
import { IdentificationInfo } from '../http/views/public/identification-info.js';
import { banks, methodLabel, otherMethods, type MethodId } from './identification-methods.js';

function Intro(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <>
      <Notice>{t('account.idp.testNotice')}</Notice>
      <p>{t('account.idp.intro')}</p>
      <p>{t('account.idp.ownOnly')}</p>
      <IdentificationInfo ctx={props.ctx} headingLevel={2} />
    </>
  );
}

function CancelForm(props: { ctx: PageContext; uid: string }) {
  return (
    <form method="post" action={`/test-idp/interaction/${props.uid}/abort`}>
      <button type="submit" class="button--secondary">
        {props.ctx.t('account.idp.cancel')}
      </button>
    </form>
  );
}

/** Step 1: the person picks a bank or another method (plain GET form, so no script is needed). */
export function MethodChoicePage(props: { ctx: PageContext; uid: string }) {
  const { ctx, uid } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.idp.title')}>
      <h1>{t('account.idp.title')}</h1>
      <Intro ctx={ctx} />
      <form method="get" action={`/test-idp/interaction/${uid}`}>
        <h2>{t('account.idp.chooseMethod')}</h2>
        <fieldset>
          <legend>{t('account.idp.banks')}</legend>
          <ChoiceButtons
            name="method"
            choices={banks.map((bank) => ({ value: bank.id, label: bank.name }))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('account.idp.otherMethods')}</legend>
          <ChoiceButtons
            name="method"
            choices={otherMethods.map((method) => ({ value: method.id, label: t(method.key) }))}
          />
        </fieldset>
      </form>
      <CancelForm ctx={ctx} uid={uid} />
      <p>{t('account.idp.support')}</p>
    </Layout>
  );
}

export type IdentityCodeProblem = 'invalid' | 'unknown';

/** Step 2: the identity code ("Henkilötunnus"), then "Tunnistaudu" or "Keskeytä". */
export function IdentityCodePage(props: {
  ctx: PageContext;
  uid: string;
  method: MethodId;
  value?: string;
  problem?: IdentityCodeProblem | undefined;
}) {
  const { ctx, uid, method } = props;
  const { t } = ctx;
  const error =
    props.problem === 'invalid'
      ? t('account.idp.identityCodeInvalid')
      : props.problem === 'unknown'
        ? t('account.idp.identityCodeUnknown')
        : undefined;
  return (
    <Layout ctx={ctx} title={t('account.idp.title')} hasErrors={error !== undefined}>
      <h1>{t('account.idp.title')}</h1>
      <Notice>{t('account.idp.testNotice')}</Notice>
      <p>{t('account.idp.chosenMethod', { method: methodLabel(method, t) })}</p>
      {error && (
        <ErrorSummary
          heading={t('account.form.errorSummary')}
          errors={[{ fieldId: 'identity-code', message: error }]}
        />
      )}
      <form method="post" action={`/test-idp/interaction/${uid}/login`} novalidate>
        <input type="hidden" name="method" value={method} />
        <TextField
          id="identity-code"
          name="identityCode"
          label={t('account.idp.identityCode')}
          hint={t('account.idp.identityCodeHint')}
          error={error}
          value={props.value ?? ''}
          autocomplete="off"
          required
          extra={{ spellcheck: 'false', autocapitalize: 'characters' }}
        />
        <ButtonRow>
          <button type="submit">{t('account.idp.submit')}</button>
        </ButtonRow>
      </form>
      <ButtonRow>
        <CancelForm ctx={ctx} uid={uid} />
        <a href={`/test-idp/interaction/${uid}`}>{t('account.idp.changeMethod')}</a>
      </ButtonRow>
      <p>{t('account.idp.support')}</p>
    </Layout>
  );
}

/**
 * The IdP's logout confirmation. `formHtml` is oidc-provider's own hidden form (action and xsrf
 * token, values it escapes itself); the visible button submits it through the form attribute.
 */
export function LogoutPage(props: { ctx: PageContext; formHtml: string }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('account.idp.logoutTitle')}>
      <h1>{t('account.idp.logoutTitle')}</h1>
      <div dangerouslySetInnerHTML={{ __html: props.formHtml }} />
      <p>{t('account.idp.logoutText')}</p>
      <button type="submit" form="op.logoutForm" name="logout" value="yes">
        {t('account.idp.logoutButton')}
      </button>
    </Layout>
  );
}

/** A page that only says what happened, with the way back to the service. */
function BackToServicePage(props: { ctx: PageContext; title: TranslationKey; text: TranslationKey }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(props.title)}>
      <h1>{t(props.title)}</h1>
      <p>{t(props.text)}</p>
      <p>
        <a href="/">{t('account.idp.backToService')}</a>
      </p>
    </Layout>
  );
}

export function LoggedOutPage(props: { ctx: PageContext }) {
  return <BackToServicePage ctx={props.ctx} title="account.idp.logoutTitle" text="account.idp.loggedOut" />;
}

/** oidc-provider's error page replaced: no details (they may echo request parameters). */
export function IdpErrorPage(props: { ctx: PageContext }) {
  return <BackToServicePage ctx={props.ctx} title="account.idp.errorTitle" text="account.idp.errorText" />;
}
