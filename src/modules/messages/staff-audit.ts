import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';

/** The staff member acting, as the audit entries of the case-work pages name them. */
interface AuditedStaff {
  organisationId: number;
  staffMemberId: number;
  requestId?: string | undefined;
}

/** The audit entry's actor fields for a staff member (sending, received messages). */
export function staffAuditActor(actor: AuditedStaff) {
  return { actorType: 'staff' as const, actorId: String(actor.staffMemberId), requestId: actor.requestId };
}

/**
 * Audits a message a staff member sent (a new message or a reply to a citizen), naming them: the
 * message row knows only the organisation. A repeated send that stored nothing new (`created` false)
 * was audited the first time.
 */
export async function auditStaffSent(
  deps: { db: Kysely<DatabaseSchema>; clock: () => Date },
  actor: AuditedStaff,
  action: string,
  sent: { messageId: number; created: boolean },
  details: Record<string, unknown>,
): Promise<void> {
  if (!sent.created) return;
  await recordAudit(deps.db, {
    ...staffAuditActor(actor),
    action,
    subjectType: 'message',
    subjectId: String(sent.messageId),
    details: { organisationId: actor.organisationId, ...details },
    occurredAt: deps.clock(),
  });
}
