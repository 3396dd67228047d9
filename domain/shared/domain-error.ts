/**
 * A rule the domain refuses to break. `code` is stable and machine-readable (it becomes the
 * problem+json `code`); `details` carries what a client needs to correct the request.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A DomainError subclass named for its context that accepts only that context's codes. */
export function contextErrorClass<Code extends string>(name: string) {
  return class extends DomainError {
    constructor(code: Code, message: string, details: Record<string, unknown> = {}) {
      super(code, message, details);
      this.name = name;
    }
  };
}
