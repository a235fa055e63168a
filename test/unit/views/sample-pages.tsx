import type { VNode } from 'preact';
import { AccessibilityPage, TermsPage } from '../../../src/http/views/account/info-pages.js';
import { LoginOutcomePage } from '../../../src/http/views/account/login-pages.js';
import { OpenAccountPage, RefusalPage } from '../../../src/http/views/account/open-account-page.js';
import {
  AccountClosedPage,
  CloseAccountPage,
  SettingsPage,
} from '../../../src/http/views/account/settings-pages.js';
import { ErrorPage } from '../../../src/http/views/error-page.js';
import { ComposePage } from '../../../src/http/views/mailbox/compose-page.js';
import { FolderPage } from '../../../src/http/views/mailbox/folder-page.js';
import { MessagePage } from '../../../src/http/views/mailbox/message-page.js';
import {
  AdminAllowlistBody,
  AdminCredentialCreatedBody,
  AdminCredentialsBody,
  AdminRevokeCredentialBody,
} from '../../../src/http/views/staff/admin-credential-pages.js';
import {
  AdminDeactivateServiceBody,
  AdminServiceFormBody,
  AdminServicesBody,
  serviceFormValues,
} from '../../../src/http/views/staff/admin-service-pages.js';
import { AdminStaffPage } from '../../../src/http/views/staff/admin-pages.js';
import { AdminStaffBody } from '../../../src/http/views/staff/admin-staff-pages.js';
import {
  ConfirmConsentPage,
  ConsentListPage,
  RecordConsentPage,
} from '../../../src/http/views/staff/consent-pages.js';
import { DashboardPage } from '../../../src/http/views/staff/dashboard-page.js';
import type { StaffFrame } from '../../../src/http/views/staff/staff-layout.js';
import type { ConsentView } from '../../../src/modules/consents/index.js';
import { SentConfirmationBody } from '../../../src/http/views/staff/send-page.js';
import {
  StaffSendPage,
  StaffSentListPage,
  StaffSentMessagePage,
} from '../../../src/http/views/staff/case-work-pages.js';
import { StaffLayout } from '../../../src/http/views/staff/staff-layout.js';
import { ReceivedListPage, ReceivedMessagePage } from '../../../src/http/views/staff/received-pages.js';
import type { ReceivedListItem, ReceivedMessage } from '../../../src/modules/messages/index.js';
import { StartPage } from '../../../src/http/views/start-page.js';
import type { FolderItem, OpenedMessage, SealedMessage } from '../../../src/modules/mailbox/types.js';
import {
  IdentityCodePage,
  IdpErrorPage,
  LoggedOutPage,
  LogoutPage,
  MethodChoicePage,
} from '../../../src/test-idp/test-idp-pages.js';
import { sampleAdminCredential, sampleAdminService } from './admin-sample.js';
import { caseWork, caseWorkPaths, sampleSentList, sampleSentMessage } from './case-work-sample.js';
import { sampleDashboard } from './dashboard-sample.js';
import { publicSamplePages } from './public-sample-pages.js';
import { pageContext } from './render.js';

const kallio = { fi: 'Kallio', sv: 'Kallio', en: 'Kallio' };
const social = { fi: 'Sosiaalipalvelut', sv: 'Socialtjänster', en: 'Social services' };

export function folderItem(overrides: Partial<FolderItem> = {}): FolderItem {
  return {
    id: 1,
    direction: 'to_citizen',
    organisation: kallio,
    service: social,
    title: 'Päätös',
    unreadable: false,
    receivedAt: '2025-03-01T10:00:00.000Z',
    unread: false,
    verifiable: false,
    awaitingAcknowledgement: false,
    hasAttachments: false,
    citizenType: null,
    restorableUntil: null,
    replyable: false,
    deemedReceivedOn: null,
    ...overrides,
  };
}

export const sealed: SealedMessage = {
  id: 2,
  direction: 'to_citizen',
  organisation: kallio,
  receivedAt: '2025-03-01T10:00:00.000Z',
  verifiable: true,
  deleted: false,
  restorableUntil: null,
  leftUnreadCount: false,
  sealed: true,
};

