import type { ComponentChildren, VNode } from 'preact';
import type { TranslationKey, Translate } from '../../../i18n/i18n.js';
import type { AdminProblem, AdminProblemCode } from '../../../modules/organisations/index.js';
import { ErrorSummary } from '../components/error-summary.js';
import { ButtonRow } from '../components/button-row.js';
import { DataTable } from '../components/data-table.js';
import { LinkButton } from '../components/link-button.js';
import { PostForm } from '../components/post-form.js';
import { ScrollTable } from '../components/scroll-table.js';
import type { PageContext } from '../page-context.js';
import { css } from '../styles/css.js';

/**
 * What the organisation admins' pages share: their paths under one mount point, the wording of a
 * refused field, and a stand-in frame (the citizen Layout) until the staff layout wraps the bodies.
 */

/** The admin area's mount point. */
export const adminBase = '/virkailija/hallinta';

const service = (serviceId: string) => `${adminBase}/palvelut/${encodeURIComponent(serviceId)}`;
const credential = (username: string) => `${adminBase}/tunnukset/${encodeURIComponent(username)}`;

/** Where the admin pages live: the routes and the pages' links share them. */
export const adminPaths = {
  services: `${adminBase}/palvelut`,
  newService: `${adminBase}/palvelut/uusi`,
  /** GET the edit form, POST it. */
  service,
  /** GET the confirmation, POST to deactivate. */
  deactivateService: (serviceId: string) => `${service(serviceId)}/poista-kaytosta`,
  /** GET the list; POST creates credentials and answers with the password page. */
  credentials: `${adminBase}/tunnukset`,
  /** GET the confirmation, POST to revoke. */
  revokeCredential: (username: string) => `${credential(username)}/peru`,
  /** GET the form, POST it. */
  allowlist: (username: string) => `${credential(username)}/sallitut-osoitteet`,
};

/** A field's element id: the problem's dotted field name with dashes (forms.0.url → forms-0-url). */
export function adminFieldId(field: string): string {
  return field.replaceAll('.', '-');
}

const labelKeys: Record<string, TranslationKey> = {
  serviceId: 'staffAdmin.serviceForm.serviceId',
  nameFi: 'staffAdmin.serviceForm.nameFi',
  nameSv: 'staffAdmin.serviceForm.nameSv',
  nameEn: 'staffAdmin.serviceForm.nameEn',
  descriptionFi: 'staffAdmin.serviceForm.descriptionFi',
  descriptionSv: 'staffAdmin.serviceForm.descriptionSv',
  descriptionEn: 'staffAdmin.serviceForm.descriptionEn',
  eServiceUrl: 'staffAdmin.serviceForm.eServiceUrl',
  titleFi: 'staffAdmin.serviceForm.formTitleFi',
  titleSv: 'staffAdmin.serviceForm.formTitleSv',
  titleEn: 'staffAdmin.serviceForm.formTitleEn',
  url: 'staffAdmin.serviceForm.formUrl',
  allowedIps: 'staffAdmin.allowlistField.label',
};

/** The field's label as the form shows it ("Lomake 2, Lomakkeen osoite" for a form's field). */
export function adminFieldLabel(t: Translate, field: string): string {
  const form = /^forms\.(\d+)\.(\w+)$/.exec(field);
  if (form) {
    const key = labelKeys[form[2]!];
    return t('staffAdmin.serviceForm.formField', {
      number: Number(form[1]) + 1,
      field: key ? t(key) : form[2]!,
    });
  }
  const key = labelKeys[field];
  return key ? t(key) : field;
}

const problemKeys: Record<AdminProblemCode, TranslationKey> = {
  required: 'staffAdmin.problems.required',
  invalid: 'staffAdmin.problems.invalid',
  taken: 'staffAdmin.problems.taken',
  tooLong: 'staffAdmin.problems.tooLong',
  notUrl: 'staffAdmin.problems.notUrl',
  notHttps: 'staffAdmin.problems.notHttps',
  deceptive: 'staffAdmin.problems.deceptive',
  invalidCidr: 'staffAdmin.problems.invalidCidr',
};

export function adminProblemMessage(t: Translate, problem: AdminProblem): string {
  const key =
    problem.field === 'allowedIps' && problem.code === 'tooLong'
      ? 'staffAdmin.problems.allowlistTooLong'
      : problemKeys[problem.code];
  return t(key, { field: adminFieldLabel(t, problem.field), value: problem.value ?? '' });
}

