import type { Db } from './job-handler.js';

/** One message joined to the organisation and service that sent it; the caller picks the columns. */
export function messageWithSender(db: Db, messageId: number) {
  return db
    .selectFrom('messages')
    .innerJoin('organisations', 'organisations.id', 'messages.organisation_id')
    .innerJoin('services', 'services.id', 'messages.service_pk')
    .where('messages.id', '=', messageId);
}
