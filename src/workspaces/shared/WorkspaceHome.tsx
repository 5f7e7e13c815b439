import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Skeleton from '@mui/material/Skeleton';
import type { WorkspaceId } from '../../session/personnel';
import { useSession } from '../../session/store';
import { usePatient } from '../../fhir/patients';
import { formatNameFamilyFirst } from '../../fhir/format';
import { formatDate } from '../../ui/dates';

function RecentPatient({ id, workspaceId }: { id: string; workspaceId: WorkspaceId }) {
  const patient = usePatient(id);
  if (patient.isPending) return <Skeleton width={240} />;
  if (!patient.data) return null;
  return (
    <Link component={RouterLink} to={`/${workspaceId}/patient/${id}`}>
      {formatNameFamilyFirst(patient.data.name)} ({formatDate(patient.data.birthDate)})
    </Link>
  );
}

/**
 * The first page of a workspace until its layout modules arrive: what this workspace is for,
 * and the patients opened in this session.
 */
export function WorkspaceHome({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const recent = useSession((s) => s.recentPatientIds);
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 1100 }}>
      <Typography variant="h1">{t(`workspace.${workspaceId}.title`)}</Typography>
      <Typography>{t(`workspace.${workspaceId}.purpose`)}</Typography>
      {persona && (
        <Typography color="text.secondary">
          {t('workspace.unitLine', { unit: persona.unitName, municipality: persona.municipalityName })}
        </Typography>
      )}
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="recent-heading">
        <Typography variant="h2" id="recent-heading" sx={{ mb: 1 }}>
          {t('workspace.recentPatients')}
        </Typography>
        {recent.length === 0 ? (
          <Typography color="text.secondary">{t('workspace.noRecent')}</Typography>
        ) : (
          <List dense>
            {recent.map((id) => (
              <ListItem key={id} disableGutters>
                <RecentPatient id={id} workspaceId={workspaceId} />
              </ListItem>
            ))}
          </List>
        )}
      </Paper>
    </Box>
  );
}
