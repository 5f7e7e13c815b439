/** Messages between the page and the Web Worker that hosts the mock FHIR backend. */
export interface SerializedRequest {
  url: string;
  method: string;
  headers: [string, string][];
  body: string | null;
}

export interface SerializedResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  /** The backend answered with a network error (Response.error(): fault injection, "backend unreachable"). */
  networkError?: boolean;
}

export type ToWorker =
  | { type: 'init'; scenarioId?: string; seedOptions?: Record<string, unknown> }
  | { type: 'request'; id: number; request: SerializedRequest }
  | { type: 'flush'; id: number }
  | { type: 'warm' }
  /**
   * A MessagePort (in the message's ports) on which the service worker sends requests straight
   * to the backend, and gets the answers, without the page's main thread (mocks/browser.ts,
   * public/akson-mock-sw.js): `request` messages in, `response` messages out.
   */
  | { type: 'port' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'response'; id: number; response: SerializedResponse | null }
  | { type: 'flushed'; id: number }
  | { type: 'log'; message: string };

export async function serializeRequest(request: Request): Promise<SerializedRequest> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return { url: request.url, method: request.method, headers: [...request.headers.entries()], body: hasBody ? await request.text() : null };
}

export function deserializeRequest(r: SerializedRequest): Request {
  return new Request(r.url, { method: r.method, headers: r.headers, body: r.body });
}

export async function serializeResponse(response: Response): Promise<SerializedResponse> {
  if (response.type === 'error') return { status: 0, statusText: '', headers: [], body: '', networkError: true };
  return { status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body: await response.text() };
}

export function deserializeResponse(r: SerializedResponse): Response {
  if (r.networkError) return Response.error();
  const nullBody = r.status === 204 || r.status === 304;
  return new Response(nullBody ? null : r.body, { status: r.status, statusText: r.statusText, headers: r.headers });
}
