import type { AuditEntry } from '../audit/index.js';
import type { ApiPrincipal } from '../organisations/index.js';

/**
 * An organisation's API reading what a citizen sent it (a message, an attachment): audited as the
 * organisation's access with the credential that made it, and linked through the subject to the
 * citizen's account for their access log.
 */
export function organisationRead(
  principal: ApiPrincipal,
  action: 'api.citizen_message_read' | 'api.attachment_downloaded',
  subjectType: 'message' | 'attachment',
  subjectId: string,
  at: Date,
): AuditEntry {
  return {
    actorType: 'organisation',
    actorId: String(principal.organisationId),
    action,
    subjectType,
    subjectId,
    details: { organisationId: principal.organisationId, credentialId: principal.credentialId },
    occurredAt: at,
  };
}
