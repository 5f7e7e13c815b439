import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import DialogActions from '@mui/material/DialogActions';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import { usePersonas, useSignInAs } from '../signin/useSignIn';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { personaMatches } from '../signin/personaPicker';

export function PersonaSwitchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const personas = usePersonas();
  const signIn = useSignInAs();
  const current = useSession((s) => s.persona);
  const [text, setText] = useState('');
  const shown = (personas.data ?? []).filter((p) => personaMatches(p, text, t(`group.${p.personnelGroup}`)));
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="persona-switch-title">
      <DialogTitle id="persona-switch-title">{t('shell.switchPersona')}</DialogTitle>
      <DialogContent>
        <TextField label={t('signIn.filter')} value={text} onChange={(e) => setText(e.target.value)} fullWidth size="small" sx={{ mt: 1 }} autoFocus />
        {personas.error ? <ErrorAlert error={personas.error} /> : null}
        {signIn.error ? <ErrorAlert error={signIn.error} /> : null}
        <List aria-label={t('signIn.personas')} dense>
          {shown.map((p) => (
            <li key={p.id}>
              <ListItemButton
                component="button"
                sx={{ width: '100%', textAlign: 'left' }}
                selected={p.id === current?.id}
                disabled={signIn.isPending}
                onClick={() => signIn.mutate(p, { onSuccess: onClose })}
              >
                <ListItemText primary={p.name} secondary={`${t(`group.${p.personnelGroup}`)} · ${p.unitName} · ${p.municipalityName}`} />
              </ListItemButton>
            </li>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
