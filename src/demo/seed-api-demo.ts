import type { AppContext } from '../app-context.js';
import type { AppServices } from '../services.js';
import type { Progress } from './seed-demo.js';

/** Demo API credentials (DATA_DIR/demo-credentials.json) and demo messages. Idempotent. */
export async function seedApiDemo(
  _context: AppContext,
  _services: AppServices,
  _progress: Progress,
): Promise<void> {}
