import type { AppContext } from '../app-context.js';
import { deliveryTasks } from '../modules/delivery/index.js';
import type { AppServices } from '../services.js';
import type { PeriodicTask } from './worker.js';

/** The background tasks of the worker role; each module contributes its own. */
export function workerTasks(context: AppContext, services: AppServices): PeriodicTask[] {
  return [...deliveryTasks(context, services.delivery), ...housekeepingTasks(context, services)];
}

/** Purges and expiries that belong to no single delivery (sessions, unused uploads, old events). */
function housekeepingTasks(_context: AppContext, _services: AppServices): PeriodicTask[] {
  return [];
}
