import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from './ErrorAlert';

/** Three placeholder lines while something loads, announced as loading. */
export function LoadingLines() {
  const { t } = useTranslation();
  return (
    <Box role="status" aria-label={t('common.loading')}>
      <Skeleton />
      <Skeleton width="80%" />
      <Skeleton width="60%" />
    </Box>
  );
}

/** The states of a list from the server: loading, failed (with retry; above the list when it has one), empty, and the list. */
export function QueryList<T>({
  items,
  isPending,
  error,
  onRetry,
  emptyText,
  render,
  label,
}: {
  items: T[];
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
  emptyText: string;
  render: (item: T, index: number) => ReactNode;
  label?: string;
}) {
  // A refresh that fails says so above the items already shown, which stay; with nothing to
  // show, the error alone (never the empty text for want of an answer).
  const alert = error ? <ErrorAlert error={error} onRetry={onRetry} /> : null;
  if (isPending) return alert ?? <LoadingLines />;
  if (items.length === 0) return alert ?? <Typography color="text.secondary">{emptyText}</Typography>;
  return (
    <>
      {alert}
      <List dense disablePadding aria-label={label}>
        {items.map(render)}
      </List>
    </>
  );
}
