import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppClients } from './clients';
import { App } from './App';
import { appRouter } from './router';

/**
 * What the first render would otherwise do inside one component (React can pause between
 * components, not inside one): the router, which matches the address against every route (the
 * theme is made in a start-up stage of its own: ./startup/stages.ts). src/app/main.tsx runs each
 * in a task of its own before mountApp.
 */
export const BEFORE_MOUNT: readonly (() => void)[] = [() => void appRouter()];

/** React's first render of the app into `rootElement` (the last start-up stage: src/app/main.tsx). */
export function mountApp(rootElement: HTMLElement, clients: AppClients): void {
  const root = createRoot(rootElement);
  // A transition: React renders the first page in slices, with the browser free in between
  // (what index.html shows stays until it commits).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App clients={clients} />
      </StrictMode>,
    );
  });
}
