import type { Bundle, Parameters, Resource } from 'fhir/r4';
import type { Persona } from '../../src/session/personnel';
import type { SeedCore, SeedOptions } from '../seed/index';
import { DEFAULT_SCENARIO_ID, describeScenario, SCENARIOS, type Scenario } from '../scenarios/index';
import { authorizeWrite } from './access';
import { ACCESS_OPERATION, ACCESS_REASONS, isAccessReason, type AccessReason } from '../../src/domain/access';
import { AccessControl } from './readAccess';
import { createAccessAudit, type AccessAudit } from './accessAudit';
import { capabilityStatement } from './capability';
import { floorToMinute, osloDate } from './dates';
import { FhirServerError, issue, operationOutcome, unauthorized, unprocessable } from './errors';
import type { Delta, DeltaStore } from './persistence';
import { FhirRepository } from './repository';
import { asFhirResource, isResourceType } from './resourceTypes';
import { patientIdsOf } from './search';
import { issueToken, TOKEN_LIFETIME_SECONDS, verifyToken, type TokenClaims } from './token';
import { processBundle } from './transaction';
import { HOSPITAL_EVENTS, scheduleOf, tickPartners, triggerHospitalEvent, type HospitalEvent } from '../partners/index';
import { parseResourceBody } from './validate';
import { createFaultInjector, isFaultable, mergeFaults, type FaultSettings } from './faults';
import { parseClock } from './clock';

/**
 * The one request handler behind every front door of the mock FHIR server: Mock Service Worker
 * in the browser (mocks/browser.ts), msw/node in unit tests (mocks/fhir-server/msw.ts) and the
 * Node HTTP server (mocks/node-server.ts). It takes a Fetch `Request` and answers a `Response`,
 * or `undefined` when the request is not for it.
 *
 * Routes (paths on the backend's origin):
 *   GET  /personas                       personas one can sign in as (no token)
 *   POST /token  {"persona": "<id>"}     an access token for a persona (no token)
 *   GET  /fhir/metadata                  CapabilityStatement (no token)
 *   GET  /fhir/{type}?…                  search (also POST /fhir/{type}/_search, form body)
 *   POST /fhir/{type}                    create
 *   GET|PUT|DELETE /fhir/{type}/{id}     read, update (If-Match), delete
 *   GET  /fhir/{type}/{id}/_history[/{vid}]
 *   POST /fhir  Bundle of type batch or transaction
 *   GET  /mock/scenarios, GET /mock/state, POST /mock/reset {"scenario": "<id>"}
 *   GET  /mock/partners, POST /mock/partners/trigger {"event": "utskrivningsklar", "patient"?: "<id>"}
 *   GET|POST /mock/faults {latencyMs, failureRate, unreachable, conflictNextWrite}   (faults.ts)
 *   POST /mock/clock {"now": "<ISO>" | null}   the data rebuilt for that "now" (clock.ts)
 * The /mock routes control the mock itself for usability testers; they need no token and
 * exist only in the mock backend (dev/test/usability sessions, never production).
 *
 * Data: the seed's core data (organisations, personnel, personas) is generated at start, the
 * clinical data (patients and their histories) on the first request that needs it, so that the
 * sign-in page is quick. `ready()` forces both.
 */

export interface DataSource {
  generateCore(options: SeedOptions): SeedCore;
  generateClinical(core: SeedCore, options: SeedOptions): Resource[];
  /** The same data built in slices with `pause()` between them, so other requests are answered meanwhile. */
  generateClinicalInSlices?(core: SeedCore, options: SeedOptions, pause: () => Promise<void>): Promise<Resource[]>;
  /** Seed and size when neither the scenario nor the backend options say. */
  defaults: Omit<SeedOptions, 'now'>;
}

/** The deterministic seed (mocks/seed), loaded on first use. */
export async function seedDataSource(): Promise<DataSource> {
  const seed = await import('../seed/index');
  return { generateCore: seed.generateCore, generateClinical: seed.generateClinical, generateClinicalInSlices: seed.generateClinicalInSlices, defaults: seed.DEFAULT_SEED_OPTIONS };
}

export interface MockBackendOptions {
  /** Seed options (size, seed); a scenario's own seed options win over these. */
  seedOptions?: Partial<SeedOptions>;
  /** The scenario to start with when the persistence store has no active scenario. */
  scenarioId?: string;
  /** Where the delta is saved (IndexedDB in the browser). Without it, nothing is saved. */
  persistence?: DeltaStore;
  /** The real clock (tests pass a fixed one). The data's "now" comes from the scenario or this clock. */
  now?: () => Date;
  /** FHIR base path. Default '/fhir'. */
  basePath?: string;
  /** Where data comes from. Default: the deterministic seed (mocks/seed). */
  dataSource?: DataSource;
  /** The scenarios on offer. Default: SCENARIOS (mocks/scenarios). */
  scenarios?: readonly Scenario[];
  /** Debounce of saves after writes, in ms. Default 200. */
  saveDelayMs?: number;
  /** Log reads of patient data (reads and searches) as AuditEvents. Default true. Writes and grants are always logged. */
  auditReads?: boolean;
  /** Enforce need-to-know, blocking and administrative staff's limits on reads and writes (readAccess.ts). Default true. */
  accessControl?: boolean;
  /** Called with one-line log messages (errors while saving, timings). */
  log?: (message: string) => void;
}

