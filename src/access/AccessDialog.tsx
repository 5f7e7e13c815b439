import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ACCESS_REASONS, EMERGENCY_ACCESS_MINUTES, EXPLICIT_ACCESS_MINUTES, type AccessReason } from '../domain/access';
import { formatName } from '../fhir/format';
import { useFhirSearch } from '../fhir/hooks';
import { useDeviceClass } from '../app/deviceClass';
import { useSession } from '../session/store';
import { CLINICAL_GROUPS } from '../session/personnel';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useGrantAccess } from './api';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/**
 * Opening a patient without a care relation (the server answered 403 reason-required): a reason
 * from the fixed list, with optional words ("Annet" needs them), or emergency access with a
 * mandatory reason in words. Nothing typed is lost when the server refuses.
 */
export function AccessDialog({ patientId, workspaceId }: { patientId: string; workspaceId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ids = useId();
  const persona = useSession((s) => s.persona);
  const tablet = useDeviceClass() === 'tablet';
  // What the search shows of the patient (name, birth date, municipality): enough to be sure it is the right one.
  const found = useFhirSearch('Patient', { _id: patientId });
  const patient = found.data?.resources[0] as Patient | undefined;
  const name = patient ? formatName(patient.name) : '';
  const grant = useGrantAccess(patientId);
  const [reason, setReason] = useState<AccessReason | ''>('');
  const [text, setText] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [emergencyText, setEmergencyText] = useState('');
  const [tried, setTried] = useState(false);
  const health = persona ? CLINICAL_GROUPS.includes(persona.personnelGroup) : false;

  const reasonError = tried && !emergency && reason === '' ? t('access.dialog.chooseReason') : '';
  const textError = tried && !emergency && reason === 'other' && text.trim() === '' ? t('access.dialog.textRequired') : '';
  const emergencyError = tried && emergency && emergencyText.trim() === '' ? t('access.dialog.emergencyRequired') : '';
  const touch = tablet ? { minHeight: 44 } : undefined;

  const submit = () => {
    setTried(true);
    if (emergency) {
      if (emergencyText.trim() === '') return;
      grant.mutate({ emergency: true, text: emergencyText.trim() });
      return;
    }
    if (reason === '' || (reason === 'other' && text.trim() === '')) return;
    grant.mutate({ emergency: false, reason, text });
  };

  return (
    <Dialog open aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-intro`} maxWidth="sm" fullWidth>
      <DialogTitle id={`${ids}-title`}>{emergency ? t('access.dialog.emergencyTitle') : t('access.dialog.title')}</DialogTitle>
      <DialogContent>
        {!health ? (
          <Alert severity="info" id={`${ids}-intro`}>
            {t('access.dialog.adminNoAccess')}
          </Alert>
        ) : (
          <Box
            component="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
            id={`${ids}-form`}
          >
            <Typography id={`${ids}-intro`} sx={{ mb: 2 }}>
              {emergency ? t('access.dialog.emergencyIntro', { minutes: EMERGENCY_ACCESS_MINUTES }) : t('access.dialog.intro', { name: name || patientId })}
            </Typography>
            {!emergency ? (
              <>
                <FormControl error={Boolean(reasonError)} component="fieldset" required>
                  <FormLabel component="legend">{t('access.dialog.reason')}</FormLabel>
                  <RadioGroup name={`${ids}-reason`} value={reason} onChange={(e) => setReason(e.target.value as AccessReason)}>
                    {ACCESS_REASONS.map((r) => (
                      <FormControlLabel key={r} value={r} control={<Radio />} label={t(`access.reasons.${r}`)} sx={touch} />
                    ))}
                  </RadioGroup>
                  {reasonError && <FormHelperText>{reasonError}</FormHelperText>}
                </FormControl>
                <TextField
                  label={reason === 'other' ? t('access.dialog.textOther') : t('access.dialog.text')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  required={reason === 'other'}
                  error={Boolean(textError)}
                  helperText={textError || t('access.dialog.duration', { hours: EXPLICIT_ACCESS_MINUTES / 60 })}
                  fullWidth
                  multiline
                  minRows={2}
                  sx={{ mt: 2 }}
                />
              </>
            ) : (
              <TextField
                label={t('access.dialog.emergencyText')}
                value={emergencyText}
                onChange={(e) => setEmergencyText(e.target.value)}
                required
                error={Boolean(emergencyError)}
                helperText={emergencyError || ' '}
                fullWidth
                multiline
                minRows={2}
                autoFocus
              />
            )}
            {grant.error && (
              <Box sx={{ mt: 2 }}>
                <ErrorAlert error={grant.error} titleKey="access.dialog.failed" />
              </Box>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, pb: 2 }}>
        {health && !emergency && (
          <>
            <Button color="error" variant="outlined" onClick={() => setEmergency(true)} sx={{ mr: 'auto', ...touch }}>
              {t('access.dialog.emergencyTitle')}
            </Button>
          </>
        )}
        <Button
          onClick={() => {
            if (emergency) setEmergency(false);
            else void navigate(`/${workspaceId}`);
          }}
          sx={touch}
        >
          {t('access.dialog.cancel')}
        </Button>
        {health && (
          <Button type="submit" form={`${ids}-form`} variant="contained" color={emergency ? 'error' : 'primary'} disabled={grant.isPending} sx={touch}>
            {grant.isPending ? t('access.dialog.opening') : emergency ? t('access.dialog.emergencyOpen') : t('access.dialog.open')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
