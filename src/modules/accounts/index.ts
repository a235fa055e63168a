import type { AppContext } from '../../app-context.js';

/** Services of the accounts module (citizen identification, sessions, opening/closing accounts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AccountServices {}

export function createAccountServices(_context: AppContext): AccountServices {
  return {};
}
