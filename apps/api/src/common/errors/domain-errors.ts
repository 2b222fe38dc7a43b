/** One entry of an error body's `details`: which field, which value, and why. */
export interface ErrorDetail {
  field?: string;
  value?: unknown;
  reason: string;
  index?: number;
  line?: number;
}

/** A domain failure with its HTTP status; the exception filter turns it into the error body. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export class InvalidParameterError extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('invalid_parameter', message, 400, details);
  }

  /** Builds the error for one field: the message names the field, value and allowed range. */
  static forField(field: string, value: unknown, reason: string): InvalidParameterError {
    return new InvalidParameterError(`${field} ${reason}`, [{ field, value, reason }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} was not found`, 404, [
      { field: 'id', value: id, reason: 'not found' },
    ]);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('conflict', message, 409, details);
  }
}

export class UnprocessableError extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('unprocessable', message, 422, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message: string) {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message, 403);
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message: string) {
    super('unavailable', message, 503);
  }
}
