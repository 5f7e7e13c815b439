import { FhirError } from './errors';

/**
 * The app renders before the embedded mock backend has started (so the first page paints at
 * once); every request waits here until the backend answers. With a real server this is
 * already resolved.
 */
let ready: Promise<void> = Promise.resolve();

export function setBackendReady(promise: Promise<unknown>): void {
  ready = promise.then(() => undefined);
  ready.catch(() => undefined);
}

export async function whenBackendReady(): Promise<void> {
  try {
    await ready;
  } catch (cause) {
    throw new FhirError('network', 0, `The embedded mock backend did not start: ${String(cause)}`);
  }
}
