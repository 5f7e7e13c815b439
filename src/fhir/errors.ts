import type { OperationOutcome } from 'fhir/r4';

/** What went wrong, in the categories a clinician's message is chosen from. */
export type FhirErrorKind =
  | 'network' // the server could not be reached
  | 'unauthorized' // 401: signed out or token expired
  | 'forbidden' // 403: no access
  | 'not-found' // 404
  | 'conflict' // 409 / 412: someone else changed it
  | 'invalid' // 400 / 422: the server refused the content
  | 'server' // 5xx
  | 'unknown';

export class FhirError extends Error {
  readonly kind: FhirErrorKind;
  readonly status: number;
  readonly outcome?: OperationOutcome;

  constructor(kind: FhirErrorKind, status: number, message: string, outcome?: OperationOutcome) {
    super(message);
    this.name = 'FhirError';
    this.kind = kind;
    this.status = status;
    this.outcome = outcome;
  }

  /** The server's own words (OperationOutcome diagnostics or details), for a "details" line. */
  get details(): string[] {
    return (this.outcome?.issue ?? [])
      .map((issue) => issue.details?.text ?? issue.diagnostics ?? '')
      .filter((text) => text.length > 0);
  }
}

export function kindOfStatus(status: number): FhirErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 400 || status === 422) return 'invalid';
  if (status >= 500) return 'server';
  return 'unknown';
}

export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

export function isFhirError(value: unknown): value is FhirError {
  return value instanceof FhirError;
}
