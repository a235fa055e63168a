import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import type { PeriodicTask } from './worker.js';

/** The background tasks of the worker role; each module contributes its own. */
export function workerTasks(_context: AppContext, _services: AppServices): PeriodicTask[] {
  return [];
}
