import type { Bundle, FhirResource, Resource } from 'fhir/r4';
import { FhirError, isOperationOutcome, kindOfStatus } from './errors';
import { whenBackendReady } from './backendReady';

export type ResourceType = FhirResource['resourceType'];
export type ResourceOf<T extends ResourceType> = Extract<FhirResource, { resourceType: T }>;
export type SearchParams = Record<string, string | number | (string | number)[] | undefined>;

export interface FhirClientOptions {
  baseUrl: string;
  /** Returns the bearer token to send, or null when the server needs none. */
  getToken: () => string | null;
  /** Called when the server answers 401, so the session can sign the user out. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
}

/** Turns search params into a query string; arrays repeat the parameter (AND), commas inside a value mean OR. */
export function toQuery(params: SearchParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function versionOf(resource: Resource): string | undefined {
  return resource.meta?.versionId;
}

/**
 * The one place the app talks HTTP to a FHIR server: adds the bearer token, reads
 * OperationOutcome errors into FhirError, sends If-Match on updates.
 */
export class FhirClient {
  readonly baseUrl: string;
  private readonly options: FhirClientOptions;

  constructor(options: FhirClientOptions) {
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
  }

  /** The same server with a fixed token: the requests made for a user who is being signed in, before the session holds their token. */
  withToken(token: string | null): FhirClient {
    return new FhirClient({ ...this.options, getToken: () => token });
  }

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const url = path.startsWith('http') ? path : `${this.baseUrl}/${path.replace(/^\//, '')}`;
    const token = this.options.getToken();
    const allHeaders: Record<string, string> = { Accept: 'application/fhir+json', ...headers };
    if (token) allHeaders.Authorization = `Bearer ${token}`;
    if (body !== undefined) allHeaders['Content-Type'] = 'application/fhir+json';
    const doFetch = this.options.fetchImpl ?? fetch;
    if (!this.options.fetchImpl) await whenBackendReady();
    let response: Response;
    try {
      // No cookies: the bearer token is the credential. (It also spares Mock Service Worker from
      // reading document.cookie, a synchronous round trip to the browser's cookie store, per request.)
      response = await doFetch(url, { method, headers: allHeaders, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
    } catch (cause) {
      throw new FhirError('network', 0, `The server at ${this.baseUrl} could not be reached: ${String(cause)}`);
    }
    const text = await response.text();
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    if (!response.ok) {
      const outcome = isOperationOutcome(json) ? json : undefined;
      const diagnostics = outcome?.issue?.map((i) => i.diagnostics ?? i.details?.text).filter(Boolean).join('; ');
      if (response.status === 401) this.options.onUnauthorized?.();
      throw new FhirError(kindOfStatus(response.status), response.status, diagnostics || `HTTP ${response.status} from ${method} ${path}`, outcome);
    }
    if (json === undefined && text) {
      throw new FhirError('server', response.status, `The server sent something that is not JSON for ${method} ${path}`);
    }
    return json as T;
  }

  read<T extends ResourceType>(type: T, id: string): Promise<ResourceOf<T>> {
    return this.request('GET', `${type}/${encodeURIComponent(id)}`);
  }

  search<T extends ResourceType>(type: T, params?: SearchParams): Promise<Bundle<ResourceOf<T>>> {
    return this.request('GET', `${type}${toQuery(params)}`);
  }

  /** Follows a Bundle's `next` link (an absolute URL from the server). */
  nextPage<R extends Resource>(bundle: Bundle<R>): Promise<Bundle<R>> | null {
    const next = bundle.link?.find((l) => l.relation === 'next')?.url;
    return next ? this.request('GET', next) : null;
  }

  history<T extends ResourceType>(type: T, id: string): Promise<Bundle<ResourceOf<T>>> {
    return this.request('GET', `${type}/${encodeURIComponent(id)}/_history`);
  }

  create<R extends FhirResource>(resource: R): Promise<R> {
    return this.request('POST', resource.resourceType, resource);
  }

  /**
   * Updates a resource, sending If-Match with the version the user saw. A 412 (someone else
   * changed it in between) arrives as FhirError kind 'conflict'.
   */
  update<R extends FhirResource>(resource: R, options: { ifMatch?: string | false } = {}): Promise<R> {
    if (!resource.id) throw new Error('update needs a resource with an id');
    const version = options.ifMatch === false ? undefined : (options.ifMatch ?? versionOf(resource));
    const headers: Record<string, string> = version ? { 'If-Match': `W/"${version}"` } : {};
    return this.request('PUT', `${resource.resourceType}/${encodeURIComponent(resource.id)}`, resource, headers);
  }

  /**
   * A transaction Bundle (POST to the base): every entry or none. An entry's `request.ifMatch`
   * guards its update; a stale one fails the whole transaction with 412 (kind 'conflict').
   */
  transaction(bundle: Bundle): Promise<Bundle> {
    return this.request('POST', '', bundle);
  }

  delete(type: ResourceType, id: string): Promise<void> {
    return this.request('DELETE', `${type}/${encodeURIComponent(id)}`);
  }
}

/** The resources of a search Bundle, of the searched type only (not included resources). */
export function entries<R extends Resource>(bundle: Bundle<R> | undefined, type?: string): R[] {
  const out: R[] = [];
  for (const entry of bundle?.entry ?? []) {
    const resource = entry.resource;
    if (resource && (!type || resource.resourceType === type) && entry.search?.mode !== 'include') out.push(resource);
  }
  return out;
}
