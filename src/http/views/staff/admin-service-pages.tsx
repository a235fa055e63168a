import {
  localisedName,
  type AdminProblem,
  type AdminService,
  type AdminServiceInput,
} from '../../../modules/organisations/index.js';
import { Checkbox } from '../components/checkbox.js';
import { LinkButton } from '../components/link-button.js';
import { ActionResult, Notice } from '../components/notice.js';
import { PostForm } from '../components/post-form.js';
import { TextField } from '../components/text-field.js';
import { TextareaField } from '../components/textarea-field.js';
import type { PageContext } from '../page-context.js';
import {
  AdminBody,
  AdminErrorSummary,
  AdminTable,
  DangerConfirmForm,
  RowActionLinks,
  SubmitOrCancel,
  adminErrorsFor,
  adminFieldId,
  adminPaths,
} from './admin-parts.js';

/** The service form as typed (or as stored, when it is first opened): every text, forms as rows. */
export interface ServiceFormValues extends AdminServiceInput {
  /** Typed only when adding; shown, not editable, when editing. */
  serviceId: string;
}

/** Empty form rows shown after the service's forms, for adding one without script. */
const blankFormRows = 1;

const blankForm = { titleFi: '', titleSv: '', titleEn: '', url: '' };

/** The form's values for a stored service (edit), or empty ones (add). */
export function serviceFormValues(service?: AdminService): ServiceFormValues {
  return {
    serviceId: service?.serviceId ?? '',
    nameFi: service?.nameFi ?? '',
    nameSv: service?.nameSv ?? '',
    nameEn: service?.nameEn ?? '',
    descriptionFi: service?.descriptionFi ?? '',
    descriptionSv: service?.descriptionSv ?? '',
    descriptionEn: service?.descriptionEn ?? '',
    eServiceUrl: service?.eServiceUrl ?? '',
    acceptsMessages: service?.acceptsMessages ?? true,
    forms: (service?.forms ?? []).map((form) => ({
      titleFi: form.titleFi,
      titleSv: form.titleSv ?? '',
      titleEn: form.titleEn ?? '',
      url: form.url,
    })),
  };
}

/** Most form rows a post is read for (a page shows the stored ones plus blank ones). */
const maxFormRows = 50;

/**
 * A posted service form (urlencoded: flat names such as `forms.0.url`) as values for
 * OrganisationAdmin.addService/updateService and for showing the form again. Unknown fields are
 * ignored; a repeated field takes its first value.
 */
export function parseServiceForm(body: Record<string, unknown>): ServiceFormValues {
  const text = (name: string): string => {
    const value = body[name];
    const first = Array.isArray(value) ? (value[0] as unknown) : value;
    return typeof first === 'string' ? first : '';
  };
  const forms = [];
  for (let index = 0; index < maxFormRows && `forms.${index}.url` in body; index++) {
    forms.push({
      titleFi: text(`forms.${index}.titleFi`),
      titleSv: text(`forms.${index}.titleSv`),
      titleEn: text(`forms.${index}.titleEn`),
      url: text(`forms.${index}.url`),
    });
  }
  return {
    serviceId: text('serviceId'),
    nameFi: text('nameFi'),
    nameSv: text('nameSv'),
    nameEn: text('nameEn'),
    descriptionFi: text('descriptionFi'),
    descriptionSv: text('descriptionSv'),
    descriptionEn: text('descriptionEn'),
    eServiceUrl: text('eServiceUrl'),
    acceptsMessages: text('acceptsMessages') === '1',
    forms,
  };
}

export interface AdminServicesBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.listServices for the acting organisation. */
  services: AdminService[];
  /** What the previous action did (post/redirect/get), shown as a status message. */
  notice?: 'saved' | 'added' | 'deactivated' | undefined;
}

const serviceNotices = {
  saved: 'staffAdmin.services.saved',
  added: 'staffAdmin.services.added',
  deactivated: 'staffAdmin.services.deactivated',
} as const;

