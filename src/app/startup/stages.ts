/**
 * Start-up in stages. Evaluating the first page's libraries (React DOM, MUI and emotion, the
 * router and TanStack Query, i18next) in one go is one long task: on a mid-range tablet it
 * holds the main thread for over half a second, and nothing responds meanwhile. Each stage is
 * its own chunk, evaluated in its own task, with the browser free in between. The chunks are
 * downloaded together from the start (index.html preloads them: vite.config.ts), so the stages
 * cost no extra round trips. A module already evaluated is not evaluated again when App needs it.
 */
export const STARTUP_STAGES: readonly (() => Promise<unknown>)[] = [
  () => import('react-dom/client'),
  () => import('./styles'),
  () => import('./data'),
];
