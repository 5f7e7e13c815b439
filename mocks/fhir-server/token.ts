import type { Persona } from '../../src/session/personnel';

/**
 * Mock access tokens: unsigned JWTs (header {"alg":"none","typ":"JWT"}), so a client can decode
 * the claims like a real HelseID token, and the server reads who is calling from the
 * `Authorization: Bearer` header on every request. Nothing here is secret or secure: this is
 * for the mock backend only.
 */

export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface TokenClaims {
  /** The practitioner's id (Practitioner/{sub}). */
  sub: string;
  persona: string;
  group: Persona['personnelGroup'];
  /** The PractitionerRole the persona acts in. */
  role: string;
  org: string;
  municipality: string;
  name: string;
  iat: number;
  exp: number;
  iss: string;
}

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

export function issueToken(persona: Persona, nowMs: number): { token: string; claims: TokenClaims } {
  const iat = Math.floor(nowMs / 1000);
  const claims: TokenClaims = {
    sub: persona.practitionerId,
    persona: persona.id,
    group: persona.personnelGroup,
    role: persona.practitionerRoleId,
    org: persona.organizationId,
    municipality: persona.municipalityCode,
    name: persona.name,
    iat,
    exp: iat + TOKEN_LIFETIME_SECONDS,
    iss: 'akson-mock-fhir',
  };
  const token = `${base64UrlEncode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64UrlEncode(JSON.stringify(claims))}.mock`;
  return { token, claims };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

/** Decodes and checks a token (shape, issuer, expiry). The persona is looked up by the caller. */
export function verifyToken(token: string, nowMs: number): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return { ok: false, reason: 'The access token is not a JWT (header.claims.signature).' };
  let claims: Partial<TokenClaims>;
  try {
    const header = JSON.parse(base64UrlDecode(parts[0])) as { alg?: string };
    if (header.alg !== 'none') return { ok: false, reason: 'The access token was not issued by the mock server.' };
    claims = JSON.parse(base64UrlDecode(parts[1])) as Partial<TokenClaims>;
  } catch {
    return { ok: false, reason: 'The access token could not be decoded.' };
  }
  if (claims.iss !== 'akson-mock-fhir' || typeof claims.persona !== 'string' || typeof claims.exp !== 'number' || typeof claims.sub !== 'string') {
    return { ok: false, reason: 'The access token was not issued by the mock server.' };
  }
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'The access token has expired. Sign in again.' };
  return { ok: true, claims: claims as TokenClaims };
}

/** Decodes the claims of a token without checking it (for clients and tests). */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    return JSON.parse(base64UrlDecode(part)) as TokenClaims;
  } catch {
    return null;
  }
}
