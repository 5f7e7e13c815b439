import * as z from 'zod/mini';

// Validation without generated code: zod otherwise compiles each object schema with
// `new Function` on its first parse, which a strict Content-Security-Policy (no 'unsafe-eval')
// forbids, and which cost the start-up task more than the parse itself (config.json is read
// once). This module is the app's first to use zod, so the setting holds for every schema.
z.config({ jitless: true });

/**
 * Runtime configuration, read from /config.json at start-up (never baked in at build time), so
 * the same build runs on the embedded mock, on `npm run mock-server`, or on a real FHIR server
 * with HelseID.
 */
const MockBackend = z.object({
  kind: z.literal('mock'),
  scenario: z.optional(z.string()),
  patients: z.optional(z.number().check(z.int(), z.positive())),
});
const FhirBackend = z.object({
  kind: z.literal('fhir'),
  baseUrl: z.url(),
});
const OidcSettings = z.object({
  authority: z.url(),
  clientId: z.string().check(z.minLength(1)),
  scope: z.string().check(z.minLength(1)),
  redirectPath: z.string().check(z.startsWith('/')),
  postLogoutRedirectPath: z.optional(z.string().check(z.startsWith('/'))),
});
export const ConfigSchema = z.object({
  backend: z.discriminatedUnion('kind', [MockBackend, FhirBackend]),
  auth: z.discriminatedUnion('kind', [
    /** Personas with tokens from the mock backend (GET /personas, POST /token at `url`, default the app's origin). */
    z.object({ kind: z.literal('persona'), url: z.optional(z.url()) }),
    /** A FHIR server that needs no sign-in: pick who you are from its Practitioner/PractitionerRole. */
    z.object({ kind: z.literal('none') }),
    /** OpenID Connect (HelseID) with the settings in `oidc`. */
    z.object({ kind: z.literal('oidc') }),
  ]),
  oidc: z.optional(OidcSettings),
  /** Shared devices (issue #8): minutes without use before the screen locks behind the PIN (default 5). */
  session: z.optional(z.object({ idleLockMinutes: z.optional(z.number().check(z.positive())) })),
  /** Exchange (issue #7): seconds between the inbox's looks for new messages and receipts (default 15). */
  exchange: z.optional(z.object({ pollSeconds: z.optional(z.number().check(z.gte(1))) })),
});

export type AppConfig = z.infer<typeof ConfigSchema>;
export type OidcConfig = z.infer<typeof OidcSettings>;

export class ConfigError extends Error {}

/** Validates a parsed config.json; throws ConfigError with every problem in one message. */
export function parseConfig(raw: unknown): AppConfig {
  const result = z.safeParse(ConfigSchema, raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`config.json is not valid: ${problems.join('; ')}`);
  }
  const config = result.data;
  if (config.auth.kind === 'oidc' && !config.oidc) {
    throw new ConfigError('config.json is not valid: auth.kind "oidc" needs an "oidc" section');
  }
  return config;
}

/** Where the FHIR REST API lives for this configuration. */
export function fhirBaseUrl(config: AppConfig, origin: string): string {
  return config.backend.kind === 'mock' ? `${origin}/fhir` : config.backend.baseUrl.replace(/\/$/, '');
}

/** Where personas and tokens are served (persona sign-in only). */
export function personaAuthUrl(config: AppConfig, origin: string): string {
  return config.auth.kind === 'persona' && config.auth.url ? config.auth.url.replace(/\/$/, '') : origin;
}

declare global {
  interface Window {
    /** The request for config.json that index.html's boot script has made already (on the sign-in page). */
    aksonConfigResponse?: Promise<Response>;
  }
}

export async function loadConfig(): Promise<AppConfig> {
  const early = window.aksonConfigResponse;
  delete window.aksonConfigResponse;
  // Default caching (revalidated by the server's ETag/Last-Modified) so the preload in index.html is used.
  const response = await (early ?? fetch('/config.json', { credentials: 'same-origin', mode: 'cors' }));
  if (!response.ok) throw new ConfigError(`config.json could not be read (HTTP ${response.status})`);
  return parseConfig(await response.json());
}
