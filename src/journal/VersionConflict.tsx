import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * A 412 on an update: someone saved the same entry after the user opened it. Both versions are
 * shown field by field (differences marked) and the user chooses; nothing is written and the
 * user's input stays in the form until they do. `changedBy` names who saved the other version.
 */
export function VersionConflict({
  fields,
  changedBy,
  onKeepMine,
  onTakeTheirs,
  busy = false,
}: {
  fields: readonly ConflictField[];
  changedBy?: string | undefined;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" role="alert" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{t('versionConflict.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {changedBy ? t('versionConflict.bodyBy', { name: changedBy }) : t('versionConflict.body')}
      </Typography>
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', mb: 1, '& th, & td': { textAlign: 'left', verticalAlign: 'top', p: 0.5, borderBottom: 1, borderColor: 'divider' } }}>
        <caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{t('versionConflict.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versionConflict.field')}</th>
            <th scope="col">{t('versionConflict.mine')}</th>
            <th scope="col">{t('versionConflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const differs = f.mine !== f.theirs;
            return (
              <tr key={f.label}>
                <th scope="row">{f.label}</th>
                <td style={{ fontWeight: differs ? 700 : undefined }}>{f.mine || '–'}</td>
                <td style={{ fontWeight: differs ? 700 : undefined }}>
                  {f.theirs || '–'}
                  {differs && ' '}
                  {differs && (
                    <Typography component="span" variant="body2" sx={{ ml: 0.5 }}>
                      ({t('versionConflict.differs')})
                    </Typography>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" color="warning" onClick={onKeepMine} disabled={busy}>
          {t('versionConflict.keepMine')}
        </Button>
        <Button variant="outlined" color="inherit" onClick={onTakeTheirs} disabled={busy}>
          {t('versionConflict.takeTheirs')}
        </Button>
      </Box>
    </Alert>
  );
}
