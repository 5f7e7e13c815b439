import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Alert from '@mui/material/Alert';
import { fetchScenarios, resetScenario } from '../../fhir/mockControl';
import { useRuntimeConfig } from '../configContext';
import { usePreferences } from '../../session/store';

/** Mock backends only: put the journal back to a named scenario's starting state. */
export function ResetScenarioDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { authUrl } = useRuntimeConfig();
  const language = usePreferences((s) => s.language);
  const queryClient = useQueryClient();
  const scenarios = useQuery({ queryKey: ['mock', 'scenarios', authUrl], queryFn: () => fetchScenarios(authUrl), enabled: open });
  const [chosen, setChosen] = useState<string>('standard');
  const reset = useMutation({
    mutationFn: () => resetScenario(authUrl, chosen),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['fhir'] });
      onClose();
    },
  });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="reset-title">
      <DialogTitle id="reset-title">{t('shell.resetScenario')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('shell.resetExplain')}</DialogContentText>
        {scenarios.error ? <Alert severity="error">{t('errors.server.body')}</Alert> : null}
        <RadioGroup value={chosen} onChange={(e) => setChosen(e.target.value)} aria-label={t('shell.scenario')}>
          {(scenarios.data ?? []).map((s) => (
            <FormControlLabel key={s.id} value={s.id} control={<Radio />} label={`${s.title[language]} – ${s.description[language]}`} />
          ))}
        </RadioGroup>
        {reset.error ? <Alert severity="error">{t('shell.resetFailed')}</Alert> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => reset.mutate()} disabled={reset.isPending || !scenarios.data}>
          {t('shell.resetConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
