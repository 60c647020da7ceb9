/** The one error family: a code clients can branch on, an HTTP status, a public message and private context for logs. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly context?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, field?: string, status = 422) {
    super('invalid_request', status, message, field);
  }
}

export class NotFoundError extends AppError {
  /** `field` names the input that found nothing: the path's `id`, or `path` for an unknown route. */
  constructor(what: string, field = 'id') {
    super('not_found', 404, `${what} not found`, field);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'missing or invalid API key') {
    super('unauthorized', 401, message, 'authorization');
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('conflict', 409, message, field);
  }
}
