import { ApiClient } from '../../helpers/api-client.js';
import { createOrganisation, type TestOrganisation } from '../../helpers/factories.js';
import { createHarness, type TestHarness } from '../../helpers/test-app.js';

export interface SignedInOrganisations {
  h: TestHarness;
  /** The organisation the tests act as. */
  org: TestOrganisation;
  /** Another organisation, to show that nothing crosses between them. */
  other: TestOrganisation;
  api: ApiClient;
  otherApi: ApiClient;
}

/** A fresh app at `now` with two organisations, each signed in to the API with its own client. */
export async function signedInOrganisations(now: string): Promise<SignedInOrganisations> {
  const h = await createHarness({ now });
  const org = await createOrganisation(h);
  const other = await createOrganisation(h);
  const api = new ApiClient(h);
  const otherApi = new ApiClient(h);
  await api.login(org);
  await otherApi.login(other);
  return { h, org, other, api, otherApi };
}
