import assert from 'node:assert/strict';
import type { AdminServiceInput } from '../../src/modules/organisations/index.js';
import { signInAs } from './citizen-session.js';
import type { OrganisationFixture } from './fixtures.js';
import { CookieJar, browserRequest } from './oidc-login.js';
import { signInStaff, type StaffBrowser } from './staff-session.js';
import { identityLookup, storedRow } from './stored-rows.js';
import type { TestHarness } from './test-app.js';

type Organisation = Pick<OrganisationFixture, 'businessId'>;

/**
 * One staff role: who, in which organisation, which role and, for a case worker, which services
 * (all the organisation's services when left out).
 */
export type StaffGrant = [
  identityCode: string,
  organisation: Organisation,
  role: 'admin' | 'case_worker',
  serviceIds?: string[],
];

/** Grants the roles in order, as an admin of the organisations would. */
export async function grantStaff(h: TestHarness, grants: StaffGrant[]): Promise<void> {
  for (const [identityCode, organisation, role, serviceIds] of grants) {
    await h.services.staff.staff.grant({
      identityCode,
      businessId: organisation.businessId,
      role,
      ...(serviceIds ? { serviceIds } : {}),
    });
  }
}

/** Two organisations with one service each: Ylitornio, then Kallio. */
export async function ylitornioAndKallio(h: TestHarness) {
  const ylitornio = await h.fixtures.organisation({ nameFi: 'Ylitornion kunta' });
  const kallio = await h.fixtures.organisation({ nameFi: 'Peruspalvelukuntayhtymä Kallio' });
  return { ylitornio, kallio };
}

/** Makes the person a case worker of the organisation's first service only and signs them in. */
export async function signInCaseWorker(
  h: TestHarness,
  identityCode: string,
  organisation: Pick<OrganisationFixture, 'businessId' | 'serviceId'>,
): Promise<StaffBrowser> {
  await grantStaff(h, [[identityCode, organisation, 'case_worker', [organisation.serviceId]]]);
  return signInStaff(h, identityCode);
}

/** The staff_members row id of a person in the register. */
export async function staffMemberIdOf(h: TestHarness, identityCode: string): Promise<number> {
  return (
    await storedRow(h, 'staff_members', 'identity_lookup', await identityLookup(h.context, identityCode))
  ).id;
}

/** Adds the organisation's second service, Rakennusvalvonta (accepts messages). */
export function addBuildingService(
  h: TestHarness,
  organisation: Pick<OrganisationFixture, 'businessId' | 'serviceId'>,
) {
  return h.services.organisations.addService({
    businessId: organisation.businessId,
    serviceId: `${organisation.serviceId}-rakennus`,
    nameFi: 'Rakennusvalvonta',
    acceptsMessages: true,
  });
}

/**
 * Adds the organisation's health service, Terveyspalvelut (accepts messages), with the Swedish and
 * English names given; resolves with the organisation as seen through that service.
 */
export async function addHealthService(
  h: TestHarness,
  organisation: OrganisationFixture,
  names: { nameSv?: string; nameEn?: string } = {},
): Promise<OrganisationFixture> {
  const added = await h.services.organisations.addService({
    businessId: organisation.businessId,
    serviceId: `terveys-${organisation.businessId}`,
    nameFi: 'Terveyspalvelut',
    ...names,
    acceptsMessages: true,
  });
  return { ...organisation, serviceId: added.serviceId, servicePk: added.id, serviceNameFi: added.nameFi };
}

/** A citizen signed in to their own pages, as the cookie jar of their browser. */
export async function citizenBrowser(h: TestHarness, identityCode: string) {
  const citizen = await signInAs(h, identityCode);
  const jar = new CookieJar();
  for (const [name, value] of Object.entries(citizen.cookies)) jar.set(name, value);
  return { jar, csrfToken: citizen.csrfToken };
}

/**
 * A citizen signed in to their own pages opens staff pages: each sends them to the staff sign-in, to
 * come back to where they were. Resolves with the citizen's browser for what the test does next.
 */
export async function citizenAtStaffPages(h: TestHarness, identityCode: string, urls: string[]) {
  const citizen = await citizenBrowser(h, identityCode);
  for (const url of urls) {
    const answer = await browserRequest(h, citizen.jar, 'GET', url);
    assert.equal(answer.statusCode, 303, url);
    assert.match(answer.location ?? '', /^\/virkailija\/kirjaudu\?return=/, url);
  }
  return citizen;
}

/**
 * The service an organisation admin's tests edit: a home-care voucher with one form, and the blank
 * row the edit page offers for another (which the service ignores).
 */
export function adminServiceInput(overrides: Partial<AdminServiceInput> = {}): AdminServiceInput {
  return {
    nameFi: 'Kotihoidon palveluseteli',
    nameSv: 'Servicesedel för hemvård',
    nameEn: '',
    descriptionFi: 'Hae palveluseteliä kotihoitoon.',
    descriptionSv: '',
    descriptionEn: '',
    eServiceUrl: 'https://asiointi.example.fi/palveluseteli',
    acceptsMessages: true,
    forms: [
      {
        titleFi: 'Palvelusetelihakemus',
        titleSv: '',
        titleEn: '',
        url: 'https://asiointi.example.fi/hakemus.pdf',
      },
      { titleFi: '', titleSv: '', titleEn: '', url: '' },
    ],
    ...overrides,
  };
}

/**
 * A service as the admin's edit page posts it: flat field names, the forms as numbered rows and the
 * ticked checkbox as '1' (an unticked one is left out). `overrides` replace or add posted fields.
 */
export function adminServiceForm(
  input: AdminServiceInput = adminServiceInput(),
  overrides: Record<string, string> = {},
): Record<string, string> {
  const { forms, acceptsMessages, ...texts } = input;
  return {
    ...texts,
    ...(acceptsMessages ? { acceptsMessages: '1' } : {}),
    ...Object.fromEntries(
      forms.flatMap((form, index) =>
        Object.entries(form).map(([field, value]) => [`forms.${index}.${field}`, value]),
      ),
    ),
    ...overrides,
  };
}