export const opened: OpenedMessage = {
  ...sealed,
  sealed: false,
  deleted: true,
  restorableUntil: '2025-05-01',
  service: social,
  title: 'Päätös',
  bodyHtml: '<p>Teksti</p>',
  attachments: [{ id: 'a1', fileName: 'paatos.pdf', mediaType: 'application/pdf', sizeBytes: 1200 }],
  citizenType: 'Hakemus',
  deemedReceivedOn: '2025-03-04',
  acknowledgedAt: '2025-03-02T10:00:00.000Z',
  canReply: true,
  canDelete: true,
  canRestore: true,
  thread: [folderItem({ id: 2 }), folderItem({ id: 3, direction: 'from_citizen', unreadable: true })],
};

const staffFrame: StaffFrame = {
  name: 'Tiina Virkailija',
  organisationName: 'Ylitornion kunta',
  roles: { admin: false, servicePks: [1] },
  organisationCount: 2,
  csrfToken: 'csrf',
};

const receivedItem: ReceivedListItem = {
  id: 7,
  serviceNames: { fi: 'Sosiaalipalvelut', sv: 'Socialtjänster', en: null },
  citizenType: 'Oikaisuvaatimus',
  title: 'Oikaisuvaatimus päätökseen',
  createdAt: '2025-03-01T10:00:00.000Z',
  handledAt: null,
  senderName: 'Kimmo Mäkinen',
  senderCode: '270570-****',
  attachmentCount: 1,
};

const receivedMessage: ReceivedMessage = {
  ...receivedItem,
  handledAt: '2025-03-02T10:00:00.000Z',
  bodyHtml: '<p>Teksti</p>',
  attachments: [{ id: 'a1', fileName: 'liite.pdf', mediaType: 'application/pdf', sizeBytes: 1200 }],
  thread: [
    { id: 5, direction: 'to_citizen', title: 'Päätös', createdAt: '2025-02-01T10:00:00.000Z' },
    {
      id: 7,
      direction: 'from_citizen',
      title: 'Oikaisuvaatimus päätökseen',
      createdAt: '2025-03-01T10:00:00.000Z',
    },
  ],
};

function consent(overrides: Partial<ConsentView>): ConsentView {
  return {
    id: 1,
    organisationId: 1,
    identityCode: '010180-9026',
    channel: 'paper',
    givenOn: '2025-03-01',
    recordedAt: '2025-03-01T10:00:00.000Z',
    recordedByStaffId: 1,
    recordedByName: 'Tiina Virkailija',
    status: 'in_force',
    withdrawnAt: null,
    withdrawnBy: null,
    ...overrides,
  };
}

/** An admin page body in the staff frame, as the admin routes render it. */
function adminSample(name: string, body: VNode, title = 'Hallinta'): { name: string; page: VNode } {
  return {
    name,
    page: (
      <AdminStaffPage ctx={pageContext({ signedIn: true })} frame={staffFrame} title={title}>
        {body}
      </AdminStaffPage>
    ),
  };
}

const contact = { email: 'a@b.fi', emailNotifications: true, mobile: '', smsNotifications: false };

/**
 * Every page the service renders, in the states that add markup (signed in, problems, notices,
 * each text size), for checks that must hold for all of them.
 */
