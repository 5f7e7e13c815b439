import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { LoadingLines } from '../ui/QueryList';
import { formatDateTime } from '../ui/dates';
import type { AccessEntry } from './describe';

/** The basis of one access in words: the care relation, or the reason's category (never the free text). */
export function basisText(t: (key: string) => string, row: AccessEntry): string {
  const basis = row.basis ? t(`access.basis.${row.basis}`) : '';
  const detail = row.reason && row.reason !== 'emergency' ? t(`access.reasons.${row.reason}`) : row.relation ? t(`access.relations.${row.relation}`) : '';
  return [basis, detail].filter(Boolean).join(': ');
}

/**
 * A table of accesses, as the patient's access log and the leader's review show them: when and
 * who (with the personnel group) first, then the page's own columns; a placeholder while it
 * loads, and `empty` when there is nothing.
 */
export function AccessTable<Row extends AccessEntry>({
  label,
  pending,
  empty,
  rows,
  columns,
  cells,
}: {
  label: string;
  pending: boolean;
  empty: string;
  rows: Row[];
  /** The headings after "when" and "who". */
  columns: string[];
  /** The cells after "when" and "who", one a heading. */
  cells: (row: Row) => ReactNode[];
}) {
  const { t } = useTranslation();
  if (pending) return <LoadingLines />;
  if (rows.length === 0) return <Typography>{empty}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {[t('access.log.when'), t('access.log.who'), ...columns].map((heading) => (
              <TableCell key={heading}>{heading}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>{formatDateTime(row.when)}</TableCell>
              <TableCell>
                {row.who}
                {row.role ? ` (${t(`group.${row.role}`)})` : ''}
              </TableCell>
              {cells(row).map((cell, i) => (
                <TableCell key={i}>{cell}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
