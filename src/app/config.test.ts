// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, fhirBaseUrl, parseConfig, personaAuthUrl } from './config';

describe('runtime configuration', () => {
  it('accepts the shipped public/config.json: embedded mock with persona sign-in', () => {
    const config = parseConfig(JSON.parse(readFileSync('public/config.json', 'utf8')));
    expect(config.backend.kind).toBe('mock');
    expect(config.auth.kind).toBe('persona');
    expect(fhirBaseUrl(config, 'http://localhost:5173')).toBe('http://localhost:5173/fhir');
    expect(personaAuthUrl(config, 'http://localhost:5173')).toBe('http://localhost:5173');
  });

  it('points at a FHIR server and the mock server for tokens', () => {
    const config = parseConfig({
      backend: { kind: 'fhir', baseUrl: 'http://localhost:8787/fhir/' },
      auth: { kind: 'persona', url: 'http://localhost:8787' },
    });
    expect(fhirBaseUrl(config, 'http://app')).toBe('http://localhost:8787/fhir');
    expect(personaAuthUrl(config, 'http://app')).toBe('http://localhost:8787');
  });

  it('refuses a config without a backend, naming the field', () => {
    expect(() => parseConfig({ auth: { kind: 'none' } })).toThrow(ConfigError);
    expect(() => parseConfig({ auth: { kind: 'none' } })).toThrow(/backend/);
  });

  it('refuses a FHIR backend whose base URL is not a URL', () => {
    expect(() => parseConfig({ backend: { kind: 'fhir', baseUrl: 'not a url' }, auth: { kind: 'none' } })).toThrow(/backend.baseUrl/);
  });

  it('reads how often the inbox looks for news, and refuses less than a second', () => {
    const base = { backend: { kind: 'mock' }, auth: { kind: 'persona' } };
    expect(parseConfig({ ...base, exchange: { pollSeconds: 2 } }).exchange?.pollSeconds).toBe(2);
    expect(parseConfig(base).exchange).toBeUndefined();
    expect(() => parseConfig({ ...base, exchange: { pollSeconds: 0 } })).toThrow(/exchange.pollSeconds/);
  });

  it('refuses OIDC sign-in without OIDC settings', () => {
    expect(() => parseConfig({ backend: { kind: 'fhir', baseUrl: 'https://fhir.example/fhir' }, auth: { kind: 'oidc' } })).toThrow(/oidc/);
  });
});
