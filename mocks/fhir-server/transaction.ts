import type { Bundle, BundleEntry, OperationOutcome, Resource } from 'fhir/r4';
import { FhirServerError, issue } from './errors';
import type { FhirRepository } from './repository';
import { asFhirResource, isResourceType } from './resourceTypes';
import { validateResourceContent } from './validate';

/**
 * FHIR batch and transaction Bundles (POST to the base URL), e.g. for an offline outbox:
 * - `transaction`: all or nothing. Entries run in the FHIR order (DELETE, POST, PUT, GET);
 *   `urn:uuid:` / `urn:oid:` fullUrls of created resources are replaced by their new
 *   `Type/id` wherever the other entries refer to them; any failure undoes every change and
 *   answers with that entry's error.
 * - `batch`: every entry on its own; a failing entry gets its status and OperationOutcome in
 *   its response, the others go through.
 * The response Bundle lists the entries in the order they were sent.
 */

export interface BundleContext {
  baseUrl: string;
  /** Throws (422) when a resource refers to a patient that does not exist. */
  checkReferences(resource: Resource): void;
  /** Throws (403) when the caller may not write `next` over `existing` (see access.ts). */
  authorize?(next: Resource | undefined, existing: Resource | undefined): void;
  /** GET entries: a read (throws 403 when the caller may not read it) and a search, as the caller may see them (readAccess.ts). */
  read?(type: string, id: string, version: string | undefined): Resource;
  search?(type: string, query: URLSearchParams): Bundle;
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed', 422: 'Unprocessable Entity' };

function status(code: number): string {
  return `${code} ${STATUS_TEXT[code] ?? ''}`.trim();
}

const ORDER: Record<string, number> = { DELETE: 0, POST: 1, PUT: 2, PATCH: 2, GET: 3, HEAD: 3 };

interface ParsedUrl {
  type: string;
  id?: string;
  version?: string;
  query?: URLSearchParams;
}

function parseEntryUrl(raw: string, baseUrl: string): ParsedUrl {
  let url = raw.startsWith(baseUrl) ? raw.slice(baseUrl.length) : raw;
  url = url.replace(/^\//, '');
  const [path = '', query] = url.split('?', 2);
  const [type = '', id, history, version, ...rest] = path.split('/');
  if (!isResourceType(type)) throw new FhirServerError(404, issue('not-found', `'${type}' is not a FHIR R4 resource type (entry url '${raw}').`));
  if (rest.length || (history !== undefined && history !== '_history')) throw new FhirServerError(400, issue('not-supported', `Entry url '${raw}' is not supported.`));
  const parsed: ParsedUrl = { type };
  if (id) parsed.id = decodeURIComponent(id);
  if (version) parsed.version = decodeURIComponent(version);
  if (query !== undefined) parsed.query = new URLSearchParams(query);
  return parsed;
}

/** Replaces references to the bundle's temporary fullUrls, in a copy. */
function rewriteReferences<T>(value: T, ids: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((v: unknown) => rewriteReferences(v, ids)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = k === 'reference' && typeof v === 'string' && ids.has(v) ? ids.get(v) : rewriteReferences(v, ids);
  }
  return out as T;
}

function headersOf(resource: Resource): { etag?: string; lastModified?: string } {
  const out: { etag?: string; lastModified?: string } = {};
  if (resource.meta?.versionId) out.etag = `W/"${resource.meta.versionId}"`;
  if (resource.meta?.lastUpdated) out.lastModified = resource.meta.lastUpdated;
  return out;
}

function runEntry(repo: FhirRepository, entry: BundleEntry, ctx: BundleContext, newIds: Map<string, string>, checkRefs: boolean): BundleEntry {
  const request = entry.request;
  if (!request?.method || !request.url) throw new FhirServerError(400, issue('required', 'Every entry needs request.method and request.url.'));
  const method = request.method.toUpperCase();
  const url = parseEntryUrl(request.url, ctx.baseUrl);
  const resourceOf = (): Resource => {
    const resource = entry.resource as Resource | undefined;
    if (!resource) throw new FhirServerError(400, issue('required', `${method} ${request.url} needs a resource.`));
    if (resource.resourceType !== url.type) throw new FhirServerError(400, issue('invalid', `The resource is a ${resource.resourceType}, but the entry url is for ${url.type}.`));
    validateResourceContent(resource);
    return resource;
  };
  switch (method) {
    case 'GET':
    case 'HEAD': {
      if (url.id === undefined) {
        const query = url.query ?? new URLSearchParams();
        return { resource: asFhirResource((ctx.search ? ctx.search(url.type, query) : repo.search(url.type, query, ctx.baseUrl)) as Resource), response: { status: status(200) } };
      }
      const resource = ctx.read ? ctx.read(url.type, url.id, url.version) : url.version ? repo.vread(url.type, url.id, url.version) : repo.read(url.type, url.id);
      return { resource: asFhirResource(resource), response: { status: status(200), ...headersOf(resource) } };
    }
    case 'POST': {
      if (url.id !== undefined) throw new FhirServerError(400, issue('invalid', `POST goes to the type ('${url.type}'), not to '${request.url}'.`));
      const resource = { ...resourceOf() };
      const fullUrl = entry.fullUrl;
      const id = fullUrl ? newIds.get(fullUrl)?.split('/')[1] : undefined;
      if (id) resource.id = id;
      else delete resource.id;
      ctx.authorize?.(resource, undefined);
      if (checkRefs) ctx.checkReferences(resource);
      const created = repo.create(resource);
      return { resource: asFhirResource(created), response: { status: status(201), location: `${ctx.baseUrl}/${url.type}/${created.id}/_history/${created.meta?.versionId}`, ...headersOf(created) } };
    }
    case 'PUT': {
      if (url.id === undefined) throw new FhirServerError(400, issue('invalid', `PUT needs Type/id, not '${request.url}'.`));
      const resource = resourceOf();
      if (resource.id !== url.id) throw new FhirServerError(400, issue('invalid', `The resource id "${resource.id ?? ''}" does not match the entry url id "${url.id}".`));
      ctx.authorize?.(resource, repo.get(url.type, url.id));
      if (checkRefs) ctx.checkReferences(resource);
      const existed = repo.get(url.type, url.id) !== undefined;
      const updated = repo.update(resource, request.ifMatch);
      return { resource: asFhirResource(updated), response: { status: status(existed ? 200 : 201), location: `${ctx.baseUrl}/${url.type}/${updated.id}/_history/${updated.meta?.versionId}`, ...headersOf(updated) } };
    }
    case 'DELETE': {
      if (url.id === undefined) throw new FhirServerError(400, issue('not-supported', 'Conditional delete is not supported.'));
      ctx.authorize?.(undefined, repo.get(url.type, url.id));
      repo.delete(url.type, url.id);
      return { response: { status: status(204) } };
    }
    default:
      throw new FhirServerError(405, issue('not-supported', `${method} is not supported in a Bundle entry.`));
  }
}

function errorEntry(error: unknown): BundleEntry {
  const e = error instanceof FhirServerError ? error : new FhirServerError(500, issue('exception', error instanceof Error ? error.message : String(error)));
  return { response: { status: status(e.status), outcome: e.toOperationOutcome() as OperationOutcome } };
}

export function processBundle(repo: FhirRepository, body: unknown, ctx: BundleContext): Bundle {
  const bundle = body as Partial<Bundle> | null;
  if (!bundle || bundle.resourceType !== 'Bundle') throw new FhirServerError(400, issue('invalid', 'POST to the base URL takes a Bundle of type batch or transaction.'));
  if (bundle.type !== 'batch' && bundle.type !== 'transaction') {
    throw new FhirServerError(400, issue('invalid', `Bundle.type must be batch or transaction, not '${String(bundle.type)}'.`));
  }
  const entries = bundle.entry ?? [];
  const responses: BundleEntry[] = new Array<BundleEntry>(entries.length);

  if (bundle.type === 'batch') {
    entries.forEach((entry, i) => {
      try {
        responses[i] = runEntry(repo, entry, ctx, new Map(), true);
      } catch (error) {
        responses[i] = errorEntry(error);
      }
    });
    return { resourceType: 'Bundle', type: 'batch-response', entry: responses };
  }

  // Transaction: temporary ids first, then references rewritten, then the FHIR order.
  const newIds = new Map<string, string>();
  entries.forEach((entry) => {
    const fullUrl = entry.fullUrl;
    const type = (entry.resource as Resource | undefined)?.resourceType;
    if (entry.request?.method?.toUpperCase() === 'POST' && fullUrl && type && /^urn:(uuid|oid):/.test(fullUrl)) {
      newIds.set(fullUrl, `${type}/${globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`}`);
    }
  });
  const prepared = entries.map((entry) => (entry.resource ? { ...entry, resource: rewriteReferences(entry.resource, newIds) } : entry));
  const order = prepared.map((_entry, i) => i).sort((a, b) => (ORDER[prepared[a]?.request?.method?.toUpperCase() ?? ''] ?? 9) - (ORDER[prepared[b]?.request?.method?.toUpperCase() ?? ''] ?? 9));
  repo.atomically(() => {
    for (const i of order) {
      const entry = prepared[i] as BundleEntry;
      try {
        responses[i] = runEntry(repo, entry, ctx, newIds, false);
      } catch (error) {
        if (error instanceof FhirServerError) {
          const where = `Entry ${i + 1} (${entry.request?.method ?? '?'} ${entry.request?.url ?? '?'})`;
          throw new FhirServerError(error.status, error.issues.map((x) => ({ ...x, diagnostics: `${where}: ${x.diagnostics ?? ''}`, details: { text: `${where}: ${x.details?.text ?? x.diagnostics ?? ''}` } })), error.headers);
        }
        throw error;
      }
    }
    // References to patients are checked once everything is in place.
    prepared.forEach((entry, i) => {
      const resource = responses[i]?.resource as Resource | undefined;
      const method = entry.request?.method?.toUpperCase();
      if (resource && (method === 'POST' || method === 'PUT')) {
        try {
          ctx.checkReferences(resource);
        } catch (error) {
          if (error instanceof FhirServerError) {
            throw new FhirServerError(error.status, error.issues.map((x) => ({ ...x, diagnostics: `Entry ${i + 1}: ${x.diagnostics ?? ''}`, details: { text: `Entry ${i + 1}: ${x.details?.text ?? ''}` } })));
          }
          throw error;
        }
      }
    });
  });
  return { resourceType: 'Bundle', type: 'transaction-response', entry: responses };
}

