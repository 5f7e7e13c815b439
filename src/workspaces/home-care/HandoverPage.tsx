import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { handoverReportOf, handoverSearch, orderHandover } from '../../fhir/homeCare';
import { useFhirSearch } from '../../fhir/hooks';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { todayRange } from '../../ui/today';

/** The handover (rapport): the district's reports today, those with deviations first, for the next shift. */
export function HandoverPage() {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const today = useMemo(() => todayRange(), []);
  const search = useFhirSearch('Composition', persona ? handoverSearch(persona.organizationId, today) : undefined, { refetchInterval: 30_000 });
  const reports = useMemo(() => orderHandover((search.data?.resources ?? []).map(handoverReportOf)), [search.data]);
  const withDeviations = reports.filter((r) => r.deviations.length > 0).length;
  return (
    <Box sx={{ maxWidth: 900, mx: 'auto', display: 'grid', gap: 2 }}>
      <Box>
        <Button component={RouterLink} to="/home-care">
          {t('homeCare.visit.back')}
        </Button>
      </Box>
      <Box>
        <Typography variant="h1">{t('homeCare.handover.title')}</Typography>
        <Typography color="text.secondary">
          {t('homeCare.handover.purpose')} {persona?.unitName}
        </Typography>
      </Box>
      {/* A refresh that fails (patchy coverage) says so above what was shown, which stays. */}
      {search.error && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending ? (
        !search.error && <LoadingLines />
      ) : !search.data ? null : reports.length === 0 ? (
        <Typography>{t('homeCare.handover.empty')}</Typography>
      ) : (
        <>
          <Typography role="status" sx={{ fontWeight: 600 }}>
            {t('homeCare.handover.count', { count: reports.length, deviations: withDeviations })}
          </Typography>
          <Box component="ol" aria-label={t('homeCare.handover.listLabel')} sx={{ display: 'grid', gap: 1.5, p: 0, m: 0 }}>
            {reports.map((r) => (
              <Paper component="li" key={r.id} variant="outlined" data-report={r.id} sx={{ listStyle: 'none', p: 1.5, display: 'grid', gap: 0.75, borderColor: r.deviations.length > 0 ? 'warning.main' : 'divider', borderWidth: r.deviations.length > 0 ? 2 : 1 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Link component={RouterLink} to={`/home-care/patient/${r.patientId}`} sx={{ fontWeight: 700, fontSize: '1.1rem', minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>
                    {r.patientName || r.patientId}
                  </Link>
                  {r.deviations.length > 0 ? <Chip color="warning" label={`${t('homeCare.handover.deviations')}: ${r.deviations.length}`} /> : <Chip variant="outlined" label={t('homeCare.handover.noDeviations')} />}
                  <Typography variant="body2" color="text.secondary">
                    {t('homeCare.handover.by', { author: r.author, time: r.at ? format(Date.parse(r.at), 'HH:mm') : '' })}
                  </Typography>
                </Box>
                {r.deviations.length > 0 && (
                  <Box component="ul" aria-label={`${t('homeCare.handover.deviations')}: ${r.patientName}`} sx={{ m: 0, pl: 2.5, color: 'warning.dark', fontWeight: 600 }}>
                    {r.deviations.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </Box>
                )}
                <Typography sx={{ whiteSpace: 'pre-line' }}>{r.report}</Typography>
                {r.measurements && (
                  <Typography variant="body2">
                    <strong>{t('homeCare.handover.measurements')}:</strong> {r.measurements}
                  </Typography>
                )}
              </Paper>
            ))}
          </Box>
        </>
      )}
    </Box>
  );
}
