/**
 * The usability kit's flags, read without React (src/app/kitSlot.tsx and the first page,
 * src/app/signin/firstPage.ts, which hands over to React when the kit is wanted).
 */

/** The kit's own flags (src/kit/UsabilityKit.tsx: ENABLED_KEY, REOPEN_KEY): set up on this device, or reopening after its own reload. */
export function kitWantedAtOnce(): boolean {
  try {
    return (
      localStorage.getItem('akson.usability-kit.enabled') === '1' ||
      sessionStorage.getItem(KIT_REOPEN_KEY) !== null ||
      new URLSearchParams(window.location.search).has('usability-kit')
    );
  } catch {
    return false;
  }
}

/** Set before a reload (src/kit/UsabilityKit.tsx) or a hand-over to React: the kit's panel opens at once. */
export const KIT_REOPEN_KEY = 'akson.usability-kit.reopen';

/** The kit's shortcut, Ctrl+Alt+T, wherever the focus is. */
export function isKitShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && event.code === 'KeyT';
}