export interface MockState {
  scenarioId: string;
  scenarioVersion: number;
  /** The mock clock now (ISO). */
  now: string;
  /** The "now" the data was generated for (ISO). */
  dataNow: string;
  seed: SeedOptions;
  resourceCount: number;
  clinicalLoaded: boolean;
  /** Changes since the scenario's starting state. */
  changes: number;
  timings: { coreMs: number; clinicalMs?: number };
  /** Changes at every reset and clock change: other devices poll it to know they must reload. */
  stateId: string;
  /** The clock was set by a tester (POST /mock/clock): `dataNow` is that moment. */
  clockSet: boolean;
  /** Faults injected for usability sessions (faults.ts). */
  faults: FaultSettings;
}

export interface MockBackend {
  /** Answers a request, or resolves undefined when the request is not for the mock backend. */
  handle(request: Request): Promise<Response | undefined>;
  /** Resolves when core and clinical data are loaded (and the saved delta applied). */
  ready(): Promise<void>;
  /** Back to exactly the starting state of a scenario; saved changes are discarded. */
  reset(scenarioId: string): Promise<void>;
  /** Resolves when every change so far has been saved to the persistence store. */
  flush(): Promise<void>;
  /** The current state (after the core data exists). */
  state(): Promise<MockState>;
  /** The repository (loads the clinical data first). For tests and tools; do not mutate. */
  repository(): Promise<FhirRepository>;
  personas(): Promise<Persona[]>;
  /** Stops timers (pending saves are flushed first). */
  close(): Promise<void>;
}

const FHIR_JSON = 'application/fhir+json';

interface World {
  scenario: Scenario;
  data: GeneratedData;
  seed: SeedOptions;
  startedAt: number;
  dataNow: number;
  repo: FhirRepository;
  core: SeedCore;
  personaById: Map<string, Persona>;
  savedDelta: Delta | null;
  access: AccessControl;
  clinical?: Promise<void>;
  clinicalLoaded: boolean;
  timings: { coreMs: number; clinicalMs?: number };
}

function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new FhirServerError(400, issue('invalid', `'${segment}' is not a valid URL path segment.`));
  }
}

/**
 * Generated data sets kept for fast resets: the most recent two, unless together they exceed
 * MAX_CACHED_RESOURCES (a 10,000-patient set is ~470k resources and ~330 MB of heap), so that
 * switching between "small" and "standard" does not regenerate either.
 */
interface GeneratedData {
  /** seed|patients|heavyPatients (no now). */
  key: string;
  seed: SeedOptions;
  /** Real time when this data set was first used (its clock starts there). */
  startedAt: number;
  core: SeedCore;
  clinical?: Resource[];
}

const MAX_CACHED_RESOURCES = 600_000;

