/**
 * Start-up in stages. Evaluating the first page's libraries (React DOM, the router and TanStack
 * Query, i18next, and on any page but the sign-in page MUI and emotion) in one go is one long
 * task: on a mid-range tablet it holds the main thread for over half a second, and nothing
 * responds meanwhile. Each stage is its own chunk, evaluated in its own task, with the browser
 * free in between. The chunks are downloaded together from the start (index.html preloads them:
 * vite.config.ts), so the stages cost no extra round trips. A module already evaluated is not
 * evaluated again when App needs it.
 */
export const STARTUP_STAGES: readonly (() => Promise<unknown>)[] = [() => import('react-dom/client'), () => import('./data')];

/**
 * MUI and emotion, and the theme made before the first render, for a start on any page but the
 * sign-in page (which is drawn without them: src/app/signin/SignInPage.tsx).
 */
export const STYLE_STAGES: readonly (() => Promise<unknown>)[] = [
  () => import('./styles'),
  () =>
    Promise.all([import('./styles'), import('../../session/store'), import('../deviceClass')]).then(([{ makeTheme }, { usePreferences }, { detectDeviceClass }]) => {
      const { themeMode, deviceClass } = usePreferences.getState();
      makeTheme(themeMode, deviceClass === 'auto' ? detectDeviceClass() : deviceClass);
    }),
];
