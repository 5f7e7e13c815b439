import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../test/render';
import { RuntimeConfigContext } from '../configContext';
import { parseConfig } from '../config';
import { SignInPage } from './SignInPage';

describe('the sign-in page with HelseID', () => {
  it('offers sign-in through HelseID (its code loads only for an OpenID Connect config), not the persona list', async () => {
    const config = parseConfig({
      backend: { kind: 'fhir', baseUrl: 'https://fhir.example/fhir' },
      auth: { kind: 'oidc' },
      oidc: { authority: 'https://helseid-sts.test.nhn.no', clientId: 'akson', scope: 'openid profile', redirectPath: '/auth/callback' },
    });
    const fetchImpl = (() => Promise.reject(new Error('no request expected'))) as typeof fetch;
    renderWithProviders(
      <RuntimeConfigContext.Provider value={{ config, fhirBaseUrl: 'https://fhir.example/fhir', authUrl: 'http://test', embeddedMock: false }}>
        <SignInPage />
      </RuntimeConfigContext.Provider>,
      { fetchImpl, route: '/sign-in' },
    );
    expect(await screen.findByRole('button', { name: 'Logg inn med HelseID' })).toBeEnabled();
    expect(screen.queryByRole('list', { name: 'Brukere du kan logge inn som' })).toBeNull();
  });
});
