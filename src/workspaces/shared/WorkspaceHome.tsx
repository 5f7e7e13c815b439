import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { WorkspaceId } from '../../session/personnel';
import { useSession } from '../../session/store';
import { LayoutPage } from '../../layout/LayoutPage';

/** A workspace's home page: its heading, then the modules of the user's resolved layout. */
export function WorkspaceHome({ workspaceId }: { workspaceId: WorkspaceId }) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  // A page that brings the user home may leave a message (e.g. "the consultation is signed").
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
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
          {typeof notice === 'string' && (
            <Alert severity="success" role="status" sx={{ mt: 1 }}>
              {notice}
            </Alert>
          )}
        </Box>
      }
    />
  );
}
