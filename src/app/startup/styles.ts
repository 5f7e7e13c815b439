// Start-up stage: emotion and MUI's styling engine, and the theme (see ./stages.ts).
export { ThemeProvider } from '@mui/material/styles';
export { default as CssBaseline } from '@mui/material/CssBaseline';
export { default as Typography } from '@mui/material/Typography';
export { makeTheme } from '../theme';
export { ThemeRoot } from '../ThemeRoot';
