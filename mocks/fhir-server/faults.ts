import type { Resource } from 'fhir/r4';
import { operationOutcome, issue } from './errors';
import type { FhirRepository } from './repository';
import { NO_FAULTS, type FaultSettings } from '../../src/kit/faultSettings';

/**
 * Fault injection for usability sessions (issue #9): how do clinicians cope when the journal is
 * slow, fails now and then, cannot be reached, or a colleague changes what they are editing?
 * The settings are server state (GET/POST /mock/faults), so with `npm run mock-server` every
 * device in a session has the same faults. /mock/… itself is never faulted (the tester must be
 * able to switch the faults off again), nor are the tester panel's own checks of a task's result
 * (requests with the header `X-Usability-Kit`).
 *
 *   latencyMs          added to every answer (0–30,000 ms)
 *   failureRate        share of requests answered 503 with an OperationOutcome (0–1)
 *   unreachable        every request fails as a network error (no answer at all)
 *   conflictNextWrite  the next update with If-Match (PUT, or a transaction entry with ifMatch)
 *                      finds the resource changed by "another user" first, so it gets 412
 */
export { NO_FAULTS, type FaultSettings };

export const MAX_LATENCY_MS = 30_000;

/** The tester panel's own requests (checking a task's result) are never faulted. */
export const KIT_HEADER = 'X-Usability-Kit';

/** A tag on the "other user's" version, so it can be told apart in the resource's history. */
export const OTHER_USER_TAG = { system: 'urn:akson:codesystem:usability-kit', code: 'changed-by-another-user', display: 'Endret av en annen bruker (testøkt)' } as const;

/** Merges a partial change into the settings; returns an error message for bad input. */
export function mergeFaults(current: FaultSettings, body: Record<string, unknown>): FaultSettings | string {
  const next = { ...current };
  const known = new Set(Object.keys(NO_FAULTS));
  const unknown = Object.keys(body).filter((k) => !known.has(k));
  if (unknown.length > 0) return `Unknown fault setting(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`;
  if (body.latencyMs !== undefined) {
    const v = body.latencyMs;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_LATENCY_MS) return `latencyMs must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}.`;
    next.latencyMs = Math.round(v);
  }
  if (body.failureRate !== undefined) {
    const v = body.failureRate;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) return 'failureRate must be a share from 0 to 1 (0.3 = 30 % of requests fail).';
    next.failureRate = v;
  }
  for (const flag of ['unreachable', 'conflictNextWrite'] as const) {
    if (body[flag] !== undefined) {
      if (typeof body[flag] !== 'boolean') return `${flag} must be true or false.`;
      next[flag] = body[flag];
    }
  }
  return next;
}

export interface FaultInjector {
  settings(): FaultSettings;
  set(settings: FaultSettings): void;
  /**
   * Before a request is answered: waits the added latency, then answers for the fault (a network
   * error or a 503) or returns undefined to let the request through.
   */
  before(request: Request, path: string): Promise<Response | undefined>;
  /** A write that should meet a conflict: "another user" saves the resource first. */
  collide(request: Request, path: string, basePath: string, repo: FhirRepository): Promise<void>;
  /** How many requests were failed or delayed (for the panel). */
  counts(): { failed: number; unreachable: number; conflicts: number };
}

export interface FaultInjectorOptions {
  /** A number in [0, 1): tests pass a fixed sequence. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Requests that faults apply to: the FHIR API (but its CapabilityStatement), personas and tokens. */
export function isFaultable(path: string, basePath: string): boolean {
  if (path.startsWith('/mock/')) return false;
  if (path === `${basePath}/metadata`) return false;
  return path === basePath || path.startsWith(`${basePath}/`) || path === '/personas' || path === '/token';
}

export function createFaultInjector(options: FaultInjectorOptions = {}): FaultInjector {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let current: FaultSettings = { ...NO_FAULTS };
  const tally = { failed: 0, unreachable: 0, conflicts: 0 };

  return {
    settings: () => ({ ...current }),
    set(settings) {
      current = { ...settings };
    },
    counts: () => ({ ...tally }),
    async before(request, _path) {
      if (request.headers.has(KIT_HEADER)) return undefined;
      if (current.latencyMs > 0) await sleep(current.latencyMs);
      if (current.unreachable) {
        tally.unreachable += 1;
        return Response.error();
      }
      if (current.failureRate > 0 && random() < current.failureRate) {
        tally.failed += 1;
        const body = operationOutcome([issue('transient', 'Simulated failure (usability test fault injection): the server is temporarily unavailable.')]);
        return new Response(JSON.stringify(body), { status: 503, headers: { 'Content-Type': 'application/fhir+json', 'Retry-After': '1' } });
      }
      return undefined;
    },
    async collide(request, path, basePath, repo) {
      if (!current.conflictNextWrite) return;
      const target = await conflictTarget(request, path, basePath);
      if (!target) return;
      const existing = repo.get(target.type, target.id);
      if (!existing) return;
      current = { ...current, conflictNextWrite: false };
      tally.conflicts += 1;
      repo.update(changedByAnotherUser(existing));
    },
  };
}

/** The resource a write would update with If-Match, or undefined. */
export async function conflictTarget(request: Request, path: string, basePath: string): Promise<{ type: string; id: string } | undefined> {
  const method = request.method.toUpperCase();
  const rest = path.slice(basePath.length).split('/').filter(Boolean);
  if (method === 'PUT' && rest.length === 2 && request.headers.get('If-Match')) {
    return { type: rest[0] as string, id: decodeURIComponent(rest[1] as string) };
  }
  if (method === 'POST' && rest.length === 0) {
    try {
      const bundle = JSON.parse(await request.clone().text()) as { entry?: { request?: { method?: string; url?: string; ifMatch?: string } }[] };
      for (const entry of bundle.entry ?? []) {
        const r = entry.request;
        if (r?.method === 'PUT' && r.ifMatch && r.url) {
          const [type, id] = r.url.split('?')[0]!.split('/');
          if (type && id) return { type, id };
        }
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The same resource, saved again by "another user" (a new version, tagged). */
export function changedByAnotherUser<R extends Resource>(resource: R): R {
  const tags = (resource.meta?.tag ?? []).filter((t) => !(t.system === OTHER_USER_TAG.system && t.code === OTHER_USER_TAG.code));
  return { ...resource, meta: { ...resource.meta, tag: [...tags, { ...OTHER_USER_TAG }] } };
}
