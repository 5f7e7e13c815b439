import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { VersionConflict } from '../../journal/VersionConflict';
import type { DeviceClass } from '../../layout/types';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { authorOf, changedByName, conflictFields, useEntryWriter } from './conflict';
import { MAX_TEXT, entryOf, refutedResource, type CriticalEntry, type CriticalResource } from './model';

/**
 * "Avkreft": asks for confirmation and an optional reason, then writes the entry as refuted on
 * top of the version the user saw (If-Match). On a 412 both versions are shown and the user
 * chooses; an entry someone else already refuted needs nothing more.
 */
export function RefuteDialog({
  entry,
  persona,
  device,
  onClose,
  onDone,
}: {
  entry: CriticalEntry;
  persona: Persona;
  device: DeviceClass;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const writer = useEntryWriter();
  const [reason, setReason] = useState('');
  const tooLong = reason.trim().length > MAX_TEXT;
  const build = (on: CriticalResource | undefined) => refutedResource(on ?? entry.resource, { author: authorOf(persona), now: new Date(), reason });
  const done = () => onDone(t('criticalInfo.done.refuted', { name: entry.text }));

  const refute = async (on: CriticalResource) => {
    if (tooLong) return;
    if (on !== entry.resource && entryOf(on).refuted) {
      writer.takeTheirs();
      done();
      return;
    }
    const outcome = await writer.write(build, on);
    if (outcome.kind === 'saved') done();
  };

  return (
    <Dialog open onClose={writer.busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby={titleId} aria-describedby={descriptionId}>
      <DialogTitle id={titleId}>{t('criticalInfo.refute.title', { name: entry.text })}</DialogTitle>
      <DialogContent>
        <DialogContentText id={descriptionId} sx={{ mb: 2 }}>
          {t('criticalInfo.refute.body')}
        </DialogContentText>
        {writer.error !== null && (
          <Box sx={{ mb: 2 }}>
            <ErrorAlert error={writer.error} />
            <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
              {t('criticalInfo.refute.failed')}
            </Typography>
          </Box>
        )}
        {writer.theirs && (
          <Box sx={{ mb: 2 }}>
            <VersionConflict
              fields={conflictFields(t, build(writer.theirs), writer.theirs)}
              changedBy={changedByName(writer.theirs)}
              onKeepMine={() => writer.theirs && void refute(writer.theirs)}
              onTakeTheirs={() => {
                writer.takeTheirs();
                onDone(t('criticalInfo.done.tookTheirs', { name: entry.text }));
              }}
              busy={writer.busy}
            />
          </Box>
        )}
        <TextField
          label={t('criticalInfo.refute.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={tooLong}
          helperText={tooLong ? t('criticalInfo.error.tooLong', { max: MAX_TEXT }) : t('criticalInfo.refute.reasonHint')}
          multiline
          minRows={2}
          fullWidth
        />
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, py: 1.5 }}>
        <Button variant="outlined" onClick={onClose} disabled={writer.busy}>
          {t('criticalInfo.form.cancel')}
        </Button>
        <Button variant="contained" color="error" onClick={() => void refute(entry.resource)} disabled={writer.busy || writer.theirs !== null || tooLong} size={device === 'tablet' ? 'large' : 'medium'}>
          {writer.busy ? t('criticalInfo.refute.confirming') : t('criticalInfo.refute.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
