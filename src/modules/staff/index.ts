import type { AppContext } from '../../app-context.js';
import { personalDataSeal } from '../../personal-data-seal.js';
import { clientProfile, createOidcLogin, type RelyingPartyKeyStore } from '../identity/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { StaffIdentificationService } from './staff-identification.js';
import { StaffRepository } from './staff-repository.js';
import { StaffService } from './staff-service.js';
import { StaffSessionRepository } from './staff-session-repository.js';
import { StaffSessionService } from './staff-session-service.js';

export type { StaffRole } from '../../db/schema-organisation-staff.js';
export type { ServiceRef, StaffMembership, StaffOrganisation, StaffRoles } from './staff-access.js';
export { canActOnService, isAdmin, isCaseWorker } from './staff-access.js';
export type { GrantInput, RevokeInput, RoleChanger, StaffListing } from './staff-service.js';
export { StaffService, staffActions } from './staff-service.js';
export type { StaffIdentity, StaffSession, StaffSignInOutcome } from './staff-session-service.js';
export { StaffSessionService, idTokenContext, staffSessionActions } from './staff-session-service.js';
export type { StaffLoginOutcome } from './staff-identification.js';
export { StaffIdentificationService } from './staff-identification.js';

/** Where the staff pages live, and the staff client's callback and logged-out pages. */
export const staffPaths = {
  root: '/virkailija',
  login: '/virkailija/kirjaudu',
  callback: '/virkailija/auth/callback',
  loggedOut: '/virkailija/uloskirjautunut',
} as const;

/** Services of the staff module: staff roles per organisation, staff sessions and identification. */
export interface StaffServices {
  staff: StaffService;
  sessions: StaffSessionService;
  /** Built on first use (the web side's routes): it needs the relying party's keys. */
  identification: StaffIdentificationService;
}

export function createStaffServices(
  context: AppContext,
  deps: {
    organisations: OrganisationService;
    /** Our FTN profile keys (the citizens' identification loads them); the staff client uses them too. */
    relyingPartyKeys: () => RelyingPartyKeyStore | undefined;
  },
): StaffServices {
  const db = context.database.db;
  const seal = personalDataSeal(context);
  const repository = new StaffRepository(db, seal);
  const sessions = new StaffSessionService({
    repository: new StaffSessionRepository(db, seal),
    staff: repository,
    db,
    register: context.populationRegister,
    envelope: context.envelope,
    clock: context.clock,
    timeouts: {
      idleMinutes: context.config.sessionIdleMinutes,
      absoluteHours: context.config.sessionAbsoluteHours,
    },
  });
  let identification: StaffIdentificationService | undefined;
  return {
    staff: new StaffService({
      repository,
      db,
      organisations: deps.organisations,
      register: context.populationRegister,
      clock: context.clock,
    }),
    sessions,
    get identification() {
      return (identification ??= createStaffIdentification(context, sessions, deps.relyingPartyKeys));
    },
  };
}

/**
 * The staff client: STAFF_OIDC_* when configured (same OIDC_PROFILE and keys as the citizens'
 * client); otherwise it waits for the bundled test IdP, which registers it in demo and test mode.
 */
function createStaffIdentification(
  context: AppContext,
  sessions: StaffSessionService,
  relyingPartyKeys: () => RelyingPartyKeyStore | undefined,
): StaffIdentificationService {
  const { config } = context;
  const staffOidc = config.staffOidc;
  const login = createOidcLogin(context, {
    purpose: 'staff',
    urls: {
      redirectUri: new URL(staffPaths.callback, config.publicUrl).href,
      postLogoutRedirectUri: new URL(staffPaths.loggedOut, config.publicUrl).href,
    },
    provider: staffOidc
      ? {
          issuer: staffOidc.issuer,
          clientId: staffOidc.clientId,
          profile: clientProfile(config, relyingPartyKeys(), staffOidc.clientSecret),
          identityCodeClaims: config.oidcIdentityCodeClaims,
          allowHttp: false,
          forceLogin: false,
        }
      : undefined,
  });
  return new StaffIdentificationService({ login, sessions });
}
