import type {
  AdminCredential,
  AdminProblem,
  CreatedCredential,
} from '../../../modules/organisations/index.js';
import { LinkButton } from '../components/link-button.js';
import { ActionResult, Notice } from '../components/notice.js';
import { PostForm } from '../components/post-form.js';
import { TextareaField } from '../components/textarea-field.js';
import { formatDateTime } from '../mailbox/format.js';
import type { PageContext } from '../page-context.js';
import {
  AdminBody,
  AdminErrorSummary,
  AdminTable,
  DangerConfirmForm,
  RowActionLinks,
  SubmitOrCancel,
  adminErrorsFor,
  adminPaths,
} from './admin-parts.js';

/**
 * The organisation admins' API credential pages. The page that shows a new password
 * (AdminCredentialCreatedBody) is the answer to the creating POST itself, never a redirect target,
 * and its route must send `Cache-Control: no-store` so no cache or back button keeps the password.
 */

/** The allowlist textarea's text: one address or range per line (commas and spaces also separate). */
export function allowlistEntries(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function AllowlistField(props: { ctx: PageContext; value: string; problems: readonly AdminProblem[] }) {
  const { t } = props.ctx;
  return (
    <TextareaField
      id="allowedIps"
      name="allowedIps"
      label={t('staffAdmin.allowlistField.label')}
      hint={t('staffAdmin.allowlistField.hint')}
      value={props.value}
      rows={4}
      error={adminErrorsFor(t, props.problems, 'allowedIps')}
    />
  );
}

export interface AdminCredentialsBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.listCredentials for the acting organisation. */
  credentials: AdminCredential[];
  /** What the previous action did (post/redirect/get). */
  notice?: 'revoked' | 'allowlistSaved' | undefined;
  /** The create form's allowlist as typed, when it came back refused. */
  allowlistValue?: string | undefined;
  /** AdminInputError.problems of a refused create; empty or absent otherwise. */
  problems?: readonly AdminProblem[] | undefined;
}

const credentialNotices = {
  revoked: 'staffAdmin.credentials.revoked',
  allowlistSaved: 'staffAdmin.credentials.allowlistSaved',
} as const;

/** The organisation's credentials (never a password), and the form that creates new ones. */
export function AdminCredentialsBody(props: AdminCredentialsBodyProps) {
  const { ctx, credentials } = props;
  const { t, locale } = ctx;
  const problems = props.problems ?? [];
  return (
    <AdminBody title={t('staffAdmin.credentials.title')}>
      <AdminErrorSummary t={t} problems={problems} />
      <ActionResult text={props.notice && t(credentialNotices[props.notice])} />
      <p>{t('staffAdmin.credentials.intro')}</p>
      <AdminTable
        ctx={ctx}
        title="staffAdmin.credentials.title"
        none="staffAdmin.credentials.none"
        columns={[
          'staffAdmin.credentials.username',
          'staffAdmin.credentials.createdAt',
          'staffAdmin.credentials.passwordChangedAt',
          'staffAdmin.credentials.allowlist',
          'staffAdmin.credentials.status',
          'staffAdmin.credentials.actions',
        ]}
        items={credentials}
        row={(credential) => (
          <tr>
            <th scope="row">{credential.username}</th>
            <td>{formatDateTime(credential.createdAt, locale)}</td>
            <td>{formatDateTime(credential.passwordChangedAt, locale)}</td>
            <td>
              {credential.allowedIps.length === 0 ? (
                t('staffAdmin.credentials.anyAddress')
              ) : (
                <ul>
                  {credential.allowedIps.map((cidr) => (
                    <li>{cidr}</li>
                  ))}
                </ul>
              )}
            </td>
            <td>
              {credential.revokedAt
                ? t('staffAdmin.credentials.revokedOn', {
                    date: formatDateTime(credential.revokedAt, locale),
                  })
                : t('staffAdmin.credentials.active')}
            </td>
            <td>
              {credential.revokedAt === null && (
                <RowActionLinks
                  links={[
                    {
                      href: adminPaths.allowlist(credential.username),
                      text: t('staffAdmin.credentials.editAllowlist'),
                      label: t('staffAdmin.credentials.editAllowlistNamed', {
                        username: credential.username,
                      }),
                    },
                    {
                      href: adminPaths.revokeCredential(credential.username),
                      text: t('staffAdmin.credentials.revoke'),
                      label: t('staffAdmin.credentials.revokeNamed', {
                        username: credential.username,
                      }),
                    },
                  ]}
                />
              )}
            </td>
          </tr>
        )}
      />
      <h2>{t('staffAdmin.credentials.createHeading')}</h2>
      <p>{t('staffAdmin.credentials.createIntro')}</p>
      <PostForm action={adminPaths.credentials} csrfToken={ctx.csrfToken} novalidate>
        <AllowlistField ctx={ctx} value={props.allowlistValue ?? ''} problems={problems} />
        <button type="submit">{t('staffAdmin.credentials.create')}</button>
      </PostForm>
    </AdminBody>
  );
}

