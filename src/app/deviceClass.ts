import { useSyncExternalStore } from 'react';
import { usePreferences } from '../session/store';
import type { DeviceClass } from './theme';

/** Tablet when the screen is narrower than a desktop or the main pointer is a finger. */
const TABLET_QUERY = '(max-width: 1199px), (pointer: coarse)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const list = window.matchMedia(TABLET_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function detectDeviceClass(): DeviceClass {
  return typeof window !== 'undefined' && window.matchMedia?.(TABLET_QUERY).matches ? 'tablet' : 'desktop';
}

/** The device class in force: the user's manual choice, else what the screen says. */
export function useDeviceClass(): DeviceClass {
  const choice = usePreferences((s) => s.deviceClass);
  const detected = useSyncExternalStore(subscribe, detectDeviceClass, () => 'desktop' as DeviceClass);
  return choice === 'auto' ? detected : choice;
}
