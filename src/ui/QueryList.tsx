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

/**
 * What stands for an answer from the server, by one rule everywhere: a failure says so (with
 * retry) above what was already shown, which stays; before the first answer, the loading lines,
 * or the error alone; the empty text (`empty`, when `isEmpty`) only for an answer, never for want
 * of one, nor beside a failure.
 */
export function QueryState({
  error,
  onRetry,
  titleKey,
  loaded,
  loading,
  isEmpty = false,
  empty,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  /** The error's title, when not the error kind's own (src/ui/ErrorAlert.tsx). */
  titleKey?: string;
  /** The server has answered (a failed refresh keeps the answer: `error` is then set too). */
  loaded: boolean;
  /** What shows while loading; three placeholder lines unless given. */
  loading?: ReactNode;
  isEmpty?: boolean;
  empty?: ReactNode;
  children?: ReactNode;
}) {
  const alert = error ? <ErrorAlert error={error} onRetry={onRetry} titleKey={titleKey} /> : null;
  return (
    <>
      {alert}
      {!loaded ? !alert && (loading ?? <LoadingLines />) : isEmpty ? !alert && empty : children}
    </>
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
  return (
    <QueryState error={error} onRetry={onRetry} loaded={!isPending} isEmpty={items.length === 0} empty={<Typography color="text.secondary">{emptyText}</Typography>}>
      <List dense disablePadding aria-label={label}>
        {items.map(render)}
      </List>
    </QueryState>
  );
}