export interface AdminCredentialCreatedBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.createCredential's answer: the only time the password exists in clear. */
  created: CreatedCredential;
}

/** The new username and password, shown once with a warning. Send with Cache-Control: no-store. */
export function AdminCredentialCreatedBody(props: AdminCredentialCreatedBodyProps) {
  const { ctx, created } = props;
  const { t } = ctx;
  return (
    <AdminBody title={t('staffAdmin.created.title')}>
      <Notice tone="alert">
        <strong>{t('staffAdmin.created.warning')}</strong>
      </Notice>
      <dl>
        <dt>{t('staffAdmin.created.username')}</dt>
        <dd class="admin-secret">{created.username}</dd>
        <dt>{t('staffAdmin.created.password')}</dt>
        <dd class="admin-secret">{created.password}</dd>
        <dt>{t('staffAdmin.created.allowlist')}</dt>
        <dd>
          {created.allowedIps.length === 0
            ? t('staffAdmin.credentials.anyAddress')
            : created.allowedIps.join(', ')}
        </dd>
      </dl>
      <p>
        <LinkButton href={adminPaths.credentials}>{t('staffAdmin.created.back')}</LinkButton>
      </p>
    </AdminBody>
  );
}

export interface AdminRevokeCredentialBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.getCredential: one of the acting organisation's unrevoked credentials. */
  credential: AdminCredential;
}

/** Asks to confirm revoking, saying that issued tokens stop at once; the POST goes to the same path. */
export function AdminRevokeCredentialBody(props: AdminRevokeCredentialBodyProps) {
  const { ctx, credential } = props;
  const { t } = ctx;
  return (
    <AdminBody title={t('staffAdmin.revoke.title')}>
      <p>{t('staffAdmin.revoke.lead', { username: credential.username })}</p>
      <Notice>{t('staffAdmin.revoke.effects')}</Notice>
      <DangerConfirmForm
        ctx={ctx}
        action={adminPaths.revokeCredential(credential.username)}
        confirmLabel={t('staffAdmin.revoke.confirm')}
        cancelHref={adminPaths.credentials}
      />
    </AdminBody>
  );
}

export interface AdminAllowlistBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.getCredential: one of the acting organisation's unrevoked credentials. */
  credential: AdminCredential;
  /** The textarea's text: the stored list one per line when opened, the post's text when refused. */
  value: string;
  /** AdminInputError.problems of the refused post (field allowedIps, value the refused entry). */
  problems: readonly AdminProblem[];
}

/** Editing a credential's IP allowlist. */
export function AdminAllowlistBody(props: AdminAllowlistBodyProps) {
  const { ctx, credential, problems } = props;
  const { t } = ctx;
  return (
    <AdminBody title={t('staffAdmin.allowlist.title')}>
      <AdminErrorSummary t={t} problems={problems} />
      <p>{t('staffAdmin.allowlist.lead', { username: credential.username })}</p>
      <p>{t('staffAdmin.allowlist.effects')}</p>
      <PostForm action={adminPaths.allowlist(credential.username)} csrfToken={ctx.csrfToken} novalidate>
        <AllowlistField ctx={ctx} value={props.value} problems={problems} />
        <SubmitOrCancel
          ctx={ctx}
          submitLabel={t('staffAdmin.allowlist.save')}
          cancelHref={adminPaths.credentials}
        />
      </PostForm>
    </AdminBody>
  );
}
