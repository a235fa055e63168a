import type { AppContext } from '../../app-context.js';

/** Services of the mailbox module (the citizen's view of messages: read, acknowledge, reply, delete). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailboxServices {}

export function createMailboxServices(_context: AppContext): MailboxServices {
  return {};
}
