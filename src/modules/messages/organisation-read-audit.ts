import type { AuditEntry } from '../audit/index.js';
import type { ApiPrincipal } from '../organisations/index.js';

/** The organisation API's calls that are audited here, each with what it touched. */
export type OrganisationApiAction =
  /** GET /v2/messages/{id}, /v1/messages/{id}: a message a citizen sent. */
  | 'api.citizen_message_read'
  /** GET /v1/attachments/{id}: a citizen's attachment. */
  | 'api.attachment_downloaded'
  /** GET /v1/messages/{id}/state: the delivery state of a message the organisation sent. */
  | 'api.message_state_read'
  /** GET /v1/messages/id?externalId=: which message an externalId named. */
  | 'api.message_id_looked_up'
  /** GET /v2/events, /v1/events: a page of the organisation's event feed. */
  | 'api.events_read'
  /** POST /v2/attachments, /v1/attachments, /v1/files: an upload not yet in any message. */
  | 'api.attachment_uploaded';

/**
 * An organisation's API call touching a citizen's data or its own messages: audited as the
 * organisation's access with the credential that made it. A message or attachment subject links the
 * entry to the citizen's account (recordAudit looks up the owner), so it shows in their access log.
 */
export function organisationRead(
  principal: ApiPrincipal,
  action: OrganisationApiAction,
  subject: { type: 'message' | 'attachment'; id: string } | undefined,
  at: Date,
  details: Record<string, unknown> = {},
): AuditEntry {
  return {
    actorType: 'organisation',
    actorId: String(principal.organisationId),
    action,
    ...(subject ? { subjectType: subject.type, subjectId: subject.id } : {}),
    details: { organisationId: principal.organisationId, credentialId: principal.credentialId, ...details },
    occurredAt: at,
  };
}
