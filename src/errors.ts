/**
 * Domain errors thrown by services. The HTTP layer maps each kind to a status code and the response
 * shape of the audience (JSON reason for the organisation API, an HTML page for citizens).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** A stable reason code (e.g. MAILBOX_NOT_IN_USE) where the contract defines one. */
  readonly code: string | undefined;
  /**
   * The message as the log may hold it. The answer may name the caller's own input back to them (an
   * attachment's file name); the log is read by operators, so such an error gives a version without it.
   */
  readonly loggedMessage: string;
  constructor(message: string, code?: string, options: { loggedMessage?: string } = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.loggedMessage = options.loggedMessage ?? message;
  }
}

/** Invalid input; `field` names the offending field (dot path) so callers can fix it. */
export class ValidationError extends DomainError {
  readonly status = 400;
  constructor(
    readonly field: string,
    message: string,
    code?: string,
  ) {
    super(`${field}: ${message}`, code);
  }
}

/** The base of an error that needs nothing beyond its message and code, told apart by its status. */
function errorWithStatus<Status extends number>(status: Status) {
  abstract class StatusError extends DomainError {
    readonly status = status;
  }
  return StatusError;
}

export class UnauthorizedError extends errorWithStatus(401) {}
export class ForbiddenError extends errorWithStatus(403) {}
/** Also used when something exists but belongs to someone else: existence is not revealed. */
export class NotFoundError extends errorWithStatus(404) {}
export class ConflictError extends errorWithStatus(409) {}
export class PayloadTooLargeError extends errorWithStatus(413) {}
export class UnsupportedMediaTypeError extends errorWithStatus(415) {}
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Something the request needs cannot be served right now (stored content that does not decrypt, a
 * dependency that is down). The details go to the log; the client is told to come back later.
 */
export class ServiceUnavailableError extends errorWithStatus(503) {}

/**
 * The status of a refused form with files (a citizen's or a case worker's message), as the API
 * answers a refused upload: 413 when a file is over the size limit, 415 when a type is not
 * accepted, else 400.
 */
export function formProblemsStatus(problems: ReadonlyArray<{ code: string }>): 400 | 413 | 415 {
  if (problems.some((p) => p.code === 'tooLarge')) return 413;
  if (problems.some((p) => p.code === 'unsupportedType' || p.code === 'typeMismatch')) return 415;
  return 400;
}
