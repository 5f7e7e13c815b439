import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { DeviceClass } from '../../layout/types';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/dates';
import { hasContent, retypeForm, setSectionText, type EditorSection } from '../../journal/notes/compose';
import { ConflictChooser } from './ConflictChooser';
import { NOTE_TYPES, noteTypeDef } from '../../journal/notes/noteTypes';
import { useNoteEditor, type EditorStart, type SaveState } from './useNoteEditor';

function SaveStatus({ state, hasDraft }: { state: SaveState; hasDraft: boolean }) {
  const { t } = useTranslation();
  let text = '';
  if (state.kind === 'saving') text = t('journal.save.saving');
  else if (state.kind === 'pending') text = t('journal.save.pending');
  else if (state.kind === 'saved') text = t('journal.save.saved', { time: format(state.at, 'HH:mm') });
  else if (state.kind === 'idle' && !hasDraft) text = t('journal.save.idle');
  return (
    <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ minHeight: '1.5em' }}>
      {text}
    </Typography>
  );
}

function headingLabel(t: (key: string, options?: Record<string, unknown>) => string, section: EditorSection): string {
  return section.key.startsWith('extra-') ? section.title : t(`journal.heading.${section.key}`, { defaultValue: section.title });
}

/**
 * Writing one note, in a dialog (full screen on a tablet): type, structured headings, autosaved
 * draft, sign. After signing the note is shown read-only. A correction starts from the signed
 * note's content and cannot change its type.
 */
