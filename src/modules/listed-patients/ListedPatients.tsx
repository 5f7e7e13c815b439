import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { formatNameFamilyFirst } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { formatDate } from '../../ui/dates';
import { QueryList } from '../../ui/QueryList';
import { listedPatientsSearch } from './manifest';

/** The GP's list (fastlegeliste): how many, and the first of them alphabetically. */
export default function ListedPatients({ workspaceId }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const patients = useFhirSearch('Patient', persona ? listedPatientsSearch(persona.practitionerRoleId) : undefined);
  return (
    <>
      {patients.data?.total !== undefined && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('modules.listed-patients.count', { count: patients.data.total })}
        </Typography>
      )}
      <QueryList
        items={patients.data?.resources ?? []}
        isPending={patients.isPending}
        error={patients.error}
        onRetry={() => void patients.refetch()}
        emptyText={t('modules.listed-patients.empty')}
        render={(p) => (
          <ListItem key={p.id} disableGutters>
            <Link component={RouterLink} to={`/${workspaceId}/patient/${p.id}`}>
              {formatNameFamilyFirst(p.name)}
            </Link>
            <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {formatDate(p.birthDate)}
            </Typography>
          </ListItem>
        )}
      />
    </>
  );
}