/** A refused admin form's error summary, each entry linking to its field. */
export function AdminErrorSummary(props: { t: Translate; problems: readonly AdminProblem[] }) {
  const { t } = props;
  return (
    <ErrorSummary
      heading={t('staffAdmin.errorSummary')}
      errors={props.problems.map((problem) => ({
        fieldId: adminFieldId(problem.field),
        message: adminProblemMessage(t, problem),
      }))}
    />
  );
}

/** The messages of one field's problems (several for an allowlist), for the field itself. */
export function adminErrorsFor(t: Translate, problems: readonly AdminProblem[], field: string): string[] {
  return problems.filter((p) => p.field === field).map((p) => adminProblemMessage(t, p));
}

/** An admin page's body: its heading, then the content, under the admin pages' styles. */
export function AdminBody(props: { title: string; children: ComponentChildren }) {
  return (
    <div class="admin">
      <h1>{props.title}</h1>
      {props.children}
    </div>
  );
}

/**
 * The last step of an action that cannot be undone from the page (revoking a credential,
 * deactivating a service): the dangerous button first, then the way back.
 */
export function DangerConfirmForm(props: {
  ctx: PageContext;
  action: string;
  confirmLabel: string;
  cancelHref: string;
}) {
  return (
    <PostForm action={props.action} csrfToken={props.ctx.csrfToken}>
      <SubmitOrCancel ctx={props.ctx} submitLabel={props.confirmLabel} cancelHref={props.cancelHref} danger />
    </PostForm>
  );
}

/** An admin form's buttons: submit it, or cancel back to where the admin came from (a link). */
export function SubmitOrCancel(props: {
  ctx: PageContext;
  submitLabel: string;
  cancelHref: string;
  /** The change cannot be undone from here (deactivating, revoking). */
  danger?: boolean;
}) {
  return (
    <ButtonRow>
      <button type="submit" class={props.danger ? 'button--danger' : undefined}>
        {props.submitLabel}
      </button>
      <LinkButton href={props.cancelHref} variant="secondary">
        {props.ctx.t('staffAdmin.cancel')}
      </LinkButton>
    </ButtonRow>
  );
}

/**
 * An admin list: its items in a table that scrolls sideways on a narrow screen (the region named by
 * the list's title), one row each, or the sentence saying there are none. Every text is given by its
 * full key, so the translation check sees each one used.
 */
export function AdminTable<T>(props: {
  ctx: PageContext;
  title: TranslationKey;
  none: TranslationKey;
  columns: TranslationKey[];
  items: readonly T[];
  row: (item: T) => VNode;
}) {
  const { t } = props.ctx;
  if (props.items.length === 0) return <p>{t(props.none)}</p>;
  return (
    <ScrollTable label={t(props.title)}>
      <DataTable class="admin-table" columns={props.columns.map((key) => t(key))}>
        {props.items.map(props.row)}
      </DataTable>
    </ScrollTable>
  );
}

/**
 * A row's actions as links, each named with the row it acts on for a screen reader ("Muokkaa:
 * Sosiaalipalvelut") while it shows the short word. A false entry is an action the row does not have.
 */
export function RowActionLinks(props: {
  links: Array<{ href: string; text: string; label: string } | false>;
}) {
  return (
    <ul>
      {props.links.map(
        (link) =>
          link && (
            <li>
              <a href={link.href} aria-label={link.label}>
                {link.text}
              </a>
            </li>
          ),
      )}
    </ul>
  );
}

export const styles = css`
  .admin h2 {
    margin-top: var(--fi-spacing-xl);
  }
  .admin-table {
    border-collapse: collapse;
    width: 100%;
  }
  .admin-table th,
  .admin-table td {
    text-align: left;
    vertical-align: top;
    padding: var(--fi-spacing-xs) var(--fi-spacing-s);
    border-bottom: 1px solid var(--fi-color-depth-light-2);
  }
  .admin-table ul {
    margin: 0;
    padding-left: 0;
    list-style: none;
  }
  .admin-fieldset {
    border: 1px solid var(--fi-color-depth-light-2);
    border-radius: var(--fi-radius-basic);
    padding: var(--fi-spacing-m);
    margin: 0 0 var(--fi-spacing-l);
  }
  .admin-fieldset legend {
    font-weight: 600;
    padding: 0 var(--fi-spacing-xs);
  }
  .admin-secret {
    font-family: monospace;
    font-size: 1.125em;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .admin-nav {
    margin-top: var(--fi-spacing-s);
  }
  .admin-nav__list {
    gap: var(--fi-spacing-m);
    margin: 0 0 var(--fi-spacing-m);
  }
  .admin-nav__link[aria-current='page'] {
    font-weight: 600;
  }
`;
