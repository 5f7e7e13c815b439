import { lazy, Suspense } from 'react';
import type { AppConfig } from './config';
import { appRouter } from './router';

/**
 * Where the usability-testing kit (src/kit, issue #9) comes in: a chunk of its own, imported only
 * when the runtime config is a mock backend's, so a build pointed at a real FHIR server never
 * loads a byte of it (src/kit/bundle.test.ts checks that nothing else imports the kit).
 */
const UsabilityKit = lazy(() => import('../kit/UsabilityKit'));

/** The embedded mock, or persona sign-in (which only the mock servers offer, e.g. `npm run mock-server`). */
export function kitEnabled(config: AppConfig): boolean {
  return config.backend.kind === 'mock' || config.auth.kind === 'persona';
}

export function UsabilityKitSlot({ config }: { config: AppConfig }) {
  if (!kitEnabled(config)) return null;
  return (
    <Suspense fallback={null}>
      <UsabilityKit router={appRouter()} />
    </Suspense>
  );
}
