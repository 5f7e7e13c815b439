import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { isTemporary } from '../../fhir/emergency';
import { conceptText, formatName, nationalIdOf, referenceId } from '../../fhir/format';
import { useFhirRead } from '../../fhir/hooks';
import { isSevereAllergy, patientAge, useCriticalInformation } from '../../fhir/patients';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';

/**
 * What the clinic must know before anything else: who the patient is, the critical information
 * (severe reactions first, in words) and the regular GP (who will get the clinic's note).
 */
export function PatientFacts({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const headingId = useId();
  const temporary = isTemporary(patient);
  const critical = useCriticalInformation(temporary ? undefined : patient.id);
  const gpRef = patient.generalPractitioner?.[0];
  const roleId = referenceId(gpRef, 'PractitionerRole');
  const role = useFhirRead('PractitionerRole', gpRef?.display ? undefined : roleId, { staleTime: Infinity });
  const gpName = gpRef?.display ?? role.data?.practitioner?.display ?? '';
  const fnr = nationalIdOf(patient.identifier);
  const age = patientAge(patient, new Date());
  return (
    <Paper component="section" aria-labelledby={headingId} variant="outlined" sx={{ p: 2, display: 'grid', gap: 1, borderColor: critical.count > 0 ? 'error.main' : 'divider', borderWidth: critical.count > 0 ? 2 : 1 }}>
      <Typography id={headingId} component="h2" variant="h2">
        {formatName(patient.name)}
        {age !== undefined && !temporary ? `, ${String(age)} år` : ''}
        {fnr ? ` · ${fnr}` : ''}
      </Typography>
      {temporary ? (
        <Alert severity="warning">{t('edPages.facts.temporary')}</Alert>
      ) : (
        <>
          <Box>
            <Typography component="h3" variant="h3">
              {t('edPages.facts.critical')}
            </Typography>
            {/* A failed refresh says so; what was shown stays, and "none" is never said for want of an answer. */}
            {critical.error && <ErrorAlert error={critical.error} />}
            {critical.isPending ? (
              !critical.error && <LoadingLines />
            ) : critical.count === 0 ? (
              !critical.error && <Typography>{t('edPages.facts.noCritical')}</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {critical.allergies.map((a) => (
                  <li key={a.id}>
                    {isSevereAllergy(a) && (
                      <Box component="strong" sx={{ color: 'error.main' }}>
                        {t('edPages.facts.severe')}:{' '}
                      </Box>
                    )}
                    {conceptText(a.code)}
                    {a.reaction?.[0]?.manifestation?.[0] ? ` (${conceptText(a.reaction[0].manifestation[0])})` : ''}
                  </li>
                ))}
                {critical.flags.map((f) => (
                  <li key={f.id}>{conceptText(f.code)}</li>
                ))}
              </Box>
            )}
          </Box>
          <Typography>
            <strong>{t('edPages.facts.gp')}:</strong> {gpName || (role.isPending && roleId ? '…' : t('edPages.facts.noGp'))}
          </Typography>
        </>
      )}
    </Paper>
  );
}
