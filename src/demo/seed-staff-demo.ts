import type { AppServices } from '../services.js';
import type { StaffRole } from '../modules/staff/index.js';
import type { Progress } from './seed-demo.js';

/** The demo's staff member who shows the organisation side: admin and case worker of Ylitornio. */
export const demoStaffMember = '150385-9046';

/**
 * Demo staff (all fictitious: individual numbers 900–999, in the demo population register). Tiina
 * Virkailija runs Ylitornion kunta's pages; every other demo organisation has one case worker for all
 * of its services.
 */
export const demoStaff: ReadonlyArray<{ identityCode: string; businessId: string; roles: StaffRole[] }> = [
  { identityCode: demoStaffMember, businessId: '9990002-4', roles: ['admin', 'case_worker'] },
  { identityCode: '080966-9525', businessId: '9990001-6', roles: ['case_worker'] },
  { identityCode: '220472-9311', businessId: '9990003-2', roles: ['case_worker'] },
  { identityCode: '110688-9742', businessId: '9990004-0', roles: ['case_worker'] },
  { identityCode: '300179-963L', businessId: '9990005-9', roles: ['case_worker'] },
];

/** Grants the demo staff their roles. Idempotent: a role a person has is not granted again. */
export async function seedStaffDemo(services: AppServices, progress: Progress): Promise<void> {
  const existing = await services.staff.staff.list();
  if (existing.length > 0) {
    progress('demo: staff present');
    return;
  }
  for (const member of demoStaff) {
    for (const role of member.roles) {
      await services.staff.staff.grant({
        identityCode: member.identityCode,
        businessId: member.businessId,
        role,
        by: { type: 'operator', id: 'demo' },
      });
    }
  }
  progress(`demo: granted staff roles to ${demoStaff.length} people`);
}
