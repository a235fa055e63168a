import type { Dashboard, MessageCounts } from '../../../src/modules/reporting/index.js';

const counts = (overrides: Partial<MessageCounts> = {}): MessageCounts => ({
  sent: 12,
  byStage: { accepted: 2, available: 6, read: 1, acknowledged: 1, onPaper: 1, failed: 1 },
  byChannel: { electronic: 8, paper: 4 },
  readRate: { numerator: 2, denominator: 8 },
  acknowledgedRate: { numerator: 1, denominator: 2 },
  failedDeliveries: 2,
  citizenMessagesWaiting: 3,
  ...overrides,
});

/**
 * A dashboard as DashboardService returns it: 30 days ending Monday 10 March 2025, with messages on
 * some days (day i has i mod 4 electronic messages, every fifth day one paper letter).
 */
export function sampleDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  const daily = Array.from({ length: 30 }, (_, i) => {
    const date = new Date(Date.UTC(2025, 1, 9 + i)).toISOString().slice(0, 10);
    return { date, electronic: i % 4, paper: i % 5 === 0 ? 1 : 0, fromCitizens: i % 10 === 0 ? 1 : 0 };
  });
  return {
    organisationId: 1,
    today: '2025-03-10',
    totals: counts(),
    services: [
      {
        servicePk: 1,
        serviceId: 'kallio-sosiaalipalvelut',
        names: { fi: 'Sosiaalipalvelut', sv: 'Socialtjänster', en: 'Social services' },
        counts: counts({ sent: 8, byChannel: { electronic: 5, paper: 3 } }),
      },
      {
        servicePk: 2,
        serviceId: 'kallio-terveyspalvelut',
        names: { fi: 'Terveyspalvelut', sv: null, en: null },
        counts: counts({ sent: 4, acknowledgedRate: { numerator: 0, denominator: 0 } }),
      },
    ],
    daily,
    ...overrides,
  };
}
