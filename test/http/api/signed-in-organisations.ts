import type { ApiClient } from '../../helpers/api-client.js';
import { signedInClient } from '../../helpers/api-session.js';
import type { ApiOrganisation } from '../../helpers/fixtures.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

export interface SignedInOrganisations {
  h: TestHarness;
  /** The organisation the tests act as. */
  org: ApiOrganisation;
  /** Another organisation, to show that nothing crosses between them. */
  other: ApiOrganisation;
  api: ApiClient;
  otherApi: ApiClient;
}

/** A fresh app at `now` with two organisations, each signed in to the API with its own client. */
export async function signedInOrganisations(now: string): Promise<SignedInOrganisations> {
  const h = await createHarness({ now });
  const org = await h.fixtures.apiOrganisation();
  const other = await h.fixtures.apiOrganisation();
  return { h, org, other, api: await signedInClient(h, org), otherApi: await signedInClient(h, other) };
}
