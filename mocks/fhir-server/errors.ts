import type { OperationOutcome, OperationOutcomeIssue } from 'fhir/r4';

/** FHIR issue types (http://hl7.org/fhir/issue-type) the mock server uses. */
export type IssueCode = OperationOutcomeIssue['code'];

/**
 * An error the mock FHIR server answers with: an HTTP status and the OperationOutcome issues to
 * send. The repository and the search engine throw these; the HTTP layer (backend.ts) turns them
 * into an `application/fhir+json` OperationOutcome response.
 */
export class FhirServerError extends Error {
  readonly status: number;
  readonly issues: OperationOutcomeIssue[];
  /** Extra response headers (e.g. WWW-Authenticate on 401). */
  readonly headers: Record<string, string>;

  constructor(status: number, issues: OperationOutcomeIssue[] | OperationOutcomeIssue, headers: Record<string, string> = {}) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => i.diagnostics ?? i.details?.text ?? i.code).join('; ') || `HTTP ${status}`);
    this.name = 'FhirServerError';
    this.status = status;
    this.issues = list;
    this.headers = headers;
  }

  toOperationOutcome(): OperationOutcome {
    return operationOutcome(this.issues);
  }
}

/** One error issue with the same English text as `diagnostics` and `details.text`. */
export function issue(code: IssueCode, diagnostics: string, options: { severity?: OperationOutcomeIssue['severity']; expression?: string[] } = {}): OperationOutcomeIssue {
  const result: OperationOutcomeIssue = {
    severity: options.severity ?? 'error',
    code,
    details: { text: diagnostics },
    diagnostics,
  };
  if (options.expression?.length) result.expression = options.expression;
  return result;
}

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function badRequest(diagnostics: string, code: IssueCode = 'invalid', expression?: string[]): FhirServerError {
  return new FhirServerError(400, issue(code, diagnostics, { expression }));
}

export function notFound(diagnostics: string): FhirServerError {
  return new FhirServerError(404, issue('not-found', diagnostics));
}

export function gone(diagnostics: string): FhirServerError {
  return new FhirServerError(410, issue('deleted', diagnostics));
}

export function methodNotAllowed(diagnostics: string): FhirServerError {
  return new FhirServerError(405, issue('not-supported', diagnostics));
}

export function preconditionFailed(diagnostics: string): FhirServerError {
  return new FhirServerError(412, issue('conflict', diagnostics));
}

export function conflict(diagnostics: string): FhirServerError {
  return new FhirServerError(409, issue('conflict', diagnostics));
}

export function unprocessable(diagnostics: string, code: IssueCode = 'business-rule', expression?: string[]): FhirServerError {
  return new FhirServerError(422, issue(code, diagnostics, { expression }));
}

export function unauthorized(diagnostics: string): FhirServerError {
  return new FhirServerError(401, issue('login', diagnostics), { 'WWW-Authenticate': 'Bearer realm="akson-mock-fhir"' });
}
