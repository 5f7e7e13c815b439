import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { WorkspaceId } from '../../session/personnel';
import { useSession } from '../../session/store';
import { LayoutPage } from '../../layout/LayoutPage';

/** A workspace's home page: its heading, then the modules of the user's resolved layout. */
export function WorkspaceHome({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  return (
    <LayoutPage
      page="home"
      header={
        <Box>
          <Typography variant="h1">{t(`workspace.${workspaceId}.title`)}</Typography>
          {persona && (
            <Typography color="text.secondary">
              {t(`workspace.${workspaceId}.purpose`)} {t('workspace.unitLine', { unit: persona.unitName, municipality: persona.municipalityName })}
            </Typography>
          )}
        </Box>
      }
    />
  );
}
