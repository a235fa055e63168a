import type { TranslationKey } from '../../../i18n/i18n.js';
import { ButtonRow } from '../components/button-row.js';
import { Checkbox } from '../components/checkbox.js';
import { ErrorSummary } from '../components/error-summary.js';
import { ActionResult } from '../components/notice.js';
import { PostForm } from '../components/post-form.js';
import { RadioGroup, labelledOptions } from '../components/radio-group.js';
import { TextField } from '../components/text-field.js';
import type { PageContext } from '../page-context.js';
import { AdminBody, AdminTable } from './admin-parts.js';

/**
 * An organisation admin's staff page: who acts for the organisation and in which roles, a form that
 * grants a role, and one that removes a person's roles. Only the organisation's own staff are shown
 * and changed; the identity code is shown masked and posted only in the removal form's body.
 */

/** A staff member of the organisation as the page lists them. */
export interface AdminStaffRow {
  name: string;
  /** Masked for showing (the date part and the century sign). */
  maskedCode: string;
  /** Posted by the removal form; never shown. */
  identityCode: string;
  /** The admin themself: no removal offered. */
  self: boolean;
  admin: boolean;
  /** The services' names a case worker acts for, 'all', or none (not a case worker). */
  caseWorkerServices: string[] | 'all';
}

/** Each service's checkbox is `palvelu.<service id>`, sent as "1" when ticked. */
export const serviceFieldPrefix = 'palvelu.';

export type AdminStaffProblem = 'identityCodeInvalid' | 'identityCodeUnknown' | 'adminServices';

export interface AdminStaffForm {
  identityCode: string;
  role: 'admin' | 'case_worker';
  /** Public service ids chosen for a case worker; none: every service. */
  serviceIds: string[];
}

export interface AdminStaffBodyProps {
  ctx: PageContext;
  path: string;
  staff: AdminStaffRow[];
  /** The organisation's active services for the grant form. */
  services: Array<{ serviceId: string; name: string }>;
  form: AdminStaffForm;
  problem?: AdminStaffProblem | undefined;
  notice?: 'granted' | 'revoked' | undefined;
}

const roleKeys = {
  case_worker: 'staffAdmin.staff.roleCaseWorker',
  admin: 'staffAdmin.staff.roleAdmin',
} as const satisfies Record<AdminStaffForm['role'], TranslationKey>;

/** Each problem's wording and the field it is about (the error summary links there). */
const problems: Record<AdminStaffProblem, { text: TranslationKey; fieldId: string }> = {
  identityCodeInvalid: { text: 'staffAdmin.staff.problems.identityCodeInvalid', fieldId: 'identityCode' },
  identityCodeUnknown: { text: 'staffAdmin.staff.problems.identityCodeUnknown', fieldId: 'identityCode' },
  adminServices: { text: 'staffAdmin.staff.problems.adminServices', fieldId: 'role-admin' },
};

function rolesText(ctx: PageContext, row: AdminStaffRow): string {
  const { t } = ctx;
  const roles: string[] = [];
  if (row.admin) roles.push(t('staffAdmin.staff.roleAdmin'));
  if (row.caseWorkerServices === 'all') roles.push(t('staffAdmin.staff.caseWorkerAll'));
  else if (row.caseWorkerServices.length > 0) {
    roles.push(t('staffAdmin.staff.caseWorkerOf', { services: row.caseWorkerServices.join(', ') }));
  }
  return roles.join('; ');
}

/** GET …/henkilosto: the organisation's staff with their roles, granting and removing roles. */
export function AdminStaffBody(props: AdminStaffBodyProps) {
  const { ctx, form, problem } = props;
  const { t } = ctx;
  const message = problem ? t(problems[problem].text) : undefined;
  const errors = problem ? [{ fieldId: problems[problem].fieldId, message: message! }] : [];
  const isIdentityProblem = problem === 'identityCodeInvalid' || problem === 'identityCodeUnknown';
  return (
    <AdminBody title={t('staffAdmin.staff.title')}>
      <ErrorSummary heading={t('staffAdmin.errorSummary')} errors={errors} />
      <ActionResult
        text={
          props.notice &&
          t(props.notice === 'granted' ? 'staffAdmin.staff.granted' : 'staffAdmin.staff.revoked')
        }
      />
      <p>{t('staffAdmin.staff.intro')}</p>
      <AdminTable
        ctx={ctx}
        title="staffAdmin.staff.title"
        none="staffAdmin.staff.none"
        columns={[
          'staffAdmin.staff.name',
          'staffAdmin.staff.identityCode',
          'staffAdmin.staff.roles',
          'staffAdmin.staff.actions',
        ]}
        items={props.staff}
        row={(row) => (
          <tr>
            <th scope="row">{row.name}</th>
            <td>{row.maskedCode}</td>
            <td>{rolesText(ctx, row)}</td>
            <td>
              {!row.self && (
                <PostForm action={`${props.path}/poista`} csrfToken={ctx.csrfToken}>
                  <input type="hidden" name="identityCode" value={row.identityCode} />
                  <button
                    type="submit"
                    class="button--danger"
                    aria-label={t('staffAdmin.staff.revokeNamed', { name: row.name })}
                  >
                    {t('staffAdmin.staff.revoke')}
                  </button>
                </PostForm>
              )}
            </td>
          </tr>
        )}
      />
      <h2>{t('staffAdmin.staff.grantHeading')}</h2>
      <PostForm action={props.path} csrfToken={ctx.csrfToken} novalidate>
        <TextField
          id="identityCode"
          name="identityCode"
          label={t('staffAdmin.staff.identityCode')}
          value={form.identityCode}
          error={isIdentityProblem ? message : undefined}
        />
        <RadioGroup
          name="role"
          legend={t('staffAdmin.staff.role')}
          options={labelledOptions(t, roleKeys)}
          value={form.role}
          error={problem === 'adminServices' ? message : undefined}
        />
        <fieldset class="admin-fieldset">
          <legend>{t('staffAdmin.staff.services')}</legend>
          <p class="field-hint">{t('staffAdmin.staff.servicesHint')}</p>
          {props.services.map((service, index) => (
            <Checkbox
              id={`service-${index}`}
              name={`${serviceFieldPrefix}${service.serviceId}`}
              checked={form.serviceIds.includes(service.serviceId)}
            >
              {service.name}
            </Checkbox>
          ))}
        </fieldset>
        <ButtonRow>
          <button type="submit">{t('staffAdmin.staff.grant')}</button>
        </ButtonRow>
      </PostForm>
    </AdminBody>
  );
}