export function createMockBackend(opts: MockBackendOptions = {}): MockBackend {
  const realNow = opts.now ?? (() => new Date());
  const basePath = (opts.basePath ?? '/fhir').replace(/\/$/, '');
  let dataSourcePromise: Promise<DataSource> | undefined;
  const getDataSource = () => (dataSourcePromise ??= opts.dataSource ? Promise.resolve(opts.dataSource) : seedDataSource());
  const scenarios = opts.scenarios ?? SCENARIOS;
  const store = opts.persistence;
  const saveDelay = opts.saveDelayMs ?? 200;
  const log = opts.log ?? (() => {});
  const auditReads = opts.auditReads ?? true;
  const accessControl = opts.accessControl ?? true;
  let cache: GeneratedData[] = [];
  /** Usability sessions: faults, and the clock a tester set (an ISO "now" for the data). */
  const faults = createFaultInjector();
  let clockOverride: string | undefined;
  let stateCounter = 0;
  const stateIds = new WeakMap<World, string>();

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let current: World | undefined;
  let capability: { key: string; body: string } | undefined;

  function findScenario(id: string): Scenario | undefined {
    return scenarios.find((s) => s.id === id);
  }

  function seedFor(dataSource: DataSource, scenario: Scenario, nowIso: string): SeedOptions {
    return { ...dataSource.defaults, ...opts.seedOptions, ...scenario.seed, now: clockOverride ?? scenario.now ?? nowIso };
  }

  function cacheKey(seed: SeedOptions): string {
    return `${seed.seed}|${seed.patients}|${seed.heavyPatients ?? ''}`;
  }

  function remember(entry: GeneratedData): void {
    cache = [entry, ...cache.filter((c) => c !== entry)].slice(0, 2);
    const size = (c: GeneratedData) => c.core.resources.length + (c.clinical?.length ?? 0);
    if (cache.length === 2 && size(cache[0] as GeneratedData) + size(cache[1] as GeneratedData) > MAX_CACHED_RESOURCES) cache = cache.slice(0, 1);
  }

  /**
   * The data set for a scenario: from the saved delta's seed when there is one, else a cached
   * one (a fixed-clock scenario: same now; a live-clock scenario: same Oslo day, so a reset is
   * fast and the clock keeps running in real time), else newly generated for now.
   */
  function dataFor(dataSource: DataSource, scenario: Scenario, saved: Delta | null): { data: GeneratedData; saved: Delta | null } {
    const real = realNow().getTime();
    const wanted = seedFor(dataSource, scenario, floorToMinute(new Date(real)).toISOString());
    const key = cacheKey(wanted);
    const fixed = clockOverride ?? scenario.now;
    if (saved && (saved.scenarioVersion !== scenario.version || cacheKey(saved.seed) !== key || (fixed !== undefined && saved.seed.now !== fixed))) {
      saved = null;
    }
    let data: GeneratedData | undefined;
    if (saved) {
      const savedSeed = saved.seed;
      data = cache.find((c) => c.key === key && c.seed.now === savedSeed.now);
      data ??= { key, seed: savedSeed, startedAt: saved.startedAt, core: dataSource.generateCore(savedSeed) };
      data.startedAt = saved.startedAt;
    } else if (fixed !== undefined) {
      data = cache.find((c) => c.key === key && c.seed.now === fixed);
      if (data) data.startedAt = real;
    } else {
      data = cache.find((c) => c.key === key && !fixedNow(c.seed.now) && osloDate(Date.parse(c.seed.now)) === osloDate(real));
    }
    data ??= { key, seed: wanted, startedAt: real, core: dataSource.generateCore(wanted) };
    remember(data);
    return { data, saved };
  }

  function fixedNow(now: string): boolean {
    return now === clockOverride || scenarios.some((s) => s.now === now);
  }

  async function buildWorld(scenario: Scenario, savedDelta: Delta | null): Promise<World> {
    const dataSource = await getDataSource();
    const started = nowMs();
    const { data, saved } = dataFor(dataSource, scenario, savedDelta);
    const { seed, startedAt, core } = data;
    const dataNow = Date.parse(seed.now);
    const repo = new FhirRepository({ clock: () => new Date(dataNow + (realNow().getTime() - startedAt)) });
    repo.loadAll(core.resources);
    repo.markBaseline();
    const access = new AccessControl({ get: (t, i) => repo.get(t, i), byPatient: (t, p) => repo.byPatient(t, p), now: () => repo.now() });
    repo.onChange((entry) => access.changed(entry.op === 'put' ? entry.resource.resourceType : entry.resourceType));
    const world: World = {
      scenario,
      data,
      seed,
      startedAt,
      dataNow,
      repo,
      core,
      personaById: new Map(core.personas.map((p) => [p.id, p])),
      savedDelta: saved,
      access,
      clinicalLoaded: false,
      timings: { coreMs: Math.round(nowMs() - started) },
    };
    repo.onChange(() => scheduleSave(world));
    return world;
  }

  function loadClinical(world: World): Promise<void> {
    world.clinical ??= (async () => {
      const dataSource = await getDataSource();
      const started = nowMs();
      const data = world.data;
      // Built in slices: sign-in and the persona list are answered while ten thousand patients are made.
      data.clinical ??= dataSource.generateClinicalInSlices
        ? await dataSource.generateClinicalInSlices(world.core, world.seed, () => new Promise((resolve) => setTimeout(resolve, 0)))
        : dataSource.generateClinical(world.core, world.seed);
      remember(data);
      const clinical = data.clinical;
      world.repo.loadAll(clinical);
      world.scenario.apply?.(world.repo, { now: new Date(world.dataNow), core: world.core, personas: world.core.personas });
      world.repo.markBaseline();
      if (world.savedDelta) {
        try {
          world.repo.applyDelta({ entries: world.savedDelta.entries });
        } catch (error) {
          log(`mock-fhir: the saved changes could not be applied and were dropped: ${String(error)}`);
        }
        world.savedDelta = null;
      }
      // Grants stated before a reload are still in force until they expire.
      audit.restoreGrants(world.repo, world.access, world.personaById);
      world.access.changed('Patient');
      // Build the normalised-name cache now, so the first patient search is as fast as the rest.
      world.repo.search('Patient', new URLSearchParams({ name: 'a', _count: '0' }), '');
      world.timings.clinicalMs = Math.round(nowMs() - started);
      world.clinicalLoaded = true;
      // The starting state (and a delta just loaded) is already what the store holds.
      savedRevision.set(world, world.repo.getRevision());
    })();
    return world.clinical;
  }

  async function start(scenarioId: string | undefined): Promise<World> {
    let id = scenarioId;
    if (store && id === undefined) id = (await store.getActiveScenario()) ?? undefined;
    id ??= opts.scenarioId ?? DEFAULT_SCENARIO_ID;
    let scenario = findScenario(id);
    if (!scenario) {
      log(`mock-fhir: unknown scenario '${id}', using '${DEFAULT_SCENARIO_ID}'`);
      scenario = findScenario(DEFAULT_SCENARIO_ID) ?? scenarios[0];
    }
    if (!scenario) throw new Error('mock-fhir: no scenarios');
    const saved = store ? await store.load(scenario.id) : null;
    // A clock the tester set stays set over a reload (the browser's worker starts afresh).
    if (saved?.clockSet) clockOverride = saved.seed.now;
    const world = await buildWorld(scenario, saved);
    if (store) await store.setActiveScenario(scenario.id);
    current = world;
    return world;
  }

  // ------------------------------------------------------------------------------- saving
  //
  // Writes over HTTP are durable: the response is sent after the delta has been saved, so a
  // reload right after a 201 keeps the data. Saves are serialised and coalesced (writes that
  // arrive while a save runs share the next one). Writes made directly on the repository
  // (tests, tools) are saved after a debounce of `saveDelayMs`. `flush()` waits for all of it.

  /** The chain of saves; each link saves the delta as it is when the link starts. */
  let saveChain: Promise<void> = Promise.resolve();
  /** A save queued behind the running one, not yet started (shared by callers). */
  let queuedSave: Promise<void> | null = null;
  /** Revision of the repository that was last saved, and how many delta entries that save held, per world. */
  const savedRevision = new WeakMap<World, number>();
  const savedEntries = new WeakMap<World, number>();

  function scheduleSave(world: World): void {
    if (!store || world !== current) return;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void saveSoon(world);
    }, saveDelay);
  }

  async function writeDelta(world: World): Promise<void> {
    if (!store || world !== current || !world.clinicalLoaded) return;
    const revision = world.repo.getRevision();
    if (savedRevision.get(world) === revision) return;
    const delta: Delta = {
      format: 1,
      scenarioId: world.scenario.id,
      scenarioVersion: world.scenario.version,
      seed: world.seed,
      startedAt: world.startedAt,
      savedAt: realNow().toISOString(),
      entries: world.repo.getDelta().entries,
      ...(clockOverride !== undefined ? { clockSet: true } : {}),
    };
    try {
      await store.save(world.scenario.id, delta, savedEntries.get(world) ?? 0);
      savedRevision.set(world, revision);
      savedEntries.set(world, delta.entries.length);
    } catch (error) {
      log(`mock-fhir: saving changes failed: ${String(error)}`);
    }
  }

  /** Saves the current delta after any save already running; resolves when it is stored. */
  function saveSoon(world: World): Promise<void> {
    if (!store) return Promise.resolve();
    if (queuedSave) return queuedSave;
    const next = saveChain.then(() => {
      queuedSave = null;
      return writeDelta(world);
    });
    queuedSave = next;
    saveChain = next;
    return next;
  }

  async function flush(): Promise<void> {
    if (saveTimer !== undefined) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      if (current) await saveSoon(current);
    }
    await saveChain;
  }

  async function reset(scenarioId: string): Promise<void> {
    const scenario = findScenario(scenarioId);
    if (!scenario) throw new FhirServerError(400, issue('not-found', `Unknown scenario '${scenarioId}'.`));
    const previous = worldPromise;
    const next = (async () => {
      await previous.catch(() => undefined);
      await flush();
      current = undefined;
      audit.clear();
      if (store) await store.clear();
      const world = await buildWorld(scenario, null);
      current = world;
      if (store) await store.setActiveScenario(scenario.id);
      await loadClinical(world);
      return world;
    })();
    worldPromise = next;
    await next;
  }

  // ------------------------------------------------------------------------------- responses

  function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  }

  function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': FHIR_JSON, ...headers } });
  }

  function errorResponse(error: unknown): Response {
    if (error instanceof FhirServerError) return fhirJson(error.toOperationOutcome(), error.status, error.headers);
    const message = error instanceof Error ? error.message : String(error);
    log(`mock-fhir: internal error: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return fhirJson(operationOutcome([issue('exception', `The mock server failed: ${message}`)]), 500);
  }

  function resourceHeaders(resource: Resource): Record<string, string> {
    const headers: Record<string, string> = {};
    const version = resource.meta?.versionId;
    if (version) headers.ETag = `W/"${version}"`;
    if (resource.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    return headers;
  }

  function writeResponse(request: Request, resource: Resource, status: number, baseUrl: string): Response {
    const headers = resourceHeaders(resource);
    if (status === 201) headers.Location = `${baseUrl}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}`;
    const prefer = request.headers.get('Prefer') ?? '';
    if (/return=minimal/.test(prefer)) return new Response(null, { status, headers });
    if (/return=OperationOutcome/.test(prefer)) {
      return fhirJson(operationOutcome([issue('informational', `${resource.resourceType}/${resource.id} saved as version ${resource.meta?.versionId}.`, { severity: 'information' })]), status, headers);
    }
    return fhirJson(resource, status, headers);
  }

  function jsonError(status: number, error: string, description: string): Response {
    return json({ error, error_description: description }, status);
  }

  async function readJsonBody(request: Request): Promise<Record<string, unknown> | null> {
    const text = await request.text();
    if (!text.trim()) return {};
    const type = request.headers.get('Content-Type') ?? '';
    // curl -d sends JSON as form data unless told otherwise: JSON-looking bodies are read as JSON.
    if (type.includes('application/x-www-form-urlencoded') && !text.trimStart().startsWith('{')) return Object.fromEntries(new URLSearchParams(text));
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  // ------------------------------------------------------------------------------- auth

  function authenticate(request: Request, world: World): { claims: TokenClaims; persona: Persona } {
    const header = request.headers.get('Authorization');
    if (!header) throw unauthorized('Sign in first: this request has no access token (Authorization: Bearer …).');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw invalidToken('The Authorization header must be "Bearer <access token>".');
    const check = verifyToken(m[1], realNow().getTime());
    if (!check.ok) throw invalidToken(check.reason);
    const persona = world.personaById.get(check.claims.persona);
    if (!persona) throw invalidToken(`The access token is for persona '${check.claims.persona}', which does not exist in this data set. Sign in again.`);
    return { claims: check.claims, persona };
  }

  function invalidToken(diagnostics: string): FhirServerError {
    return new FhirServerError(401, issue('login', diagnostics), { 'WWW-Authenticate': 'Bearer realm="akson-mock-fhir", error="invalid_token"' });
  }

  // ------------------------------------------------------------------------------- access and audit

  /** AuditEvents for reads (quiet period per user and patients), writes and stated reasons: accessAudit.ts. */
  const audit: AccessAudit = createAccessAudit({ reads: auditReads, realNow: () => realNow().getTime() });

  /** What a persona may see of a search (readAccess.ts), or nothing to check when access control is off. */
  function searchAccess(world: World, persona: Persona) {
    if (!accessControl) return undefined;
    return { visible: (r: Resource) => world.access.visible(persona, r), transform: (r: Resource) => world.access.transform(persona, r) };
  }

  /** A search as the persona may see it, logged. */
  function guardedSearch(world: World, persona: Persona, type: string, params: URLSearchParams, baseUrl: string): Bundle {
    const scoped = accessControl ? world.access.guardSearch(persona, type, params) : [];
    const bundle = world.repo.search(type, params, baseUrl, searchAccess(world, persona));
    if (type === 'AuditEvent') return bundle; // reading the log is not logged again
    if (scoped.length > 0 && type !== 'Patient') audit.read(world.repo, persona, world.access, scoped, 'search-type');
    else audit.search(world.repo, persona, type, params.toString());
    return bundle;
  }

  /** A read (or vread) as the persona may see it, logged. */
  function guardedRead(world: World, persona: Persona, type: string, id: string, version?: string): Resource {
    const resource = version ? world.repo.vread(type, id, version) : world.repo.read(type, id);
    if (!accessControl) {
      if (type === 'Patient') audit.read(world.repo, persona, world.access, [id], 'read');
      return resource;
    }
    world.access.guardRead(persona, version ? (world.repo.get(type, id) ?? resource) : resource);
    if (type !== 'AuditEvent') {
      const patients = type === 'Patient' ? [id] : patientIdsOf(resource);
      audit.read(world.repo, persona, world.access, patients, 'read');
    }
    return world.access.transform(persona, resource);
  }

  /** POST Patient/{id}/$access: explicit access with a reason from the list (+ text), or emergency access (text required). */
  async function grantAccess(request: Request, world: World, persona: Persona, patientId: string): Promise<Response> {
    world.repo.read('Patient', patientId);
    let body: unknown;
    try {
      body = JSON.parse(await request.text());
    } catch {
      throw new FhirServerError(400, issue('structure', 'Send a Parameters resource: reason (valueCode), text (valueString), emergency (valueBoolean).'));
    }
    const params = body as Parameters;
    if (params?.resourceType !== 'Parameters') throw new FhirServerError(400, issue('structure', 'Send a Parameters resource: reason (valueCode), text (valueString), emergency (valueBoolean).'));
    const value = (name: string) => params.parameter?.find((p) => p.name === name);
    const emergency = value('emergency')?.valueBoolean === true;
    const text = value('text')?.valueString?.trim() || undefined;
    const reason = value('reason')?.valueCode;
    if (emergency) {
      if (!text) throw new FhirServerError(400, issue('required', 'Emergency access needs a reason in words (text).', { expression: ['Parameters.parameter.where(name=\'text\')'] }));
    } else {
      if (!isAccessReason(reason)) throw new FhirServerError(400, issue('required', `Choose a reason for access: ${ACCESS_REASONS.join(', ')}.`, { expression: ['Parameters.parameter.where(name=\'reason\')'] }));
      if (reason === 'other' && !text) throw new FhirServerError(400, issue('required', "The reason 'other' needs a description (text).", { expression: ['Parameters.parameter.where(name=\'text\')'] }));
    }
    const grant = world.access.grant(persona, patientId, emergency ? 'emergency' : 'explicit', emergency ? 'emergency' : (reason as AccessReason), text);
    const event = audit.grant(world.repo, persona, world.access, patientId, grant);
    await saveSoon(world);
    const result: Parameters = {
      resourceType: 'Parameters',
      parameter: [
        { name: 'kind', valueCode: grant.kind },
        { name: 'reason', valueCode: grant.reason },
        { name: 'expires', valueInstant: new Date(grant.expires).toISOString() },
        { name: 'audit', valueReference: { reference: `AuditEvent/${event.id}` } },
      ],
    };
    return fhirJson(result, 200);
  }

  /** GET Patient/{id}/$access: how the user may read this patient now (no 403; the app asks before opening). */
  function accessStatus(world: World, persona: Persona, patientId: string): Response {
    world.repo.read('Patient', patientId);
    const d = accessControl ? world.access.decide(persona, patientId) : { allowed: true, basis: 'implicit' as const };
    const parameter: NonNullable<Parameters['parameter']> = [{ name: 'allowed', valueBoolean: d.allowed }];
    if (d.basis) parameter.push({ name: 'basis', valueCode: d.basis });
    if ('relation' in d && d.relation) parameter.push({ name: 'relation', valueCode: d.relation });
    if ('grant' in d && d.grant) {
      parameter.push({ name: 'reason', valueCode: d.grant.reason });
      parameter.push({ name: 'expires', valueInstant: new Date(d.grant.expires).toISOString() });
    }
    return fhirJson({ resourceType: 'Parameters', parameter } satisfies Parameters, 200);
  }

  // ------------------------------------------------------------------------------- FHIR

  function checkPatientReferences(world: World, resource: Resource): void {
    for (const id of patientIdsOf(resource)) {
      if (!world.repo.get('Patient', id)) {
        throw unprocessable(`${resource.resourceType} refers to Patient/${id}, which does not exist.`, 'business-rule');
      }
    }
  }

  async function handleFhir(request: Request, url: URL, segments: string[], world: World): Promise<Response> {
    const baseUrl = `${url.origin}${basePath}`;
    const method = request.method.toUpperCase();
    const [type, second, third, fourth, ...rest] = segments;

    if (type === 'metadata') {
      if (method !== 'GET') throw new FhirServerError(405, issue('not-supported', 'Use GET for /metadata.'));
      const key = baseUrl;
      if (capability?.key !== key) capability = { key, body: JSON.stringify(capabilityStatement(baseUrl, new Date(world.dataNow).toISOString())) };
      return new Response(capability.body, { status: 200, headers: { 'Content-Type': FHIR_JSON } });
    }

    const caller = authenticate(request, world);
    if (type === undefined) {
      if (method !== 'POST') throw new FhirServerError(400, issue('not-supported', 'Searching across all types is not supported; search one type (GET /fhir/{type}?…).'));
      let body: unknown;
      try {
        body = JSON.parse(await request.text());
      } catch (error) {
        throw new FhirServerError(400, issue('structure', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`));
      }
      await loadClinical(world);
      tickPartners(world.repo);
      const touched = new Set<string>();
      const bundleType = (body as { type?: string } | null)?.type;
      let result: Bundle;
      try {
        result = processBundle(world.repo, body, {
          baseUrl,
          checkReferences: (r) => checkPatientReferences(world, r),
          authorize: (next, existing) => {
            authorizeWrite(caller.persona, next, existing, (t, i) => world.repo.get(t, i));
            if (accessControl) for (const id of world.access.guardWrite(caller.persona, next, existing)) touched.add(id);
          },
          read: (t, i, v) => guardedRead(world, caller.persona, t, i, v),
          search: (t, q) => guardedSearch(world, caller.persona, t, q, baseUrl),
        });
      } catch (error) {
        world.access.changed('Patient'); // a rolled-back transaction may have been seen by the relation cache
        throw error;
      }
      if (touched.size > 0) audit.write(world.repo, caller.persona, world.access, [...touched], bundleType === 'batch' ? 'batch' : 'transaction');
      await saveSoon(world);
      return fhirJson(result);
    }
    if (!isResourceType(type)) throw new FhirServerError(404, issue('not-found', `'${type}' is not a FHIR R4 resource type.`));
    await loadClinical(world);
    // Simulated partners (hospitals, Nav, barnevern) act on what is due by the mock clock.
    tickPartners(world.repo);
    const repo = world.repo;

    if (rest.length > 0) throw new FhirServerError(404, issue('not-found', `No such endpoint: ${url.pathname}`));

    // /{type}
    if (second === undefined) {
      if (method === 'GET' || method === 'HEAD') return fhirJson(guardedSearch(world, caller.persona, type, url.searchParams, baseUrl));
      if (method === 'POST') {
        const resource = parseResourceBody(await request.text(), type);
        delete resource.id; // the server assigns ids on create
        authorizeWrite(caller.persona, resource, undefined, (t, i) => repo.get(t, i));
        const touched = accessControl ? world.access.guardWrite(caller.persona, resource, undefined) : [];
        checkPatientReferences(world, resource);
        const created = repo.create(resource);
        audit.write(repo, caller.persona, world.access, touched, 'create');
        await saveSoon(world);
        return writeResponse(request, created, 201, baseUrl);
      }
      throw new FhirServerError(405, issue('not-supported', `${method} is not allowed on /${type}. Use GET to search or POST to create.`));
    }

    // /{type}/_search
    if (second === '_search' && third === undefined) {
      if (method !== 'POST') throw new FhirServerError(405, issue('not-supported', `Use POST for /${type}/_search (or GET /${type}?…).`));
      const params = new URLSearchParams(url.searchParams);
      const body = await request.text();
      for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
      return fhirJson(guardedSearch(world, caller.persona, type, params, baseUrl));
    }
    if (second.startsWith('_') || second.startsWith('$')) {
      throw new FhirServerError(second.startsWith('$') ? 400 : 404, issue('not-supported', `'${second}' is not supported by the mock server.`));
    }

    const id = safeDecode(second);
    // /{type}/{id}
    if (third === undefined) {
      switch (method) {
        case 'GET':
        case 'HEAD': {
          const resource = guardedRead(world, caller.persona, type, id);
          const etag = resource.meta?.versionId ? `W/"${resource.meta.versionId}"` : undefined;
          const ifNoneMatch = request.headers.get('If-None-Match');
          if (etag && ifNoneMatch && ifNoneMatch.replace(/^W\//, '') === etag.replace(/^W\//, '')) {
            return new Response(null, { status: 304, headers: resourceHeaders(resource) });
          }
          return fhirJson(resource, 200, resourceHeaders(resource));
        }
        case 'PUT': {
          const resource = parseResourceBody(await request.text(), type, id);
          authorizeWrite(caller.persona, resource, repo.get(type, id), (t, i) => repo.get(t, i));
          const touched = accessControl ? world.access.guardWrite(caller.persona, resource, repo.get(type, id)) : [];
          checkPatientReferences(world, resource);
          const existed = repo.get(type, id) !== undefined;
          const ifMatch = request.headers.get('If-Match') ?? undefined;
          const updated = repo.update(resource, ifMatch);
          audit.write(repo, caller.persona, world.access, touched, existed ? 'update' : 'create');
          await saveSoon(world);
          return writeResponse(request, updated, existed ? 200 : 201, baseUrl);
        }
        case 'DELETE': {
          authorizeWrite(caller.persona, undefined, repo.get(type, id), (t, i) => repo.get(t, i));
          const touched = accessControl ? world.access.guardWrite(caller.persona, undefined, repo.get(type, id)) : [];
          repo.delete(type, id);
          audit.write(repo, caller.persona, world.access, touched, 'delete');
          await saveSoon(world);
          return new Response(null, { status: 204 });
        }
        case 'PATCH':
          throw new FhirServerError(405, issue('not-supported', 'PATCH is not supported by the mock server; read the resource and PUT it back with If-Match.'));
        default:
          throw new FhirServerError(405, issue('not-supported', `${method} is not allowed on /${type}/{id}.`));
      }
    }

    // /{type}/{id}/_history[/{vid}]
    if (third === '_history') {
      if (method !== 'GET') throw new FhirServerError(405, issue('not-supported', 'History is read-only (GET).'));
      if (fourth === undefined) {
        if (accessControl) {
          const currentVersion = repo.get(type, id);
          if (currentVersion) world.access.guardRead(caller.persona, currentVersion);
        }
        const history = repo.history(type, id, baseUrl);
        if (accessControl) for (const e of history.entry ?? []) if (e.resource) e.resource = asFhirResource(world.access.transform(caller.persona, e.resource));
        return fhirJson(history);
      }
      const resource = guardedRead(world, caller.persona, type, id, safeDecode(fourth));
      return fhirJson(resource, 200, resourceHeaders(resource));
    }
    // /Patient/{id}/$access
    if (type === 'Patient' && third === ACCESS_OPERATION) {
      if (method === 'GET') return accessStatus(world, caller.persona, id);
      if (method === 'POST') return grantAccess(request, world, caller.persona, id);
      throw new FhirServerError(405, issue('not-supported', `Use GET (may I?) or POST (a reason) on Patient/{id}/${ACCESS_OPERATION}.`));
    }
    throw new FhirServerError(404, issue('not-found', `No such endpoint: ${url.pathname}`));
  }

  // ------------------------------------------------------------------------------- mock control

  async function stateOf(world: World): Promise<MockState> {
    return {
      scenarioId: world.scenario.id,
      scenarioVersion: world.scenario.version,
      now: new Date(world.dataNow + (realNow().getTime() - world.startedAt)).toISOString(),
      dataNow: new Date(world.dataNow).toISOString(),
      seed: world.seed,
      resourceCount: world.repo.count(),
      clinicalLoaded: world.clinicalLoaded,
      changes: world.repo.getDelta().entries.length,
      timings: { ...world.timings },
      stateId: (() => {
        let id = stateIds.get(world);
        if (!id) stateIds.set(world, (id = `${Date.now().toString(36)}-${(stateCounter += 1)}`));
        return id;
      })(),
      clockSet: clockOverride !== undefined,
      faults: faults.settings(),
    };
  }

  async function handleMock(request: Request, path: string): Promise<Response> {
    const method = request.method.toUpperCase();
    if (path === '/mock/scenarios') {
      if (method !== 'GET') return jsonError(405, 'method_not_allowed', 'Use GET /mock/scenarios.');
      return json(scenarios.map(describeScenario));
    }
    if (path === '/mock/state') {
      if (method !== 'GET') return jsonError(405, 'method_not_allowed', 'Use GET /mock/state.');
      return json(await stateOf(await worldPromise));
    }
    if (path === '/mock/reset') {
      if (method !== 'POST') return jsonError(405, 'method_not_allowed', 'Use POST /mock/reset with {"scenario": "<id>"}.');
      const body = await readJsonBody(request);
      if (body === null) return jsonError(400, 'invalid_request', 'The body must be JSON: {"scenario": "<id>"}.');
      const world = await worldPromise;
      const id = typeof body.scenario === 'string' ? body.scenario : world.scenario.id;
      if (!findScenario(id)) return jsonError(400, 'invalid_request', `Unknown scenario '${id}'. Known: ${scenarios.map((s) => s.id).join(', ')}.`);
      await reset(id);
      return json(await stateOf(await worldPromise));
    }
    if (path === '/mock/partners' || path === '/mock/partners/trigger') return handlePartners(request, path, method);
    if (path === '/mock/faults') {
      if (method === 'GET') return json({ ...faults.settings(), counts: faults.counts() });
      if (method !== 'POST') return jsonError(405, 'method_not_allowed', 'Use GET or POST /mock/faults.');
      const body = await readJsonBody(request);
      if (body === null) return jsonError(400, 'invalid_request', 'The body must be JSON, e.g. {"failureRate": 0.3}.');
      const next = mergeFaults(faults.settings(), body);
      if (typeof next === 'string') return jsonError(400, 'invalid_request', next);
      faults.set(next);
      return json({ ...faults.settings(), counts: faults.counts() });
    }
    if (path === '/mock/clock') {
      if (method !== 'POST') return jsonError(405, 'method_not_allowed', 'Use POST /mock/clock with {"now": "<ISO date-time>" | null}.');
      const body = await readJsonBody(request);
      const parsed = parseClock(body?.now === undefined ? undefined : body.now);
      if ('error' in parsed) return jsonError(400, 'invalid_request', parsed.error);
      clockOverride = parsed.now ?? undefined;
      await reset((await worldPromise).scenario.id);
      // Saved at once (even without changes), so the clock survives a reload of the browser's mock.
      const world = await worldPromise;
      savedRevision.delete(world);
      await saveSoon(world);
      return json(await stateOf(await worldPromise));
    }
    return jsonError(404, 'not_found', `No such mock endpoint: ${path}`);
  }

  /** GET /mock/partners: the hospital's schedule; POST /mock/partners/trigger {"event", "patient"?}: it happens now. */
  async function handlePartners(request: Request, path: string, method: string): Promise<Response> {
    const world = await worldPromise;
    await loadClinical(world);
    if (path === '/mock/partners') {
      if (method !== 'GET') return jsonError(405, 'method_not_allowed', 'Use GET /mock/partners.');
      return json({ events: HOSPITAL_EVENTS, schedule: scheduleOf(world.repo).map((e) => ({ ...e, at: new Date(e.at).toISOString(), done: Boolean(world.repo.get('Communication', e.id)) })) });
    }
    if (method !== 'POST') return jsonError(405, 'method_not_allowed', 'Use POST /mock/partners/trigger with {"event": "utskrivningsklar"}.');
    const body = await readJsonBody(request);
    const event = body?.event;
    if (typeof event !== 'string' || !(HOSPITAL_EVENTS as readonly string[]).includes(event)) return jsonError(400, 'invalid_request', `Say which event: {"event": "${HOSPITAL_EVENTS.join('" | "')}", "patient": "<id>" (optional)}.`);
    const created = triggerHospitalEvent(world.repo, event as HospitalEvent, typeof body?.patient === 'string' ? body.patient : undefined);
    if (!created) return jsonError(400, 'invalid_request', 'No patient for the event: give {"patient": "<id>"} (the scenario has no hospital story).');
    await saveSoon(world);
    return json({ created: `Communication/${created.id}`, patient: created.subject?.reference });
  }

  async function handleToken(request: Request, world: World): Promise<Response> {
    if (request.method.toUpperCase() !== 'POST') return jsonError(405, 'method_not_allowed', 'Use POST /token with {"persona": "<id>"}.');
    const body = await readJsonBody(request);
    if (body === null) return jsonError(400, 'invalid_request', 'The body must be JSON: {"persona": "<id>"}.');
    const personaId = body.persona;
    if (typeof personaId !== 'string' || !personaId) return jsonError(400, 'invalid_request', 'Say who to sign in as: {"persona": "<id>"} (see GET /personas).');
    const persona = world.personaById.get(personaId);
    if (!persona) return jsonError(400, 'invalid_grant', `Unknown persona '${personaId}' (see GET /personas).`);
    const { token } = issueToken(persona, realNow().getTime());
    return json({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, persona }, 200, { 'Cache-Control': 'no-store' });
  }

  async function handle(request: Request): Promise<Response | undefined> {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return undefined;
    }
    const path = url.pathname;
    const isFhir = path === basePath || path.startsWith(`${basePath}/`);
    const isOurs = isFhir || path === '/personas' || path === '/token' || path.startsWith('/mock/');
    if (!isOurs) return undefined;
    try {
      if (path.startsWith('/mock/')) return await handleMock(request, path);
      if (isFaultable(path, basePath)) {
        const faulted = await faults.before(request, path);
        if (faulted) return faulted;
      }
      const world = await worldPromise;
      if (faults.settings().conflictNextWrite && isFhir && request.method !== 'GET') {
        await loadClinical(world);
        await faults.collide(request, path, basePath, world.repo);
      }
      if (path === '/personas') {
        if (request.method.toUpperCase() !== 'GET') return jsonError(405, 'method_not_allowed', 'Use GET /personas.');
        return json(world.core.personas);
      }
      if (path === '/token') return await handleToken(request, world);
      const segments = path
        .slice(basePath.length)
        .split('/')
        .filter((s) => s.length > 0);
      return await handleFhir(request, url, segments, world);
    } catch (error) {
      return errorResponse(error);
    }
  }

  let worldPromise: Promise<World> = start(undefined);
  worldPromise.catch((error: unknown) => log(`mock-fhir: the mock backend could not start: ${String(error)}`));

  return {
    handle,
    async ready() {
      const world = await worldPromise;
      await loadClinical(world);
    },
    reset,
    flush,
    async state() {
      return stateOf(await worldPromise);
    },
    async repository() {
      const world = await worldPromise;
      await loadClinical(world);
      return world.repo;
    },
    async personas() {
      return (await worldPromise).core.personas;
    },
    async close() {
      await flush();
    },
  };
}