/** The organisation's services with their catalogue fields, a link to add one, edit and deactivate each. */
export function AdminServicesBody(props: AdminServicesBodyProps) {
  const { ctx, services } = props;
  const { t, locale } = ctx;
  return (
    <AdminBody title={t('staffAdmin.services.title')}>
      <ActionResult text={props.notice && t(serviceNotices[props.notice])} />
      <p>{t('staffAdmin.services.intro')}</p>
      <p>
        <LinkButton href={adminPaths.newService}>{t('staffAdmin.services.add')}</LinkButton>
      </p>
      <AdminTable
        ctx={ctx}
        title="staffAdmin.services.title"
        none="staffAdmin.services.none"
        columns={[
          'staffAdmin.services.name',
          'staffAdmin.services.serviceId',
          'staffAdmin.services.acceptsMessages',
          'staffAdmin.services.eService',
          'staffAdmin.services.forms',
          'staffAdmin.services.status',
          'staffAdmin.services.actions',
        ]}
        items={services}
        row={(service) => {
          const name = localisedName(service, locale);
          return (
            <tr>
              <th scope="row">{name}</th>
              <td>{service.serviceId}</td>
              <td>{t(service.acceptsMessages ? 'staffAdmin.yes' : 'staffAdmin.no')}</td>
              <td>
                {service.eServiceUrl ? (
                  <a href={service.eServiceUrl}>{service.eServiceUrl}</a>
                ) : (
                  t('staffAdmin.none')
                )}
              </td>
              <td>{service.forms.length}</td>
              <td>{t(service.active ? 'staffAdmin.services.active' : 'staffAdmin.services.inactive')}</td>
              <td>
                <RowActionLinks
                  links={[
                    {
                      href: adminPaths.service(service.serviceId),
                      text: t('staffAdmin.services.edit'),
                      label: t('staffAdmin.services.editNamed', { name }),
                    },
                    service.active && {
                      href: adminPaths.deactivateService(service.serviceId),
                      text: t('staffAdmin.services.deactivate'),
                      label: t('staffAdmin.services.deactivateNamed', { name }),
                    },
                  ]}
                />
              </td>
            </tr>
          );
        }}
      />
    </AdminBody>
  );
}

export interface AdminServiceFormBodyProps {
  ctx: PageContext;
  /** add: the service id is typed; edit: it is shown and posted with the form's path. */
  mode: 'add' | 'edit';
  /** serviceFormValues(service) when opened, parseServiceForm(body) when it comes back refused. */
  values: ServiceFormValues;
  /** AdminInputError.problems of the refused post; empty when opened. */
  problems: readonly AdminProblem[];
}

