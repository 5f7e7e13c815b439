import type { QueryClient } from '@tanstack/react-query';

/**
 * Signing out leaves no patient data in the browser (issue #8): the query cache is emptied, every
 * in-memory store that holds patient data is reset (stores register with `onSignOut`), and
 * every key of ours in localStorage and sessionStorage is removed except the device's
 * preferences (language, theme, device class) and the chart-visit marks (ids and times only).
 * The mock backend's IndexedDB is the *server's* data and stays.
 */
const handlers = new Set<() => void>();

export function onSignOut(handler: () => void): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/**
 * Kept at sign-out: the device's preferences, the marks of charts seen, and the usability kit's
 * set-up and recorded runs (src/kit/store.ts; a participant signing out in a task must not wipe
 * the tester's session). None holds patient data.
 */
export const KEPT_LOCAL_KEYS: readonly string[] = ['akson.preferences', 'akson.chart-visits', 'akson.usability-kit', 'akson.usability-kit.enabled'];

function clearStorage(storage: Storage, keep: readonly string[]): void {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null && !keep.includes(key)) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
}

export function clearPatientData(queryClient: QueryClient): void {
  for (const handler of handlers) handler();
  queryClient.clear();
  try {
    clearStorage(localStorage, KEPT_LOCAL_KEYS);
    clearStorage(sessionStorage, []);
  } catch {
    // Storage may be unavailable (private mode); nothing is kept there then either.
  }
}
