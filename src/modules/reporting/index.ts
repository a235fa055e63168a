import type { AppContext } from '../../app-context.js';
import type { OrganisationService } from '../organisations/index.js';
import { DashboardService } from './dashboard-service.js';
import { ReportingRepository } from './reporting-repository.js';

export { DashboardService, dailyVolumeDays } from './dashboard-service.js';
export type {
  Channel,
  Dashboard,
  DashboardOptions,
  DailyVolume,
  Fraction,
  MessageCounts,
  ServiceReport,
} from './dashboard-service.js';
export type { MessageStage } from '../messages/index.js';

/** Services of the reporting module: the staff dashboard's numbers. */
export interface ReportingServices {
  dashboard: DashboardService;
}

export function createReportingServices(
  context: AppContext,
  deps: { organisations: OrganisationService },
): ReportingServices {
  return {
    dashboard: new DashboardService({
      repository: new ReportingRepository(context.database.db),
      organisations: deps.organisations,
      clock: context.clock,
    }),
  };
}