/** Adding or editing a service: names, catalogue texts, links and forms in fi/sv/en, accepts messages. */
export function AdminServiceFormBody(props: AdminServiceFormBodyProps) {
  const { ctx, values, problems, mode } = props;
  const { t } = ctx;
  const errors = (field: string) => adminErrorsFor(t, problems, field);
  const text = (field: keyof ServiceFormValues & string, label: string, hint?: string) => (
    <TextField
      id={adminFieldId(field)}
      name={field}
      label={label}
      hint={hint}
      value={String(values[field])}
      error={errors(field)}
    />
  );
  const area = (field: 'descriptionFi' | 'descriptionSv' | 'descriptionEn', label: string) => (
    <TextareaField
      id={field}
      name={field}
      label={label}
      value={values[field]}
      rows={4}
      error={errors(field)}
    />
  );
  const rows = [...values.forms, ...Array.from({ length: blankFormRows }, () => blankForm)];
  const title = t(mode === 'add' ? 'staffAdmin.serviceForm.addTitle' : 'staffAdmin.serviceForm.editTitle');
  const translationHint = t('staffAdmin.serviceForm.translationHint');
  return (
    <AdminBody title={mode === 'edit' ? `${title}: ${values.nameFi || values.serviceId}` : title}>
      <AdminErrorSummary t={t} problems={problems} />
      <p>{t('staffAdmin.serviceForm.catalogueNote')}</p>
      <PostForm
        action={mode === 'add' ? adminPaths.newService : adminPaths.service(values.serviceId)}
        csrfToken={ctx.csrfToken}
        novalidate
      >
        {mode === 'add' ? (
          text('serviceId', t('staffAdmin.serviceForm.serviceId'), t('staffAdmin.serviceForm.serviceIdHint'))
        ) : (
          <p>
            {t('staffAdmin.serviceForm.serviceId')}: <strong>{values.serviceId}</strong>
          </p>
        )}
        <fieldset class="admin-fieldset">
          <legend>{t('staffAdmin.serviceForm.namesLegend')}</legend>
          {text('nameFi', t('staffAdmin.serviceForm.nameFi'))}
          {text('nameSv', t('staffAdmin.serviceForm.nameSv'), translationHint)}
          {text('nameEn', t('staffAdmin.serviceForm.nameEn'), translationHint)}
        </fieldset>
        <fieldset class="admin-fieldset">
          <legend>{t('staffAdmin.serviceForm.descriptionsLegend')}</legend>
          {area('descriptionFi', t('staffAdmin.serviceForm.descriptionFi'))}
          {area('descriptionSv', t('staffAdmin.serviceForm.descriptionSv'))}
          {area('descriptionEn', t('staffAdmin.serviceForm.descriptionEn'))}
        </fieldset>
        {text(
          'eServiceUrl',
          t('staffAdmin.serviceForm.eServiceUrl'),
          t('staffAdmin.serviceForm.eServiceUrlHint'),
        )}
        <fieldset class="admin-fieldset">
          <legend>{t('staffAdmin.serviceForm.formsLegend')}</legend>
          <p class="field-hint">{t('staffAdmin.serviceForm.formsHint')}</p>
          {rows.map((form, index) => (
            <fieldset class="admin-fieldset">
              <legend>{t('staffAdmin.serviceForm.formLegend', { number: index + 1 })}</legend>
              {(['titleFi', 'titleSv', 'titleEn', 'url'] as const).map((part) => {
                const field = `forms.${index}.${part}`;
                const labels = {
                  titleFi: 'staffAdmin.serviceForm.formTitleFi',
                  titleSv: 'staffAdmin.serviceForm.formTitleSv',
                  titleEn: 'staffAdmin.serviceForm.formTitleEn',
                  url: 'staffAdmin.serviceForm.formUrl',
                } as const;
                return (
                  <TextField
                    id={adminFieldId(field)}
                    name={field}
                    label={t(labels[part])}
                    value={form[part]}
                    error={errors(field)}
                  />
                );
              })}
            </fieldset>
          ))}
        </fieldset>
        <fieldset class="admin-fieldset">
          <legend>{t('staffAdmin.serviceForm.acceptsMessagesLegend')}</legend>
          <Checkbox id="acceptsMessages" name="acceptsMessages" checked={values.acceptsMessages}>
            {t('staffAdmin.serviceForm.acceptsMessages')}
          </Checkbox>
        </fieldset>
        <SubmitOrCancel
          ctx={ctx}
          submitLabel={t(mode === 'add' ? 'staffAdmin.serviceForm.add' : 'staffAdmin.serviceForm.save')}
          cancelHref={adminPaths.services}
        />
      </PostForm>
    </AdminBody>
  );
}

export interface AdminDeactivateServiceBodyProps {
  ctx: PageContext;
  /** OrganisationAdmin.getService: one of the acting organisation's active services. */
  service: AdminService;
}

/** Asks to confirm a deactivation, saying what it means; the POST goes to the same path. */
export function AdminDeactivateServiceBody(props: AdminDeactivateServiceBodyProps) {
  const { ctx, service } = props;
  const { t } = ctx;
  return (
    <AdminBody title={t('staffAdmin.deactivate.title')}>
      <p>
        {t('staffAdmin.deactivate.lead', {
          name: localisedName(service, ctx.locale),
          serviceId: service.serviceId,
        })}
      </p>
      <Notice>{t('staffAdmin.deactivate.effects')}</Notice>
      <p>{t('staffAdmin.deactivate.irreversible')}</p>
      <DangerConfirmForm
        ctx={ctx}
        action={adminPaths.deactivateService(service.serviceId)}
        confirmLabel={t('staffAdmin.deactivate.confirm')}
        cancelHref={adminPaths.services}
      />
    </AdminBody>
  );
}
