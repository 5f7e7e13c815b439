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

/**
 * Start-up in short tasks (a long one would hold up everything else on a slow tablet): the
 * libraries in stages (./startup/stages.ts), then the translations, MUI and the theme (unless the
 * first page is the sign-in page, which is drawn without them), the router, then React's first
 * render.
 */
async function start(): Promise<void> {
  const config = bootstrap();
  config.catch(() => undefined); // reported below, where it is awaited
  for (const stage of STARTUP_STAGES) {
    await nextTask();
    await stage();
  }
  await nextTask();
  const [{ initI18n }, { usePreferences, useSession }] = await Promise.all([import('../i18n'), import('../session/store')]);
  await initI18n(usePreferences.getState().language);
  const signInFirst = window.location.pathname === '/sign-in' && !useSession.getState().persona;
  if (!signInFirst) {
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
  const ready = await config;
  await nextTask();
  mountApp(rootElement, ready);
}

start().catch((error: unknown) => renderFatal(rootElement, error));
