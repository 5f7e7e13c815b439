import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, PractitionerRole } from 'fhir/r4';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { formatDateTime } from '../../ui/dates';
import { news2OfSet, recorderOf, type VitalSet } from '../../fhir/vitalSignShapes';
import { DISPLAY_OF_NEWS2, DISPLAY_PARAMS, UNIT, VISUALLY_HIDDEN, recorderTexts, useFormatNumber, valueOnly, valueWithUnit, type DisplayParam } from './format';
import { News2Badge } from './News2Badge';

const FIRST_PAGE = 10;
const MORE = 20;

interface Props {
  sets: VitalSet[];
  roles: ReadonlyMap<string, PractitionerRole>;
  units: ReadonlyMap<string, Organization>;
  device: DeviceClass;
  truncated: boolean;
}

/**
 * Every set, newest first, each with when, who (name, personnel group) and where (unit, service,
 * municipality). Desktop: a dense table with only the columns this patient has. Tablet: one card
 * per set, readable at arm's length without sideways scrolling. A parameter scoring 3 is marked in
 * words too.
 */
export const HistoryTable = memo(function HistoryTable({ sets, roles, units, device, truncated }: Props) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const headingId = useId();
  const [shown, setShown] = useState(FIRST_PAGE);
  const visible = sets.slice(0, shown);
  const columns = DISPLAY_PARAMS.filter((p) => sets.some((set) => valueOnly(p, set.values, t, fmt) !== undefined));
  const hasNews2 = sets.some((set) => set.news2 !== undefined);

  const rowOf = (set: VitalSet) => {
    const score = news2OfSet(set);
    const threes = new Set<DisplayParam>(score?.threes.map((p) => DISPLAY_OF_NEWS2[p]));
    const { who, where } = recorderTexts(recorderOf(set.performer, roles, units), t);
    return { score, threes, who, where };
  };
  const threeNote = (three: boolean) => (three ? <Box component="span" sx={VISUALLY_HIDDEN}>{` (${t('vitals.news2.singleThree')})`}</Box> : null);

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h3" id={headingId} sx={{ mb: 1 }}>
        {t('vitals.history.title')}
      </Typography>
      {device === 'tablet' ? (
        <List disablePadding aria-labelledby={headingId}>
          {visible.map((set) => {
            const { score, threes, who, where } = rowOf(set);
            return (
              <ListItem key={set.key} disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1.25 }}>
                <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                  <Typography sx={{ fontWeight: 700 }}>{formatDateTime(set.time)}</Typography>
                  {score && <News2Badge total={score.total} band={score.band} size="small" />}
                </Box>
                <Typography component="div" sx={{ mt: 0.5 }}>
                  {DISPLAY_PARAMS.flatMap((p) => {
                    const text = valueWithUnit(p, set.values, t, fmt);
                    if (text === undefined) return [];
                    const three = threes.has(p);
                    return [
                      <Box component="span" key={p} sx={{ display: 'inline-block', mr: 2, color: three ? 'error.main' : undefined, fontWeight: three ? 700 : undefined }}>
                        <Box component="span" sx={{ color: three ? undefined : 'text.secondary' }}>
                          {t(`vitals.short.${p}`)}
                        </Box>{' '}
                        {text}
                        {threeNote(three)}
                      </Box>,
                    ];
                  })}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
                  {who}
                  {where ? ` · ${where}` : ''}
                </Typography>
              </ListItem>
            );
          })}
        </List>
      ) : (
        <TableContainer role="region" aria-labelledby={headingId} tabIndex={0} sx={{ overflowX: 'auto', '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}>
          <Table size="small" aria-labelledby={headingId}>
            <TableHead>
              <TableRow>
                <TableCell>
                  {t('vitals.history.timeAndRecorder')}
                </TableCell>
                {columns.map((p) => (
                  <TableCell key={p} align={p === 'consciousness' ? 'left' : 'right'}>
                    {t(`vitals.short.${p}`)}
                    {UNIT[p] ? ` (${UNIT[p]})` : ''}
                  </TableCell>
                ))}
                {hasNews2 && <TableCell>{t('vitals.short.news2')}</TableCell>}
              </TableRow>
            </TableHead>
            <TableBody>
              {visible.map((set) => {
                const { score, threes, who, where } = rowOf(set);
                return (
                  <TableRow key={set.key} sx={{ verticalAlign: 'top' }}>
                    <TableCell component="th" scope="row" sx={{ minWidth: '13rem' }}>
                      <Box component="span" sx={{ display: 'block', fontWeight: 600, whiteSpace: 'nowrap' }}>
                        {formatDateTime(set.time)}
                      </Box>
                      <Box component="span" sx={{ display: 'block', fontWeight: 400 }}>
                        {who}
                      </Box>
                      {where && (
                        <Box component="span" sx={{ display: 'block', fontWeight: 400, color: 'text.secondary' }}>
                          {where}
                        </Box>
                      )}
                    </TableCell>
                    {columns.map((p) => {
                      const three = threes.has(p);
                      return (
                        <TableCell key={p} align={p === 'consciousness' ? 'left' : 'right'} sx={three ? { color: 'error.main', fontWeight: 700 } : undefined}>
                          {valueOnly(p, set.values, t, fmt) ?? ''}
                          {threeNote(three)}
                        </TableCell>
                      );
                    })}
                    {hasNews2 && <TableCell>{score ? <News2Badge total={score.total} band={score.band} size="small" /> : ''}</TableCell>}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          {t('vitals.history.shown', { shown: visible.length, total: sets.length })}
          {truncated ? ` ${t('vitals.history.truncated', { count: sets.length })}` : ''}
        </Typography>
        {shown < sets.length && (
          <Button variant="text" onClick={() => setShown((n) => n + MORE)}>
            {t('vitals.history.showMore')}
          </Button>
        )}
      </Box>
    </Box>
  );
});
