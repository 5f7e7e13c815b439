import { memo, useMemo } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { boardSearch, sortVisits, visitsOf, type EdVisit } from '../../fhir/emergency';
import { useFhirSearch } from '../../fhir/hooks';
import { useSession } from '../../session/store';
import { useNow } from '../../ui/clock';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { TriageBadge, WaitTime } from '../../ui/triage';

function Clock() {
  const { t } = useTranslation();
  const now = useNow();
  const time = format(now, 'HH:mm');
  return (
    <Typography component="p" sx={{ fontSize: '2.5rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }} aria-label={t('edPages.wall.clock', { time })}>
      {time}
    </Typography>
  );
}

const WallRow = memo(function WallRow({ visit }: { visit: EdVisit }) {
  const { t } = useTranslation();
  return (
    <Box component="li" sx={{ display: 'grid', gridTemplateColumns: '9rem 7rem 1fr 22rem', gap: 3, alignItems: 'center', py: 1.5, borderBottom: '1px solid #3d4b57', fontSize: '2rem' }}>
      <TriageBadge level={visit.level} size="large" />
      <Box component="span" sx={{ fontWeight: 700 }}>
        {visit.initials}
      </Box>
      <span>{t(`emergency.status.${visit.status}`)}</span>
      <WaitTime arrivalMs={visit.arrivalMs} level={visit.level} status={visit.status} />
    </Box>
  );
});

/**
 * The board for a screen in the staff room: readable across a room, initials instead of names,
 * nothing clinical beyond level, time and status. A full-screen dialog over the app: the app's
 * chrome behind it is hidden from the keyboard and screen readers; Escape closes it.
 */
export function WallDisplay() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const persona = useSession((s) => s.persona);
  const query = useFhirSearch('Encounter', persona ? boardSearch(persona.organizationId) : undefined, { refetchInterval: 2_000 });
  const visits = useMemo(() => sortVisits(visitsOf(query.data?.bundle), 'priority'), [query.data]);
  return (
    <Dialog
      open
      fullScreen
      onClose={() => void navigate('/emergency')}
      aria-labelledby="wall-title"
      slotProps={{ paper: { sx: { bgcolor: '#0f171d', color: '#ffffff', backgroundImage: 'none', overflow: 'auto', p: 3 } } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 3, mb: 2 }}>
        <Typography id="wall-title" variant="h1" sx={{ fontSize: '2.5rem', flex: 1 }}>
          {persona?.unitName ?? t('edPages.wall.title')}
        </Typography>
        <Clock />
        <Link component={RouterLink} to="/emergency" sx={{ color: '#9ecaff', fontSize: '1.1rem' }}>
          {t('edPages.wall.exit')}
        </Link>
      </Box>
      {query.error && !query.data ? (
        <ErrorAlert error={query.error} />
      ) : query.isPending ? (
        <LoadingLines />
      ) : visits.length === 0 ? (
        <Typography sx={{ fontSize: '2rem' }}>{t('edPages.wall.empty')}</Typography>
      ) : (
        <Box component="ul" aria-label={t('edPages.wall.label')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {visits.map((v) => (
            <WallRow key={v.id} visit={v} />
          ))}
        </Box>
      )}
    </Dialog>
  );
}
