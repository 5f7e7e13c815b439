import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppConfig } from './config';
import { App } from './App';

/** React's first render of the app into `rootElement` (the last start-up stage: src/app/main.tsx). */
export function mountApp(rootElement: HTMLElement, config: AppConfig): void {
  const root = createRoot(rootElement);
  // A transition: React renders the first page in slices, with the browser free in between
  // (what index.html shows stays until it commits).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
  });
}
