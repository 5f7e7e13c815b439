import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Persona } from './personnel';

/**
 * Who is signed in. Kept in sessionStorage so a reload keeps the user signed in, while closing
 * the tab (or signing out) forgets it. Patient data never goes here: it lives in the query cache.
 */
export interface SessionState {
  persona: Persona | null;
  token: string | null;
  /** Patients opened in this session, newest first (ids only). */
  recentPatientIds: string[];
  signIn: (persona: Persona, token: string | null) => void;
  signOut: () => void;
  rememberPatient: (id: string) => void;
}

export const SESSION_STORAGE_KEY = 'akson.session';

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      persona: null,
      token: null,
      recentPatientIds: [],
      signIn: (persona, token) => set({ persona, token, recentPatientIds: [] }),
      signOut: () => set({ persona: null, token: null, recentPatientIds: [] }),
      rememberPatient: (id) =>
        set((state) => ({ recentPatientIds: [id, ...state.recentPatientIds.filter((p) => p !== id)].slice(0, 8) })),
    }),
    {
      name: SESSION_STORAGE_KEY,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ persona: state.persona, token: state.token, recentPatientIds: state.recentPatientIds }),
    },
  ),
);

export type Language = 'nb' | 'en';
export type ThemeMode = 'light' | 'dark';
export type DeviceClassChoice = 'auto' | 'tablet' | 'desktop';

/** Preferences of this device: language, light/dark, device class. No patient data. */
export interface PreferencesState {
  language: Language;
  themeMode: ThemeMode;
  deviceClass: DeviceClassChoice;
  setLanguage: (language: Language) => void;
  setThemeMode: (mode: ThemeMode) => void;
  setDeviceClass: (choice: DeviceClassChoice) => void;
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      language: 'nb',
      themeMode: 'light',
      deviceClass: 'auto',
      setLanguage: (language) => set({ language }),
      setThemeMode: (themeMode) => set({ themeMode }),
      setDeviceClass: (deviceClass) => set({ deviceClass }),
    }),
    { name: 'akson.preferences', storage: createJSONStorage(() => localStorage) },
  ),
);
