import { memo, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { TRIAGE_LEVELS } from '../../domain/triage';
import { boardCounts, boardSearch, filterVisits, sortVisits, visitsOf, type BoardSort, type EdVisit } from '../../fhir/emergency';
import { useFhirSearch } from '../../fhir/hooks';
import { emergencyEn, emergencyNb } from '../../i18n/emergency';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { useClockValue } from '../../ui/clock';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { TriageBadge, WaitTime } from '../../ui/triage';
import { VISUALLY_HIDDEN } from '../../ui/visuallyHidden';
import { triageBoardEn, triageBoardNb } from './i18n';
import { DEFAULT_CHOICES, filterOf, responsiblePeople, STATUS_CHOICES, type BoardChoices } from './model';

registerModuleStrings('emergency', { nb: emergencyNb, en: emergencyEn });
registerModuleStrings('triageBoard', { nb: triageBoardNb, en: triageBoardEn });

/** How often the board asks the journal for changes made by others. */
export const BOARD_REFRESH_MS = 2_000;

/** The header's counts: the only part besides the time cells that follows the clock. */
function Counts({ visits }: { visits: readonly EdVisit[] }) {
  const { t } = useTranslation();
  const overTarget = useClockValue((now) => boardCounts(visits, now).overTarget);
  const counts = { total: visits.length, overTarget };
  return (
    <Typography role="status" sx={{ fontWeight: 600 }}>
      {t('emergency.summary', { count: counts.total })}
      {counts.overTarget > 0 && (
        <Box component="span" sx={{ color: 'error.main', ml: 1 }}>
          · {t('emergency.overTarget', { count: counts.overTarget })}
        </Box>
      )}
    </Typography>
  );
}

const Row = memo(function Row({ visit, workspaceId, tablet }: { visit: EdVisit; workspaceId: string; tablet: boolean }) {
  const { t } = useTranslation();
  return (
    <TableRow hover data-visit={visit.id}>
      <TableCell>
        <TriageBadge level={visit.level} />
      </TableCell>
      <TableCell>
        <Link component={RouterLink} to={`/${workspaceId}/visit/${visit.id}`} sx={{ fontWeight: 600, display: 'inline-flex', alignItems: 'center', minHeight: tablet ? 44 : 24 }}>
          {visit.patientName}
        </Link>
        {visit.temporaryIdentity && (
          <Typography component="span" variant="body2" sx={{ display: 'block', color: 'warning.main' }}>
            {t('emergency.temporary')}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{format(visit.arrivalMs, 'HH:mm')}</TableCell>
      <TableCell>
        <WaitTime arrivalMs={visit.arrivalMs} level={visit.level} status={visit.status} />
      </TableCell>
      <TableCell sx={{ maxWidth: '16rem' }}>{visit.reason}</TableCell>
      <TableCell>{visit.nurse?.name ?? t('emergency.nobody')}</TableCell>
      <TableCell>{visit.doctor?.name ?? t('emergency.nobody')}</TableCell>
      <TableCell>{visit.room?.name ?? t('emergency.nobody')}</TableCell>
      <TableCell>{t(`emergency.status.${visit.status}`)}</TableCell>
    </TableRow>
  );
});

/**
 * The arrivals and triage board: everyone present at the user's clinic, the level as colour and
 * word, time waited against the level's target (warning, then alarm), who is responsible, room
 * and status; sort and filter; changes by others appear within seconds (polling), and only the
 * time cells follow the clock.
 */
export default function TriageBoard({ workspaceId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const query = useFhirSearch('Encounter', persona ? boardSearch(persona.organizationId) : undefined, { refetchInterval: BOARD_REFRESH_MS });
  const [choices, setChoices] = useState<BoardChoices>(DEFAULT_CHOICES);
  const visits = useMemo(() => visitsOf(query.data?.bundle), [query.data]);
  const people = useMemo(() => responsiblePeople(visits), [visits]);
  const myRole = persona ? `PractitionerRole/${persona.practitionerRoleId}` : undefined;
  // The order by time left does not change as time passes (every row's time moves alike): no clock here.
  const shown = useMemo(() => sortVisits(filterVisits(visits, filterOf(choices, myRole)), choices.sort), [visits, choices, myRole]);
  const tablet = device === 'tablet';
  const size = tablet ? 'medium' : 'small';

  if (query.error && !query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || !persona) return <LoadingLines />;

  const set = (patch: Partial<BoardChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const select = (id: string, label: string, value: string, onChange: (v: string) => void, options: [string, string][]) => (
    <TextField select id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)} size={size} sx={{ minWidth: '11rem' }}>
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Counts visits={visits} />
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" component={RouterLink} to={`/${workspaceId}/arrival`}>
          {t('triageBoard.register')}
        </Button>
        <Button variant="outlined" component={RouterLink} to={`/${workspaceId}/wall`}>
          {t('triageBoard.wall')}
        </Button>
      </Box>
      {query.error && <Alert severity="warning">{t('triageBoard.stale')}</Alert>}
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Box component="legend" sx={VISUALLY_HIDDEN}>
          {t('triageBoard.filters')}
        </Box>
        {select('board-level', t('triageBoard.levelFilter'), choices.level, (v) => set({ level: v as BoardChoices['level'] }), [
          ['', t('triageBoard.allLevels')],
          ...TRIAGE_LEVELS.map((l): [string, string] => [String(l.level), t(`emergency.level.${l.colour}`)]),
          ['none', t('emergency.level.none')],
        ])}
        {select(
          'board-status',
          t('triageBoard.statusFilter'),
          choices.status,
          (v) => set({ status: v as BoardChoices['status'] }),
          STATUS_CHOICES.map((s): [string, string] => [s, s === '' ? t('triageBoard.allStatuses') : s === 'waiting' ? t('triageBoard.waiting') : t(`emergency.status.${s}`)]),
        )}
        {select('board-responsible', t('triageBoard.responsibleFilter'), choices.responsible, (v) => set({ responsible: v }), [
          ['', t('triageBoard.everyone')],
          ['mine', t('triageBoard.mine')],
          ...people.map((p): [string, string] => [p.reference, p.name]),
        ])}
        {select('board-sort', t('triageBoard.sort'), choices.sort, (v) => set({ sort: v as BoardSort }), (['priority', 'level', 'arrival'] as const).map((s): [string, string] => [s, t(`triageBoard.sortBy.${s}`)]))}
      </Box>
      {shown.length !== visits.length && <Typography variant="body2">{t('triageBoard.shown', { shown: shown.length, total: visits.length })}</Typography>}
      {shown.length === 0 ? (
        <Typography color="text.secondary">{visits.length === 0 ? t('triageBoard.empty') : t('triageBoard.emptyFiltered')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size={size} aria-label={t('triageBoard.tableLabel')}>
            <caption style={VISUALLY_HIDDEN}>{t('triageBoard.caption', { sort: t(`triageBoard.sortBy.${choices.sort}`) })}</caption>
            <TableHead>
              <TableRow>
                {(['level', 'patient', 'arrived', 'waited', 'reason', 'nurse', 'doctor', 'room', 'status'] as const).map((c) => (
                  <TableCell key={c} sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
                    {t(`emergency.columns.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((v) => (
                <Row key={v.id} visit={v} workspaceId={workspaceId} tablet={tablet} />
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
