import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { formatNameFamilyFirst } from '../../fhir/format';
import { usePatient } from '../../fhir/patients';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { formatDate } from '../../ui/dates';

function RecentPatient({ id, workspaceId }: { id: string; workspaceId: string }) {
  const patient = usePatient(id);
  if (patient.isPending) return <Skeleton width={240} />;
  if (!patient.data) return null;
  return (
    <Link component={RouterLink} to={`/${workspaceId}/patient/${id}`} sx={{ display: 'inline-block', py: 1 }}>
      {formatNameFamilyFirst(patient.data.name)} ({formatDate(patient.data.birthDate)})
    </Link>
  );
}

/** The patients opened in this session, newest first: back to one in one tap. */
export default function RecentPatients({ workspaceId }: ModuleProps) {
  const { t } = useTranslation();
  const recent = useSession((s) => s.recentPatientIds);
  if (recent.length === 0) return <Typography color="text.secondary">{t('workspace.noRecent')}</Typography>;
  return (
    <List dense disablePadding>
      {recent.map((id) => (
        <ListItem key={id} disableGutters>
          <RecentPatient id={id} workspaceId={workspaceId} />
        </ListItem>
      ))}
    </List>
  );
}
