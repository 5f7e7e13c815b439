import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { SeedOptions } from './seed/index';
import { createMockBackend, type DataSource, type MockBackend } from './fhir-server/backend';
import { issue, operationOutcome } from './fhir-server/errors';
import { getScenario, SCENARIOS, type Scenario } from './scenarios/index';

/**
 * The mock FHIR backend over real HTTP, for sessions with several devices and for contract
 * checks: `npm run mock-server` (port 8787; env PORT, HOST, MOCK_SCENARIO, MOCK_PATIENTS,
 * MOCK_SEED). It runs the same `backend.handle` as the browser's service worker. Data lives in
 * memory only: a restart (or POST /mock/reset) starts the scenario afresh.
 *
 * CORS is open (any origin), so an app on another port or device can use it.
 */

export interface NodeServerOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 'localhost'. */
  host?: string;
  scenarioId?: string;
  seedOptions?: Partial<SeedOptions>;
  /** For tests: another data source or scenario list. */
  dataSource?: DataSource;
  scenarios?: readonly Scenario[];
  now?: () => Date;
  /** No start-up line on the console. */
  quiet?: boolean;
}

export interface NodeServer {
  /** Origin, e.g. http://localhost:8787 (the FHIR base is `${url}/fhir`). */
  url: string;
  fhirBaseUrl: string;
  backend: MockBackend;
  close(): Promise<void>;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, If-None-Match, Prefer, Accept, X-Usability-Kit',
  'Access-Control-Expose-Headers': 'ETag, Location, Last-Modified, Content-Location, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer | undefined, fallbackHost: string): Request {
  const host = req.headers.host ?? fallbackHost;
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  return new Request(url, { method: req.method ?? 'GET', headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > 0) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body.length > 0 ? body : undefined);
}

export async function startNodeServer(options: NodeServerOptions = {}): Promise<NodeServer> {
  const host = options.host ?? 'localhost';
  const started = performance.now();
  const backend = createMockBackend({
    scenarioId: options.scenarioId,
    seedOptions: options.seedOptions,
    dataSource: options.dataSource,
    scenarios: options.scenarios,
    now: options.now,
    log: options.quiet ? undefined : (message) => console.warn(message),
  });
  await backend.ready();
  const readyMs = performance.now() - started;

  const server = createServer((req, res) => {
    void (async () => {
      try {
        if (req.method === 'OPTIONS') {
          res.writeHead(204, CORS_HEADERS);
          res.end();
          return;
        }
        const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
        const request = toRequest(req, body, `${host}`);
        const response = await backend.handle(request);
        if (response?.type === 'error') {
          // Fault injection: "backend unreachable" is no answer at all (the client sees a network error).
          req.socket.destroy();
          return;
        }
        if (response) {
          await writeResponse(res, response);
          return;
        }
        const outcome = operationOutcome([issue('not-found', `No such endpoint: ${req.method} ${request.url}. The FHIR API is under /fhir.`)]);
        await writeResponse(res, new Response(JSON.stringify(outcome), { status: 404, headers: { 'Content-Type': 'application/fhir+json' } }));
      } catch (error) {
        const outcome = operationOutcome([issue('exception', `The mock server failed: ${error instanceof Error ? error.message : String(error)}`)]);
        if (!res.headersSent) res.writeHead(500, { ...CORS_HEADERS, 'Content-Type': 'application/fhir+json' });
        res.end(JSON.stringify(outcome));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${address.port}`;
  if (!options.quiet) {
    const state = await backend.state();
    console.log(
      `Akson mock FHIR server: ${url}/fhir  (scenario ${state.scenarioId}, ${state.seed.patients} patients, ${state.resourceCount} resources, data ready in ${(readyMs / 1000).toFixed(1)} s)`,
    );
  }
  return {
    url,
    fhirBaseUrl: `${url}/fhir`,
    backend,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }).then(() => backend.close()),
  };
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not '${raw}'`);
  return n;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const seedOptions: Partial<SeedOptions> = {};
  const patients = envNumber('MOCK_PATIENTS');
  const seed = envNumber('MOCK_SEED');
  if (patients !== undefined) seedOptions.patients = patients;
  if (seed !== undefined) seedOptions.seed = seed;
  const scenarioId = process.env.MOCK_SCENARIO || undefined;
  if (scenarioId && !getScenario(scenarioId)) {
    console.error(`MOCK_SCENARIO '${scenarioId}' is not a scenario. Known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    process.exit(1);
  }
  startNodeServer({
    port: envNumber('PORT') ?? 8787,
    host: process.env.HOST || 'localhost',
    scenarioId,
    seedOptions,
  }).catch((error: unknown) => {
    console.error(`The mock FHIR server could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
