import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import { LoadingLines } from '../ui/QueryList';
import Typography from '@mui/material/Typography';

class ModuleErrorBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Layout module failed', error, info.componentStack);
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

function ModuleCrashed() {
  const { t } = useTranslation();
  return <Alert severity="error">{t('layout.moduleCrashed')}</Alert>;
}


/**
 * The frame every layout module stands in: a titled region, its own loading state, and an
 * error boundary, so one failing module never takes the page down.
 */
export function ModuleFrame({
  moduleId,
  title,
  actions,
  children,
}: {
  moduleId: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `module-${moduleId}-heading`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      id={`module-${moduleId}`}
      data-module={moduleId}
      tabIndex={-1}
      sx={{ display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, height: { xs: 'auto', sm: '100%' }, maxHeight: { xs: '70vh', sm: 'none' } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, pt: 1.5, pb: 1 }}>
        <Typography variant="h2" id={headingId} sx={{ flex: 1 }}>
          {title}
        </Typography>
        {actions}
      </Box>
      {/* The content scrolls inside the module; it takes focus so keyboard users can scroll it too. */}
      <Box tabIndex={0} aria-labelledby={headingId} role="group" sx={{ flex: 1, overflow: 'auto', px: 2, pb: 2, minHeight: 0, '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}>
        <ModuleErrorBoundary fallback={() => <ModuleCrashed />}>
          <Suspense fallback={<LoadingLines />}>{children}</Suspense>
        </ModuleErrorBoundary>
      </Box>
    </Paper>
  );
}
