import type { UserManager, UserManagerSettings } from 'oidc-client-ts';
import type { OidcConfig } from '../app/config';

/**
 * OpenID Connect (HelseID) sign-in, with oidc-client-ts. Authorization code flow with PKCE;
 * tokens are kept in sessionStorage by the library, so they are gone when the tab closes.
 * The library is imported lazily: the mock build never loads it.
 */
export function oidcSettings(config: OidcConfig, origin: string): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${config.redirectPath}`,
    post_logout_redirect_uri: `${origin}${config.postLogoutRedirectPath ?? '/sign-in'}`,
    response_type: 'code',
    scope: config.scope,
    loadUserInfo: false,
    automaticSilentRenew: true,
    monitorSession: false,
  };
}

/** The HPR number HelseID puts in the id token for health personnel. */
export const HELSEID_HPR_CLAIM = 'helseid://claims/hpr/hpr_number';

let manager: Promise<UserManager> | null = null;

export function userManager(config: OidcConfig, origin: string): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(({ UserManager }) => new UserManager(oidcSettings(config, origin)));
  return manager;
}
