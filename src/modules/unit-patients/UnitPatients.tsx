import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { conceptText, referenceId } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryList } from '../../ui/QueryList';
import { unitPatientsSearch } from './manifest';

/** Patients with an active care relation to the user's unit (home care decision, enrolment, residence). */
export default function UnitPatients({ workspaceId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const episodes = useFhirSearch('EpisodeOfCare', persona ? unitPatientsSearch(persona.organizationId) : undefined);
  const list = [...(episodes.data?.resources ?? [])].sort((a, b) => (a.patient.display ?? '').localeCompare(b.patient.display ?? '', 'nb'));
  return (
    <>
      {episodes.data && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('modules.unit-patients.count', { count: episodes.data.total ?? list.length })}
        </Typography>
      )}
      <QueryList
        items={list}
        isPending={episodes.isPending}
        error={episodes.error}
        onRetry={() => void episodes.refetch()}
        emptyText={t('modules.unit-patients.empty')}
        render={(episode) => {
          const patientId = referenceId(episode.patient, 'Patient');
          return (
            <ListItem key={episode.id} disableGutters sx={{ display: 'block', py: device === 'tablet' ? 0.5 : 0 }}>
              {patientId && (
                <Link component={RouterLink} to={`/${workspaceId}/patient/${patientId}`} sx={{ fontWeight: 600, display: 'inline-block', py: device === 'tablet' ? 1 : 0.25 }}>
                  {episode.patient.display ?? patientId}
                </Link>
              )}
              <Typography variant="body2" color="text.secondary">
                {episode.type?.map(conceptText).filter(Boolean).join(', ')}
              </Typography>
            </ListItem>
          );
        }}
      />
    </>
  );
}
