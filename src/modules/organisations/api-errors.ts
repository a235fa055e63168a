import { DomainError } from '../../errors.js';

/**
 * The token endpoint's "Authentication failed" (the contract answers 400, not 401). One message for
 * an unknown username, a wrong password and revoked credentials, so usernames cannot be probed.
 */
export class AuthenticationFailedError extends DomainError {
  readonly status = 400;
  constructor() {
    super('Authentication failed');
  }
}
