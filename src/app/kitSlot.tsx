import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import type { AppConfig } from './config';
import type { appRouter } from './router';
import { isKitShortcut, kitWantedAtOnce } from './kitFlags';

/**
 * Where the usability-testing kit (src/kit, issue #9) comes in: a chunk of its own, imported only
 * when the runtime config is a mock's, so a build pointed at a real FHIR server never loads a
 * byte of it (src/kit/bundle.test.ts checks that nothing else imports the kit). Even then it
 * loads at once on a device a tester has set the kit up on (or with `?usability-kit` in the
 * address) or at the shortcut, Ctrl+Alt+T. With the embedded mock it loads only then: it would
 * show nothing, so the first page neither downloads nor runs any of it. On a shared mock server
 * (`npm run mock-server`) it loads a few seconds after start on every device, which then follows
 * the tester's resets.
 *
 * A production build for a real FHIR server (`npm run build:production`, VITE_USABILITY_KIT=off)
 * leaves the import out, so the build holds none of the kit's code (src/kit/bundle.test.ts builds
 * this file both ways and checks).
 */
export const KIT_BUILT = import.meta.env.VITE_USABILITY_KIT !== 'off';

// The kit is drawn with MUI, in the app's theme (./ThemeRoot.tsx), which it brings along: on the
// sign-in page nothing else has loaded MUI.
const UsabilityKit = KIT_BUILT
  ? lazy(() =>
      Promise.all([import('../kit/UsabilityKit'), import('./ThemeRoot')]).then(([kit, { ThemeRoot }]) => ({
        default: function ThemedUsabilityKit(props: ComponentProps<typeof kit.default>) {
          return (
            <ThemeRoot>
              <kit.default {...props} />
            </ThemeRoot>
          );
        },
      })),
    )
  : null;

/** The embedded mock, or persona sign-in (which only the mock servers offer, e.g. `npm run mock-server`). */
export function kitEnabled(config: AppConfig): boolean {
  return KIT_BUILT && (config.backend.kind === 'mock' || config.auth.kind === 'persona');
}

/** On a shared mock server every device follows the tester's resets: the kit loads once the first page has settled. */
const SHARED_SERVER_LOAD_AFTER_MS = 3_000;

export function UsabilityKitSlot({ config, router }: { config: AppConfig; router: ReturnType<typeof appRouter> }) {
  const enabled = kitEnabled(config);
  const [load, setLoad] = useState(() => enabled && kitWantedAtOnce());
  // The shortcut is listened for here, before and after the kit has loaded, so no press is lost
  // while its chunk loads; the kit opens or closes its panel at each new press.
  const [presses, setPresses] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (isKitShortcut(event)) {
        event.preventDefault();
        setPresses((n) => n + 1);
        setLoad(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    const timer = config.backend.kind === 'mock' ? undefined : setTimeout(() => setLoad(true), SHARED_SERVER_LOAD_AFTER_MS);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      clearTimeout(timer);
    };
  }, [enabled, config.backend.kind]);
  if (!UsabilityKit || !enabled || !load) return null;
  return (
    <Suspense fallback={null}>
      <UsabilityKit router={router} shortcutPresses={presses} />
    </Suspense>
  );
}
