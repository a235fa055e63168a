import type { AccessLogRepository } from './access-log-repository.js';
import { type AccessLogRow, type AccessLogWhose } from './access-log-repository.js';

export type { AccessLogWhose } from './access-log-repository.js';

export const accessLogPageSize = 20;

export interface OrganisationNames {
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
}

/** One access as the citizen sees it: who, for which organisation, when, what and why. */
export interface AccessLogEntry {
  id: number;
  at: string;
  actorType: 'citizen' | 'organisation' | 'staff' | 'operator' | 'system';
  /** A staff member's name ("Tiina Virkailija"); absent for the others. */
  staffName?: string | undefined;
  /** The organisation the access was made for (its API, or its staff member). */
  organisation?: OrganisationNames | undefined;
  /** The audit action, e.g. `staff.mailbox_checked`: the page says it in the reader's language. */
  action: string;
  /** The purpose the staff member gave, when the access needed one. */
  purpose?: string | undefined;
}

export interface AccessLogPage {
  entries: AccessLogEntry[];
  page: number;
  hasNext: boolean;
}

const actorTypes = new Set(['citizen', 'organisation', 'staff', 'operator', 'system']);

function parseDetails(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function positiveId(value: unknown): number | undefined {
  const id = typeof value === 'string' ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * "Kuka on katsonut tietojani": the audit entries that concern one account, in pages, apart for
 * the accesses of others (organisations, their staff, operators) and the citizen's own.
 */
export class AccessLog {
  constructor(private readonly repository: AccessLogRepository) {}

  async forAccount(accountId: number, whose: AccessLogWhose, page = 1): Promise<AccessLogPage> {
    const current = Math.max(1, Math.floor(page));
    const rows = await this.repository.page(
      accountId,
      whose,
      accessLogPageSize + 1,
      (current - 1) * accessLogPageSize,
    );
    const shown = rows
      .slice(0, accessLogPageSize)
      .map((row) => ({ row, details: parseDetails(row.details) }));
    const organisationIdOf = ({ row, details }: { row: AccessLogRow; details: Record<string, unknown> }) =>
      row.actorType === 'organisation' ? positiveId(row.actorId) : positiveId(details.organisationId);
    const staffIdOf = ({ row }: { row: AccessLogRow }) =>
      row.actorType === 'staff' ? positiveId(row.actorId) : undefined;
    const [organisations, staff] = await Promise.all([
      this.repository.organisationNames(unique(shown.map(organisationIdOf))),
      this.repository.staffNames(unique(shown.map(staffIdOf))),
    ]);
    const organisationById = new Map(
      organisations.map((o) => [Number(o.id), { nameFi: o.fi, nameSv: o.sv, nameEn: o.en }]),
    );
    const staffById = new Map(staff.map((s) => [Number(s.id), `${s.firstNames} ${s.lastName}`]));
    const entries = shown.map((item): AccessLogEntry => {
      const { row, details } = item;
      const organisationId = organisationIdOf(item);
      const staffId = staffIdOf(item);
      return {
        id: Number(row.id),
        at: row.occurredAt,
        actorType: actorTypes.has(row.actorType) ? (row.actorType as AccessLogEntry['actorType']) : 'system',
        staffName: staffId === undefined ? undefined : staffById.get(staffId),
        organisation: organisationId === undefined ? undefined : organisationById.get(organisationId),
        action: row.action,
        purpose: typeof details.purpose === 'string' ? details.purpose : undefined,
      };
    });
    return { entries, page: current, hasNext: rows.length > accessLogPageSize };
  }
}

function unique(ids: ReadonlyArray<number | undefined>): number[] {
  return [...new Set(ids.filter((id): id is number => id !== undefined))];
}
