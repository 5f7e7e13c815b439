import { bootstrap, renderFatal } from './bootstrap';
import { STARTUP_STAGES, STYLE_STAGES } from './startup/stages';

const rootElement = document.getElementById('root') as HTMLElement;

/** Ends the current task: the browser may paint and handle input before start-up goes on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

let warming: Promise<void> | undefined;

/** The libraries, each stage in a task of its own (./startup/stages.ts); once. */
function warm(): Promise<void> {
  warming ??= (async () => {
    for (const stage of STARTUP_STAGES) {
      await nextTask();
      await stage();
    }
  })();
  return warming;
}

/**
 * Start-up in short tasks (a long one would hold up everything else on a slow tablet). The sign-in
 * page, as the first page of a visit, is drawn without React (./signin/firstPage.ts), which loads
 * meanwhile, at the first sign of use. Then the libraries in stages (./startup/stages.ts), the
 * translations, MUI and the theme (unless the page is the sign-in page, which is drawn without
 * them), the router, then React's first render.
 */
async function start(): Promise<void> {
  const config = bootstrap();
  config.catch(() => undefined); // reported below, where it is awaited
  const { usePreferences, useSession } = await import('../session/store');
  let signInPage = window.location.pathname === '/sign-in' && !useSession.getState().persona;
  let signedInOnFirstPage = false;
  if (signInPage) {
    const { firstPageWanted, showFirstSignInPage } = await import('./signin/firstPage');
    const ready = firstPageWanted() ? await config.catch(() => undefined) : undefined;
    if (ready) {
      signedInOnFirstPage = (await showFirstSignInPage(rootElement, ready, () => void warm())) === 'signed-in';
      signInPage = !signedInOnFirstPage;
    }
  }
  await warm();
  const ready = await config;
  await nextTask();
  const { makeAppClients, prefetchHomeAfterSignIn } = await import('./clients');
  const clients = makeAppClients(ready);
  // Signed in on the first page: the home page's first searches start now, as React's sign-in
  // page starts them (src/app/signin/useSignIn.ts), beside the rest of the app's code.
  if (signedInOnFirstPage) void prefetchHomeAfterSignIn(clients).catch(() => undefined);
  await nextTask();
  const { initI18n } = await import('../i18n');
  await initI18n(usePreferences.getState().language);
  if (!signInPage) {
    for (const stage of STYLE_STAGES) {
      await nextTask();
      await stage();
    }
  }
  await nextTask();
  const { mountApp, BEFORE_MOUNT } = await import('./mount');
  for (const step of BEFORE_MOUNT) {
    await nextTask();
    step();
  }
  await nextTask();
  mountApp(rootElement, clients);
}

start().catch((error: unknown) => renderFatal(rootElement, error));