export function NoteEditorDialog({
  patientId,
  persona,
  start,
  device,
  delayMs,
  correctedDate,
  onClose,
}: {
  patientId: string;
  persona: Persona;
  start: EditorStart;
  device: DeviceClass;
  delayMs?: number;
  /** For a correction: when the note being corrected was written. */
  correctedDate?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'));
  const titleId = useId();
  const editor = useNoteEditor({ patientId, persona, start, ...(delayMs !== undefined ? { delayMs } : {}) });
  const { form, signed, theirs, saveState } = editor;
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const correcting = form.replaces !== undefined;
  const size = device === 'tablet' ? 'medium' : 'small';

  const close = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await editor.flush();
    setBusy(false);
    if (ok) onClose();
  };
  const discard = async () => {
    setBusy(true);
    const ok = await editor.discard();
    setBusy(false);
    if (ok) onClose();
    else setConfirmDiscard(false);
  };

  const title = signed ? t('journal.editor.signedTitle') : correcting ? t('journal.editor.correctTitle') : start.kind === 'draft' ? t('journal.editor.draftTitle') : t('journal.editor.newTitle');
  const visible = form.sections.filter((s) => !s.optional || s.text !== '' || revealed.has(s.key));
  const hidden = form.sections.filter((s) => !visible.includes(s));
  const typeDisplay = noteTypeDef(form.type)?.display ?? form.type;

  return (
    <Dialog
      open
      fullScreen={device === 'tablet' || narrow}
      fullWidth
      maxWidth="md"
      aria-labelledby={titleId}
      onClose={(_, reason) => {
        if (reason !== 'backdropClick') void close();
      }}
    >
      <DialogTitle id={titleId} component="h2">
        {title}
      </DialogTitle>
      <DialogContent dividers>
        {signed ? (
          <Box>
            <Alert severity="success" sx={{ mb: 2 }}>
              {t('journal.editor.signed', { time: format(new Date(signed.date), 'HH:mm') })} {t('journal.editor.signedReadOnly')}
            </Alert>
            <Typography component="h3" variant="h3">
              {signed.title}
            </Typography>
            {form.sections
              .filter((s) => s.text.trim() !== '')
              .map((s) => (
                <Box key={s.key} sx={{ mt: 1 }}>
                  <Typography component="h4" variant="body2" sx={{ fontWeight: 600, m: 0 }}>
                    {s.title}
                  </Typography>
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {s.text.trim()}
                  </Typography>
                </Box>
              ))}
          </Box>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
            {correcting && <Alert severity="info">{t('journal.editor.correcting', { date: formatDateTime(correctedDate) })}</Alert>}
            {theirs && (
              <ConflictChooser
                mine={form}
                theirs={theirs}
                onKeepMine={() => void editor.keepMine()}
                onTakeTheirs={editor.takeTheirs}
                onRetry={editor.retryConflictRead}
              />
            )}
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
              <TextField
                select
                size={size}
                label={t('journal.editor.type')}
                value={form.type}
                disabled={correcting}
                helperText={correcting ? t('journal.editor.typeFixed') : undefined}
                onChange={(e) => editor.change(retypeForm(form, e.target.value))}
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                sx={{ flex: '1 1 220px' }}
              >
                {!noteTypeDef(form.type) && <option value={form.type}>{form.type}</option>}
                {NOTE_TYPES.map((type) => (
                  <option key={type.code} value={type.code}>
                    {t(`journal.type.${type.code}`)}
                  </option>
                ))}
              </TextField>
              <TextField
                size={size}
                label={t('journal.editor.noteTitle')}
                value={form.title}
                placeholder={typeDisplay}
                helperText={t('journal.editor.noteTitleHint')}
                onChange={(e) => editor.change({ ...form, title: e.target.value })}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { maxLength: 200 } }}
                sx={{ flex: '2 1 260px' }}
              />
            </Box>
            <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
              <Typography component="legend" variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
                {t('journal.editor.sections')}
              </Typography>
              {visible.map((section, index) => (
                <TextField
                  key={section.key}
                  multiline
                  minRows={section.optional ? 2 : 3}
                  size={size}
                  autoFocus={index === 0 && start.kind === 'new'}
                  label={section.optional ? `${headingLabel(t, section)} (${t('journal.editor.optional')})` : headingLabel(t, section)}
                  value={section.text}
                  onChange={(e) => editor.change(setSectionText(form, section.key, e.target.value))}
                  slotProps={{ htmlInput: { spellCheck: true, lang: 'nb' } }}
                />
              ))}
              {hidden.length > 0 && (
                <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
                  {hidden.map((section) => (
                    <Button key={section.key} variant="outlined" size={size} onClick={() => setRevealed((r) => new Set(r).add(section.key))}>
                      {t('journal.editor.add', { heading: headingLabel(t, section) })}
                    </Button>
                  ))}
                </Box>
              )}
            </Box>
            {editor.invalid && (
              <Alert severity="error" role="alert">
                {t('journal.editor.empty')}
              </Alert>
            )}
            {saveState.kind === 'error' && (
              <Box>
                <ErrorAlert
                  error={saveState.error}
                  titleKey={saveState.action === 'sign' ? 'journal.save.signFailed' : saveState.action === 'discard' ? 'journal.save.discardFailed' : 'journal.save.failed'}
                  onRetry={saveState.action === 'sign' ? () => void editor.sign() : saveState.action === 'discard' ? () => void discard() : () => void editor.saveNow()}
                />
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  {t('journal.save.kept')}
                </Typography>
              </Box>
            )}
            {confirmDiscard && (
              <Alert
                severity="warning"
                role="alert"
                action={
                  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                    <Button color="error" variant="contained" size="small" onClick={() => void discard()} disabled={busy}>
                      {t('journal.editor.discardYes')}
                    </Button>
                    <Button color="inherit" size="small" onClick={() => setConfirmDiscard(false)}>
                      {t('journal.editor.discardNo')}
                    </Button>
                  </Box>
                }
              >
                {t('journal.editor.discardQuestion')}
              </Alert>
            )}
            <SaveStatus state={saveState} hasDraft={editor.hasDraft} />
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {!signed && (editor.hasDraft || hasContent(form)) && (
          <Button color="error" onClick={() => setConfirmDiscard(true)} disabled={busy || confirmDiscard} sx={{ mr: 'auto' }}>
            {t('journal.editor.discard')}
          </Button>
        )}
        <Button onClick={() => void close()} disabled={busy || (theirs !== null && !signed)}>
          {t('journal.editor.close')}
        </Button>
        {!signed && (
          <Button variant="contained" onClick={() => void editor.sign()} disabled={editor.signing || busy || theirs !== null}>
            {editor.signing ? t('journal.editor.signing') : t('journal.editor.sign')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
