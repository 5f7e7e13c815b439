import { useTranslation } from 'react-i18next';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { useFhirSearch } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryList } from '../../ui/QueryList';
import { unitRolesSearch } from './manifest';

/** Who works in the signed-in user's unit: the people to hand over to or ask. */
export default function MyUnit(_: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const roles = useFhirSearch('PractitionerRole', persona ? unitRolesSearch(persona.organizationId) : undefined);
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {persona ? `${persona.unitName}, ${persona.municipalityName}` : ''}
      </Typography>
      <QueryList
        items={roles.data?.resources ?? []}
        isPending={roles.isPending}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        emptyText={t('modules.my-unit.empty')}
        render={(role) => {
          const group = role.code?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.personnelGroup)?.code;
          return (
            <ListItem key={role.id} disableGutters>
              <ListItemText primary={role.practitioner?.display ?? role.id} secondary={group ? t(`group.${group}`) : undefined} />
            </ListItem>
          );
        }}
      />
    </>
  );
}
