import { addDays, helsinkiDate } from '../../domain/legal-dates.js';
import { messageStage, messageStages, type MessageStage } from '../messages/index.js';
import type { OrganisationService, ServiceScope } from '../organisations/index.js';
import type { ProgressCount, ReportingRepository } from './reporting-repository.js';

/** A rate kept exact: the page rounds it for display, tests compare it whole. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export type Channel = 'electronic' | 'paper';

/** The numbers of one service, or of all the services the caller may see together. */
export interface MessageCounts {
  /** Messages to citizens, all time. */
  sent: number;
  /** Each message once, by how far it got (messages/message-stage.ts); sums to `sent`. */
  byStage: Record<MessageStage, number>;
  /** Each message once, by the channel it was sent on; sums to `sent`. */
  byChannel: Record<Channel, number>;
  /** Of the messages that reached the mailbox, those the citizen has opened. */
  readRate: Fraction;
  /** Of the verifiable messages that reached the mailbox, those whose receipt was acknowledged. */
  acknowledgedRate: Fraction;
  /** Messages with a delivery job (notification or letter) that gave up, whatever their stage. */
  failedDeliveries: number;
  /** Citizens' messages to the service not yet dealt with (see ReportingRepository). */
  citizenMessagesWaiting: number;
}

/** One Helsinki day's messages (by the time they were created). */
export interface DailyVolume {
  /** YYYY-MM-DD, a Helsinki date. */
  date: string;
  /** Messages to citizens sent electronically. */
  electronic: number;
  /** Messages to citizens sent on paper. */
  paper: number;
  /** Messages citizens sent to the services. */
  fromCitizens: number;
}

export interface ServiceReport {
  servicePk: number;
  serviceId: string;
  names: { fi: string; sv: string | null; en: string | null };
  counts: MessageCounts;
}

export interface Dashboard {
  organisationId: number;
  /** The Helsinki date the report was made on: the last day of `daily`. */
  today: string;
  /** All the services in `services` together. */
  totals: MessageCounts;
  /** One row per service the caller may see, in the order they were added. */
  services: ServiceReport[];
  /** The last `dailyVolumeDays` Helsinki days, oldest first, days without messages as zeros. */
  daily: DailyVolume[];
}

export interface DashboardOptions {
  /** The services the caller may see (primary keys); 'all' (the default) for an admin. */
  servicePks?: readonly number[] | 'all' | undefined;
  /** The report's time; the clock's by default. */
  now?: Date | undefined;
}

export const dailyVolumeDays = 30;

const hourMs = 3600 * 1000;

function emptyCounts(): MessageCounts {
  return {
    sent: 0,
    byStage: Object.fromEntries(messageStages.map((stage) => [stage, 0])) as Record<MessageStage, number>,
    byChannel: { electronic: 0, paper: 0 },
    readRate: { numerator: 0, denominator: 0 },
    acknowledgedRate: { numerator: 0, denominator: 0 },
    failedDeliveries: 0,
    citizenMessagesWaiting: 0,
  };
}

function addProgress(counts: MessageCounts, row: ProgressCount): void {
  const { count } = row;
  counts.sent += count;
  counts.byStage[messageStage(row)] += count;
  counts.byChannel[row.channel] += count;
  if (row.available) {
    counts.readRate.denominator += count;
    if (row.read) counts.readRate.numerator += count;
    if (row.serviceType === 'Verifiable') {
      counts.acknowledgedRate.denominator += count;
      if (row.receiptConfirmed) counts.acknowledgedRate.numerator += count;
    }
  }
  if (row.deliveryFailed) counts.failedDeliveries += count;
}

/**
 * The staff dashboard's numbers for one organisation: which services the caller may see is the
 * caller's decision (the route's access check), this service only never reaches outside the
 * organisation. Holds no personal data: counts only.
 */
export class DashboardService {
  constructor(
    private readonly deps: {
      repository: ReportingRepository;
      /** The organisations module's: which services the caller may see (active or not, old messages still count). */
      organisations: Pick<OrganisationService, 'servicesInScope'>;
      clock: () => Date;
    },
  ) {}

  async forOrganisation(organisationId: number, options: DashboardOptions = {}): Promise<Dashboard> {
    const { repository } = this.deps;
    const now = options.now ?? this.deps.clock();
    const scope: ServiceScope = options.servicePks ?? 'all';
    const today = helsinkiDate(now);
    const firstDay = addDays(today, -(dailyVolumeDays - 1));
    // Helsinki is 2 or 3 hours ahead of UTC: these UTC instants enclose the Helsinki days, and
    // each hour is then put on its own Helsinki day.
    const from = new Date(Date.parse(`${firstDay}T00:00:00.000Z`) - 3 * hourMs).toISOString();
    const to = `${addDays(today, 1)}T00:00:00.000Z`;
    const [services, progress, waiting, hours] = await Promise.all([
      this.deps.organisations.servicesInScope(organisationId, scope),
      repository.progressCounts(organisationId, scope),
      repository.citizenMessagesWaiting(organisationId, scope),
      repository.hourlyVolume(organisationId, scope, from, to),
    ]);

    const totals = emptyCounts();
    const perService = new Map<number, MessageCounts>(services.map((s) => [s.servicePk, emptyCounts()]));
    for (const row of progress) {
      const counts = perService.get(row.servicePk);
      // A row of a service outside the list cannot occur (both are scoped alike); skip rather than
      // count a service nobody can see.
      if (!counts) continue;
      addProgress(counts, row);
      addProgress(totals, row);
    }
    for (const row of waiting) {
      const counts = perService.get(row.servicePk);
      if (!counts) continue;
      counts.citizenMessagesWaiting += row.count;
      totals.citizenMessagesWaiting += row.count;
    }

    const daily: DailyVolume[] = [];
    const byDate = new Map<string, DailyVolume>();
    for (let offset = 0; offset < dailyVolumeDays; offset++) {
      const day = { date: addDays(firstDay, offset), electronic: 0, paper: 0, fromCitizens: 0 };
      daily.push(day);
      byDate.set(day.date, day);
    }
    for (const row of hours) {
      const day = byDate.get(helsinkiDate(new Date(`${row.hour}:00:00.000Z`)));
      if (!day) continue;
      if (row.direction === 'from_citizen') day.fromCitizens += row.count;
      else day[row.channel] += row.count;
    }

    return {
      organisationId,
      today,
      totals,
      services: services.map((service) => ({
        servicePk: service.servicePk,
        serviceId: service.serviceId,
        names: { fi: service.nameFi, sv: service.nameSv, en: service.nameEn },
        counts: perService.get(service.servicePk)!,
      })),
      daily,
    };
  }
}
