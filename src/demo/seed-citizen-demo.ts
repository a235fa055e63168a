import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import type { Progress } from './seed-demo.js';

/** Demo citizens' accounts (Kimmo Mäkinen has an active mailbox). Idempotent. */
export async function seedCitizenDemo(
  _context: AppContext,
  _services: AppServices,
  _progress: Progress,
): Promise<void> {}
