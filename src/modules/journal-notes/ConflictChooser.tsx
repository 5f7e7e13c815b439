import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../ui/ErrorAlert';
import type { NoteForm } from '../../journal/notes/compose';
import type { TheirVersion } from './useNoteEditor';

function FormPreview({ form, label }: { form: NoteForm; label: string }) {
  const { t } = useTranslation();
  const sections = form.sections.filter((s) => s.text.trim() !== '');
  return (
    <Box role="group" aria-label={label} sx={{ maxHeight: 260, overflow: 'auto', bgcolor: 'background.paper', color: 'text.primary', p: 1, borderRadius: 1, border: 1, borderColor: 'divider' }} tabIndex={0}>
      {form.title.trim() && <Typography sx={{ fontWeight: 600 }}>{form.title}</Typography>}
      {sections.length === 0 && <Typography variant="body2">{t('journal.conflict.empty')}</Typography>}
      {sections.map((s) => (
        <Box key={s.key} sx={{ mt: 0.5 }}>
          <Typography component="h4" variant="body2" sx={{ fontWeight: 600, m: 0 }}>
            {s.title}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {s.text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * A 412 on a draft: the user's version and the stored one side by side, and the user chooses.
 * Nothing is written until they do; their text stays in the form meanwhile.
 */
export function ConflictChooser({ mine, theirs, onKeepMine, onTakeTheirs, onRetry }: { mine: NoteForm; theirs: TheirVersion; onKeepMine: () => void; onTakeTheirs: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  const theirsSigned = theirs.state === 'ready' && theirs.composition.status !== 'preliminary';
  const theirsLabel = theirsSigned ? t('journal.conflict.theirsSigned') : t('journal.conflict.theirs');
  const keepAsNew = theirs.state === 'gone' || theirsSigned;
  return (
    <Alert severity="warning" role="alert" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{t('journal.conflict.title')}</AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t('journal.conflict.body')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, mb: 1 }}>
        <Box>
          <Typography component="h3" variant="h3" sx={{ mb: 0.5 }}>
            {t('journal.conflict.mine')}
          </Typography>
          <FormPreview form={mine} label={t('journal.conflict.mine')} />
        </Box>
        <Box>
          <Typography component="h3" variant="h3" sx={{ mb: 0.5 }}>
            {theirsLabel}
          </Typography>
          {theirs.state === 'loading' && <Typography variant="body2">{t('journal.conflict.loading')}</Typography>}
          {theirs.state === 'gone' && <Typography variant="body2">{t('journal.conflict.gone')}</Typography>}
          {theirs.state === 'failed' && <ErrorAlert error={theirs.error} onRetry={onRetry} />}
          {theirs.state === 'ready' && <FormPreview form={theirs.form} label={theirsLabel} />}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" color="warning" onClick={onKeepMine} disabled={theirs.state === 'loading' || theirs.state === 'failed'}>
          {keepAsNew ? t('journal.conflict.keepMineAsNew') : t('journal.conflict.keepMine')}
        </Button>
        {theirs.state === 'ready' && (
          <Button variant="outlined" color="inherit" onClick={onTakeTheirs}>
            {t('journal.conflict.takeTheirs')}
          </Button>
        )}
      </Box>
    </Alert>
  );
}
