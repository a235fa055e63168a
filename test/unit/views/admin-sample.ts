import type { StaffFrame } from '../../../src/http/views/staff/staff-layout.js';
import type { AdminCredential, AdminService } from '../../../src/modules/organisations/index.js';

/** An admin acting for one organisation, as the staff frame shows them. */
export const sampleAdminFrame: StaffFrame = {
  name: 'Tiina Virkailija',
  organisationName: 'Kallio',
  roles: { admin: true, servicePks: 'all' },
  organisationCount: 1,
  csrfToken: 'csrf',
};

/** A service of an organisation as OrganisationAdmin returns it, with one form. */
export function sampleAdminService(overrides: Partial<AdminService> = {}): AdminService {
  return {
    serviceId: 'kallio-sosiaali',
    nameFi: 'Sosiaalipalvelut',
    nameSv: 'Socialtjänster',
    nameEn: null,
    acceptsMessages: true,
    active: true,
    descriptionFi: 'Toimeentulotuki ja sosiaaliohjaus.',
    descriptionSv: null,
    descriptionEn: null,
    eServiceUrl: 'https://asiointi.kallio.example/sosiaali',
    forms: [
      { titleFi: 'Hakemus', titleSv: 'Ansökan', titleEn: null, url: 'https://kallio.example/hakemus.pdf' },
    ],
    ...overrides,
  };
}

export function sampleAdminCredential(overrides: Partial<AdminCredential> = {}): AdminCredential {
  return {
    username: 'api-1234567-1-0a1b2c3d',
    allowedIps: ['192.0.2.0/24'],
    createdAt: '2025-03-01T10:00:00.000Z',
    passwordChangedAt: '2025-03-01T10:00:00.000Z',
    revokedAt: null,
    ...overrides,
  };
}
