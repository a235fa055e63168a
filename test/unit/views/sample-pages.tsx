import type { VNode } from 'preact';
import { AccessibilityPage, TermsPage } from '../../../src/http/views/account/info-pages.js';
import {
  LoggedOutPage as ServiceLoggedOutPage,
  LoginProblemPage,
} from '../../../src/http/views/account/login-pages.js';
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
  ConfirmConsentPage,
  ConsentListPage,
  RecordConsentPage,
} from '../../../src/http/views/staff/consent-pages.js';
import { DashboardPage } from '../../../src/http/views/staff/dashboard-page.js';
import type { StaffFrame } from '../../../src/http/views/staff/staff-layout.js';
import type { ConsentView } from '../../../src/modules/consents/index.js';
import { StartPage } from '../../../src/http/views/start-page.js';
import type { FolderItem, OpenedMessage, SealedMessage } from '../../../src/modules/mailbox/types.js';
import {
  IdentityCodePage,
  IdpErrorPage,
  LoggedOutPage,
  LogoutPage,
  MethodChoicePage,
} from '../../../src/test-idp/test-idp-pages.js';
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
  organisationName: 'Kallio',
  roles: { admin: true, servicePks: 'all' },
  organisationCount: 2,
  csrfToken: 'csrf',
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
    { name: 'login problem', page: <LoginProblemPage ctx={anonymous} problem="failed" /> },
    { name: 'logged out', page: <ServiceLoggedOutPage ctx={anonymous} /> },
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