export function samplePages(): Array<{ name: string; page: VNode }> {
  const anonymous = pageContext({ textSize: 2 });
  const ctx = pageContext({ signedIn: true, textSize: 3 });
  const plain = pageContext({ signedIn: true });
  return [
    {
      name: 'start',
      page: (
        <StartPage ctx={anonymous} organisations={[{ name: 'Kallio', services: ['Sosiaalipalvelut'] }]} />
      ),
    },
    { name: 'terms', page: <TermsPage ctx={anonymous} version="1" effectiveFrom="2025-01-01" /> },
    { name: 'accessibility', page: <AccessibilityPage ctx={anonymous} /> },
    { name: 'login problem', page: <LoginOutcomePage ctx={anonymous} outcome="failed" /> },
    { name: 'logged out', page: <LoginOutcomePage ctx={anonymous} outcome="loggedOut" /> },
    { name: 'error', page: <ErrorPage ctx={anonymous} status={404} message="Ei löytynyt" /> },
    {
      name: 'staff dashboard',
      page: (
        <DashboardPage
          ctx={plain}
          frame={staffFrame}
          dashboard={sampleDashboard()}
          organisationName="Kallio"
          filter={{
            services: [
              { serviceId: 'sosiaali', name: 'Sosiaalipalvelut' },
              { serviceId: 'terveys', name: 'Terveyspalvelut' },
            ],
            chosen: 'terveys',
          }}
        />
      ),
    },
    {
      name: 'staff consents',
      page: (
        <ConsentListPage
          ctx={plain}
          frame={staffFrame}
          businessId="0000000-0"
          notice="recorded"
          consents={{
            page: 2,
            pageSize: 50,
            hasNext: true,
            items: [
              consent({ id: 3 }),
              consent({
                id: 2,
                channel: 'phone',
                status: 'withdrawn',
                withdrawnAt: '2025-03-05T10:00:00.000Z',
                withdrawnBy: 'citizen',
              }),
              consent({
                id: 1,
                channel: 'in_person',
                status: 'withdrawn',
                withdrawnAt: '2025-03-06T10:00:00.000Z',
                withdrawnBy: 'organisation',
              }),
            ],
          }}
        />
      ),
    },
    {
      name: 'staff record consent',
      page: (
        <RecordConsentPage
          ctx={ctx}
          frame={staffFrame}
          values={{ identityCode: '010180-902X', channel: '', givenOn: '2025-03-11' }}
          problems={[
            { field: 'identityCode', code: 'invalid' },
            { field: 'channel', code: 'missing' },
            { field: 'givenOn', code: 'future' },
          ]}
        />
      ),
    },
    {
      name: 'staff confirm consent',
      page: (
        <ConfirmConsentPage
          ctx={plain}
          frame={staffFrame}
          values={{ identityCode: '010180-9026', channel: 'paper', givenOn: '2025-03-01' }}
          personName="Maija Meikäläinen"
        />
      ),
    },
    adminSample(
      'admin services',
      <AdminServicesBody
        ctx={plain}
        services={[
          sampleAdminService(),
          sampleAdminService({ serviceId: 'old', active: false, eServiceUrl: null }),
        ]}
        notice="saved"
      />,
    ),
    adminSample(
      'admin service form',
      <AdminServiceFormBody
        ctx={plain}
        mode="edit"
        values={serviceFormValues(sampleAdminService())}
        problems={[
          { field: 'nameFi', code: 'required' },
          { field: 'forms.0.url', code: 'notHttps' },
        ]}
      />,
    ),
    adminSample(
      'admin add service',
      <AdminServiceFormBody
        ctx={plain}
        mode="add"
        values={serviceFormValues()}
        problems={[{ field: 'serviceId', code: 'taken' }]}
      />,
    ),
    adminSample(
      'admin deactivate service',
      <AdminDeactivateServiceBody ctx={plain} service={sampleAdminService()} />,
    ),
    adminSample(
      'admin credentials',
      <AdminCredentialsBody
        ctx={plain}
        credentials={[
          sampleAdminCredential(),
          sampleAdminCredential({
            username: 'api-old',
            allowedIps: [],
            revokedAt: '2025-03-02T10:00:00.000Z',
          }),
        ]}
        notice="revoked"
        allowlistValue="palvelin"
        problems={[{ field: 'allowedIps', code: 'invalidCidr', value: 'palvelin' }]}
      />,
    ),
    adminSample(
      'admin credential created',
      <AdminCredentialCreatedBody
        ctx={plain}
        created={{
          username: 'api-1234567-1-0a1b2c3d',
          password: 'Xy7#abcdefghijklmnopqrstuvwxyz012345',
          allowedIps: [],
        }}
      />,
    ),
    adminSample(
      'admin revoke credential',
      <AdminRevokeCredentialBody ctx={plain} credential={sampleAdminCredential()} />,
    ),
    adminSample(
      'admin allowlist',
      <AdminAllowlistBody
        ctx={plain}
        credential={sampleAdminCredential()}
        value={'192.0.2.0/24\n10.0.0.0/33'}
        problems={[{ field: 'allowedIps', code: 'invalidCidr', value: '10.0.0.0/33' }]}
      />,
    ),
    adminSample(
      'admin staff roles, in the staff frame',
      <AdminStaffBody
        ctx={plain}
        path="/virkailija/hallinta/henkilosto"
        staff={[
          {
            name: 'Jari Lehtonen',
            maskedCode: '220472-****',
            identityCode: '220472-9311',
            self: true,
            admin: true,
            caseWorkerServices: [],
          },
          {
            name: 'Tiina Virtanen',
            maskedCode: '150385-****',
            identityCode: '150385-9046',
            self: false,
            admin: false,
            caseWorkerServices: ['Rakennusvalvonta'],
          },
        ]}
        services={[{ serviceId: 'rakennus', name: 'Rakennusvalvonta' }]}
        form={{ identityCode: '150385-9047', role: 'case_worker', serviceIds: ['rakennus'] }}
        problem="identityCodeInvalid"
        notice="granted"
      />,
      'Henkilöstö',
    ),
    {
      name: 'staff send form with problems, mailbox check and preview',
      page: (
        <StaffSendPage
          ctx={plain}
          {...caseWork}
          sendKey="0b7f4c52-9a1e-4c1b-8f7e-2d7f0f6f1a11"
          values={{ identityCode: '140987-924J', servicePk: 1, title: 'Päätös', body: '**Hei**' }}
          problems={[
            { field: 'identityCode', code: 'noMailbox' },
            { field: 'attachments', code: 'typeMismatch', fileName: 'x.pdf', claimedType: 'application/pdf' },
            { field: 'paperFallback', code: 'noAddress' },
          ]}
          mailboxCheck={{ recipient: '140987-****', hasMailbox: false }}
          previewHtml="<p><strong>Hei</strong></p>"
          filesDropped
          frame={staffFrame}
        />
      ),
    },
    {
      name: 'staff message sent',
      page: (
        <StaffLayout ctx={plain} title="Viesti lähetetty" frame={staffFrame}>
          <SentConfirmationBody ctx={plain} paths={caseWorkPaths} messageId={42} created />
        </StaffLayout>
      ),
    },
    {
      name: 'staff sent list',
      page: (
        <StaffSentListPage
          ctx={plain}
          {...caseWork}
          values={{ stage: 'failed', recipient: '270570-901K' }}
          list={sampleSentList()}
          problems={[{ field: 'purpose', message: 'Anna käyttötarkoitus.' }]}
          frame={staffFrame}
        />
      ),
    },
    {
      name: 'staff sent message',
      page: (
        <StaffSentMessagePage
          ctx={plain}
          paths={caseWorkPaths}
          message={sampleSentMessage()}
          frame={staffFrame}
        />
      ),
    },
    {
      name: 'staff received list',
      page: (
        <ReceivedListPage
          ctx={plain}
          frame={staffFrame}
          notice="handled"
          list={{
            items: [
              receivedItem,
              { ...receivedItem, id: 8, handledAt: '2025-03-02T10:00:00.000Z', senderName: '' },
            ],
            page: 2,
            hasNext: true,
            filter: 'unhandled',
          }}
        />
      ),
    },
    {
      name: 'staff received list, empty',
      page: (
        <ReceivedListPage
          ctx={plain}
          frame={staffFrame}
          list={{ items: [], page: 1, hasNext: false, filter: 'all' }}
        />
      ),
    },
    {
      name: 'staff received message',
      page: (
        <ReceivedMessagePage
          ctx={ctx}
          frame={staffFrame}
          message={receivedMessage}
          notice="sent"
          reply={{ replyKey: '0b8f3c1e-4a4d-4c1b-9a55-2f3b2c1d0e9f', title: '', body: 'x' }}
          problems={[
            { field: 'title', code: 'required' },
            { field: 'form', code: 'noMailbox' },
          ]}
        />
      ),
    },
    {
      name: 'open account',
      page: (
        <OpenAccountPage
          ctx={ctx}
          person={{ firstNames: 'Kimmo', lastName: 'Mäkinen', birthDate: '1970-05-27' }}
          values={{ ...contact, acceptTerms: false }}
          problems={[
            { field: 'email', problem: 'invalid' },
            { field: 'terms', problem: 'required' },
          ]}
          reopening
        />
      ),
    },
    { name: 'refusal', page: <RefusalPage ctx={anonymous} refusal="minor" /> },
    {
      name: 'settings',
      page: (
        <SettingsPage
          ctx={ctx}
          values={{ ...contact, language: 'fi' }}
          problems={[{ field: 'language', problem: 'invalid' }]}
          saved
          account={{
            openedAt: '2025-01-01T00:00:00Z',
            termsVersion: '1',
            termsAcceptedAt: '2025-01-01T00:00:00Z',
          }}
          consents={[
            {
              id: 2,
              organisationId: 1,
              organisation: { nameFi: 'Askolan kunta', nameSv: 'Askola kommun', nameEn: null },
              channel: 'phone',
              givenOn: '2025-02-01',
              recordedAt: '2025-02-01T10:00:00Z',
              recordedByName: null,
              status: 'in_force',
              withdrawnAt: null,
              withdrawnBy: null,
            },
            {
              id: 1,
              organisationId: 2,
              organisation: { nameFi: 'Kallion peruspalvelukuntayhtymä', nameSv: null, nameEn: null },
              channel: 'paper',
              givenOn: '2025-01-15',
              recordedAt: '2025-01-15T10:00:00Z',
              recordedByName: 'Tiina Virkailija',
              status: 'withdrawn',
              withdrawnAt: '2025-01-20T10:00:00Z',
              withdrawnBy: 'citizen',
            },
          ]}
          consentsDecideDelivery
          consentWithdrawn
        />
      ),
    },
    { name: 'close account', page: <CloseAccountPage ctx={ctx} /> },
    { name: 'account closed', page: <AccountClosedPage ctx={plain} /> },
    {
      name: 'folder',
      page: (
        <FolderPage
          ctx={ctx}
          data={{
            folder: 'deleted',
            order: 'oldest',
            page: 2,
            hasNext: true,
            items: [
              folderItem({
                unread: true,
                verifiable: true,
                hasAttachments: true,
                restorableUntil: '2025-05-01',
              }),
            ],
          }}
          notice="deleted"
          readOnly
        />
      ),
    },
    { name: 'sealed message', page: <MessagePage ctx={ctx} message={sealed} readOnly={false} /> },
    {
      name: 'opened message',
      page: <MessagePage ctx={plain} message={opened} notice="restored" readOnly={false} />,
    },
    {
      name: 'compose',
      page: (
        <ComposePage
          ctx={ctx}
          services={[{ servicePk: 1, organisationId: 1, organisation: kallio, service: social }]}
          values={{ title: 'x' }}
          problems={[
            { field: 'citizenType', code: 'required' },
            { field: 'attachments', code: 'tooLarge', fileName: 'a.pdf' },
          ]}
          filesDropped
        />
      ),
    },
    {
      name: 'reply',
      page: (
        <ComposePage
          ctx={plain}
          replyTo={{
            id: 1,
            title: 'Pyyntö lisäselvityksestä',
            receivedAt: '2026-03-02T08:00:00.000Z',
            excerpt: 'Tarvitsemme hakemuksesi käsittelyä varten kopion vuokrasopimuksesta.',
            suggestedType: 'Selvitys',
            organisation: kallio,
            service: social,
          }}
          values={{ citizenType: 'Selvitys' }}
          problems={[]}
          filesDropped={false}
        />
      ),
    },
    { name: 'test-idp methods', page: <MethodChoicePage ctx={anonymous} uid="u1" /> },
    {
      name: 'test-idp code',
      page: <IdentityCodePage ctx={anonymous} uid="u1" method="bank-aktia" problem="invalid" />,
    },
    { name: 'test-idp logout', page: <LogoutPage ctx={anonymous} formHtml="" /> },
    { name: 'test-idp logged out', page: <LoggedOutPage ctx={anonymous} /> },
    { name: 'test-idp error', page: <IdpErrorPage ctx={anonymous} /> },
    ...publicSamplePages(),
  ];
}
