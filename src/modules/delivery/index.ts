import type { AppContext } from '../../app-context.js';
import type { PeriodicTask } from '../../worker/worker.js';

/** Services of the delivery module (outbox worker, notifications, paper letters, print batches). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeliveryServices {}

export function createDeliveryServices(_context: AppContext): DeliveryServices {
  return {};
}

export function deliveryTasks(_context: AppContext, _services: DeliveryServices): PeriodicTask[] {
  return [];
}
