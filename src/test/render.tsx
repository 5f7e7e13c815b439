import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { ThemeProvider } from '@mui/material/styles';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FhirClient } from '../fhir/client';
import { FhirClientContext } from '../fhir/context';
import { nb } from '../i18n/nb';
import { makeTheme } from '../app/theme';
import { makeQueryClient } from '../app/queryClient';

void i18n.use(initReactI18next).init({ resources: { nb: { translation: nb } }, lng: 'nb', interpolation: { escapeValue: false } });

/** Renders UI with the app's providers around it, and a FhirClient on the given fetch. */
export function renderWithProviders(ui: ReactNode, options: { fetchImpl: typeof fetch; route?: string; token?: string }) {
  // The app's own query client settings, so caching and de-duplication behave as in the app.
  const queryClient = makeQueryClient();
  const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => options.token ?? 'test-token', fetchImpl: options.fetchImpl });
  const result = render(
    <FhirClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <ThemeProvider theme={makeTheme('light', 'desktop')}>
          <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
        </ThemeProvider>
      </QueryClientProvider>
    </FhirClientContext.Provider>,
  );
  return { ...result, queryClient, client };
}

export function bundleResponse(resources: object[]): Response {
  return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: resources.length, entry: resources.map((resource) => ({ resource })) }), {
    status: 200,
    headers: { 'Content-Type': 'application/fhir+json' },
  });
}
