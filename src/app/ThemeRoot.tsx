import { useMemo, type ReactNode } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { usePreferences } from '../session/store';
import { makeTheme } from './theme';
import { useDeviceClass } from './deviceClass';

/**
 * MUI's theme (the user's light or dark mode, the device's sizes) for everything drawn with MUI.
 * It is not part of the start-up code: the sign-in page is plain elements styled by index.html,
 * so the first page needs neither MUI nor emotion. The router puts every other page inside one
 * (src/app/router.tsx, with `baseline`: MUI's global styles), and the few MUI pieces the sign-in
 * page may load (an error, HelseID's button) and the usability kit bring their own.
 */
export function ThemeRoot({ children, baseline = false }: { children: ReactNode; baseline?: boolean }) {
  const themeMode = usePreferences((s) => s.themeMode);
  const device = useDeviceClass();
  const theme = useMemo(() => makeTheme(themeMode, device), [themeMode, device]);
  return (
    <ThemeProvider theme={theme}>
      {baseline && <CssBaseline />}
      {children}
    </ThemeProvider>
  );
}
