import { before } from 'node:test';
import { ApiClient } from '../../helpers/api-client.js';
import type { ApiOrganisation } from '../../helpers/fixtures.js';
import { useSuiteHarness } from '../../helpers/suite-harness.js';
import type { TestHarness } from '../../helpers/test-app.js';

export interface SignedInOrganisations {
  h: TestHarness;
  /** The organisation the tests act as. */
  org: ApiOrganisation;
  /** Another organisation, to show that nothing crosses between them. */
  other: ApiOrganisation;
  api: ApiClient;
  otherApi: ApiClient;
}

/**
 * A suite's set-up: a fresh app at `now` with two organisations, each signed in to the API with its
 * own client. Registers the before hook that makes them and the after hook that closes the app. The
 * objects are filled in by the before hook (the clients sign in then), so read them only inside tests
 * and later hooks.
 */
export function useSignedInOrganisations(now: string): SignedInOrganisations {
  const h = useSuiteHarness({ now });
  const made = {
    h,
    org: {} as ApiOrganisation,
    other: {} as ApiOrganisation,
    api: new ApiClient(h),
    otherApi: new ApiClient(h),
  };
  before(async () => {
    Object.assign(made.org, await h.fixtures.apiOrganisation());
    Object.assign(made.other, await h.fixtures.apiOrganisation());
    await made.api.login(made.org);
    await made.otherApi.login(made.other);
  });
  return made;
}
