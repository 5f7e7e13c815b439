import { lazy, Suspense, useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import type { AppClients } from './clients';
import { RuntimeConfigContext } from './configContext';
import { FhirClientContext } from '../fhir/context';
import { usePreferences } from '../session/store';
import { useDeviceClass } from './deviceClass';
import { appRouter } from './router';
import { changeLanguage } from '../i18n';

/** The usability kit's slot (src/app/kitSlot.tsx) is a small chunk of its own, out of the start-up code. */
const UsabilityKitSlot = lazy(() => import('./kitSlot').then((m) => ({ default: m.UsabilityKitSlot })));

export function App({ clients }: { clients: AppClients }) {
  const { runtime, queryClient, client } = clients;
  const { config } = runtime;
  const themeMode = usePreferences((s) => s.themeMode);
  const language = usePreferences((s) => s.language);
  const device = useDeviceClass();

  useEffect(() => {
    void changeLanguage(language);
  }, [language]);

  // index.html's styles (the sign-in page, toggle buttons) follow these; MUI's theme is made in
  // ./ThemeRoot.tsx, which the router puts around every other page.
  useEffect(() => {
    document.documentElement.dataset.device = device;
  }, [device]);

  useEffect(() => {
    document.documentElement.dataset.theme = themeMode;
  }, [themeMode]);

  return (
    <RuntimeConfigContext.Provider value={runtime}>
      <FhirClientContext.Provider value={client}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={appRouter()} />
          <Suspense fallback={null}>
            <UsabilityKitSlot config={config} router={appRouter()} />
          </Suspense>
        </QueryClientProvider>
      </FhirClientContext.Provider>
    </RuntimeConfigContext.Provider>
  );
}
