import { createTheme, type Theme } from '@mui/material/styles';
import type { ThemeMode } from '../session/store';

export type DeviceClass = 'tablet' | 'desktop';

declare module '@mui/material/styles' {
  interface Theme {
    /** The least height of anything one taps or clicks: 44 px on tablets, 32 px on desktops. */
    minTarget: number;
  }
  interface ThemeOptions {
    minTarget?: number;
  }
}

/**
 * A calm clinical palette with AA contrast in both modes. On tablets every interactive element
 * is at least 44 px high (gloved hands, WCAG 2.5.5); desktops are denser.
 */
const themes = new Map<string, Theme>();

/** The theme for a mode and device, made once (src/app/mount.tsx makes the first before React's first render). */
export function makeTheme(mode: ThemeMode, device: DeviceClass): Theme {
  const key = `${mode}/${device}`;
  let theme = themes.get(key);
  if (!theme) themes.set(key, (theme = createThemeFor(mode, device)));
  return theme;
}

function createThemeFor(mode: ThemeMode, device: DeviceClass): Theme {
  const touch = device === 'tablet';
  const minTarget = touch ? 44 : 32;
  return createTheme({
    minTarget,
    // Dialogs, menus and panels open without their transitions for a user who has asked the
    // system for reduced motion (MUI's default is to animate regardless).
    motion: { reducedMotion: 'system' },
    palette:
      mode === 'light'
        ? {
            mode,
            primary: { main: '#005a7a', contrastText: '#ffffff' },
            secondary: { main: '#5b3f8c' },
            error: { main: '#b3261e' },
            warning: { main: '#8a5300', contrastText: '#ffffff' },
            success: { main: '#1e6b35' },
            info: { main: '#0b5cad' },
            background: { default: '#f3f6f8', paper: '#ffffff' },
            text: { primary: '#14212b', secondary: '#3d4b57' },
          }
        : {
            mode,
            primary: { main: '#7cc7e8', contrastText: '#08222d' },
            secondary: { main: '#c7b3f0' },
            error: { main: '#ffb4ab' },
            warning: { main: '#ffc266' },
            success: { main: '#8fd9a3' },
            info: { main: '#9ecaff' },
            background: { default: '#0f171d', paper: '#182229' },
            text: { primary: '#e6edf2', secondary: '#b6c3cc' },
          },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: touch ? 15 : 14,
      h1: { fontSize: '1.6rem', fontWeight: 600 },
      h2: { fontSize: '1.25rem', fontWeight: 600 },
      h3: { fontSize: '1.05rem', fontWeight: 600 },
    },
    components: {
      MuiButton: { styleOverrides: { root: { minHeight: minTarget, textTransform: 'none' } } },
      MuiIconButton: { styleOverrides: { root: { minWidth: minTarget, minHeight: minTarget } } },
      MuiListItemButton: { styleOverrides: { root: { minHeight: minTarget } } },
      MuiMenuItem: { styleOverrides: { root: { minHeight: minTarget } } },
      MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
      MuiTab: { styleOverrides: { root: { minHeight: minTarget, textTransform: 'none' } } },
      MuiToggleButton: { styleOverrides: { root: { minHeight: minTarget, textTransform: 'none' } } },
      MuiLink: { defaultProps: { underline: 'hover' } },
    },
  });
}
