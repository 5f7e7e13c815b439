// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../app/config';
import { oidcSettings } from './oidc';

describe('HelseID (OpenID Connect) settings', () => {
  const shipped = parseConfig(JSON.parse(readFileSync('public/config.json', 'utf8')));

  it('builds a PKCE code-flow client from config.json', () => {
    expect(shipped.oidc).toBeDefined();
    const settings = oidcSettings(shipped.oidc!, 'https://journal.kommune.no');
    expect(settings.authority).toBe('https://helseid-sts.test.nhn.no');
    expect(settings.client_id).toBe('akson-journal-demo');
    expect(settings.response_type).toBe('code');
    expect(settings.redirect_uri).toBe('https://journal.kommune.no/auth/callback');
    expect(settings.post_logout_redirect_uri).toBe('https://journal.kommune.no/sign-in');
    expect(settings.scope).toContain('openid');
    expect(settings.scope).toContain('helseid://scopes/identity/pid');
  });

  it('uses the configured post-logout path and scope', () => {
    const settings = oidcSettings(
      { authority: 'https://helseid-sts.nhn.no', clientId: 'x', scope: 'openid profile', redirectPath: '/cb', postLogoutRedirectPath: '/bye' },
      'http://localhost:5173',
    );
    expect(settings.redirect_uri).toBe('http://localhost:5173/cb');
    expect(settings.post_logout_redirect_uri).toBe('http://localhost:5173/bye');
    expect(settings.scope).toBe('openid profile');
  });

  it('can be turned into a working oidc-client-ts UserManager', async () => {
    const { UserManager } = await import('oidc-client-ts');
    const manager = new UserManager(oidcSettings(shipped.oidc!, 'http://localhost:5173'));
    expect(manager.settings.authority).toBe('https://helseid-sts.test.nhn.no');
    expect(manager.settings.client_id).toBe('akson-journal-demo');
  });
});
