import assert from 'node:assert/strict';

/** The JWK members that carry private or secret key material (RFC 7518). */
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** Asserts that a published key carries none of the private members. */
export function assertPublicKeyOnly(key: object): void {
  for (const member of privateMembers)
    assert.equal((key as Record<string, unknown>)[member], undefined, member);
}
