import type { CaseWorkPaths } from '../../../src/http/views/staff/send-page.js';
import type {
  SentList,
  SentMessageDetails,
  StaffServiceOption,
} from '../../../src/modules/messages/index.js';

/** What the staff's case-work pages show in render tests and the every-class check. */
export const caseWorkPaths: CaseWorkPaths = {
  send: '/virkailija/laheta',
  sent: '/virkailija/lahetetyt',
  message: (id) => `/virkailija/lahetetyt/${id}`,
};

export const caseWorkServices: StaffServiceOption[] = [
  { servicePk: 1, names: { fi: 'Sosiaalipalvelut', sv: 'Socialtjänster', en: 'Social services' } },
  { servicePk: 2, names: { fi: 'Terveyspalvelut', sv: null, en: null } },
];

/** What every case-work page gets from its route: where the pages are, the staff member's services. */
export const caseWork = { paths: caseWorkPaths, services: caseWorkServices };

export function sampleSentList(overrides: Partial<SentList> = {}): SentList {
  return {
    page: 2,
    hasNext: true,
    rows: [
      {
        id: 42,
        service: caseWorkServices[0]!,
        recipient: '270570-****',
        title: 'Päätös toimeentulotuesta',
        createdAt: '2025-03-10T08:00:00.000Z',
        stage: 'acknowledged',
        channel: 'electronic',
        verifiable: true,
      },
      {
        id: 41,
        service: caseWorkServices[1]!,
        recipient: null,
        title: 'Kutsu',
        createdAt: '2025-03-09T08:00:00.000Z',
        stage: 'failed',
        channel: 'paper',
        verifiable: false,
      },
    ],
    ...overrides,
  };
}

export function sampleSentMessage(): SentMessageDetails {
  return {
    ...sampleSentList().rows[0]!,
    externalId: 'staff-0b7f',
    bodyHtml: '<p>Hei,</p><p>ohessa <strong>päätös</strong>.</p>',
    bodyFormat: 'Markdown',
    replyAllowed: true,
    deemedReceivedOn: '2025-03-13',
    attachments: [{ id: 'a1', fileName: 'paatos.pdf', mediaType: 'application/pdf', sizeBytes: 2048 }],
    timeline: [
      { at: '2025-03-10T08:00:00.000Z', event: 'accepted' },
      { at: '2025-03-10T08:00:00.000Z', event: 'available' },
      { at: '2025-03-10T08:01:00.000Z', event: 'notificationSent', channel: 'email' },
      { at: '2025-03-10T09:05:00.000Z', event: 'read' },
      { at: '2025-03-10T09:05:00.000Z', event: 'acknowledged' },
    ],
  };
}
