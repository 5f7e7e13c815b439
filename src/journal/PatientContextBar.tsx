import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatNationalId } from '../domain/nationalId';
import { conceptText, formatName, nationalIdOf } from '../fhir/format';
import { isSevereAllergy, patientAge, useCriticalInformation } from '../fhir/patients';
import { useFhirRead } from '../fhir/hooks';
import { referenceId } from '../fhir/format';
import { formatDate } from '../ui/dates';

function GeneralPractitioner({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const ref = patient.generalPractitioner?.[0];
  const roleId = referenceId(ref, 'PractitionerRole');
  const role = useFhirRead('PractitionerRole', ref?.display ? undefined : roleId, { staleTime: Infinity });
  const name = ref?.display ?? role.data?.practitioner?.display ?? (role.isPending && roleId ? '…' : '');
  return (
    <span>
      {t('patient.gp')}: {name || t('patient.noGp')}
    </span>
  );
}

/**
 * Who the patient is, always in view while a chart is open: name, age, national id, GP, and a
 * clear marker when critical information exists.
 */
export function PatientContextBar({ patient, onShowCritical }: { patient: Patient; onShowCritical: () => void }) {
  const { t } = useTranslation();
  const critical = useCriticalInformation(patient.id);
  const id = nationalIdOf(patient.identifier);
  const age = patientAge(patient, new Date());
  // Severe reactions first and by name, in words as well as in red.
  const severeNames = critical.allergies.filter(isSevereAllergy).map((a) => conceptText(a.code)).filter(Boolean);
  const severe = severeNames.length > 0;
  const marker = t('patient.criticalMarker', { count: critical.count });
  const label = severe ? `${marker} · ${t('critical.severe')}: ${severeNames.slice(0, 3).join(', ')}${severeNames.length > 3 ? ' …' : ''}` : marker;
  return (
    <Paper
      component="section"
      aria-label={t('patient.contextBar')}
      elevation={2}
      sx={{ position: 'sticky', top: 0, zIndex: 10, p: 1.5, display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}
    >
      <Box sx={{ mr: 2 }}>
        <Typography variant="h1" component="h1" sx={{ fontSize: '1.35rem' }}>
          {formatName(patient.name)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {[
            age !== undefined ? t('patient.age', { count: age }) : null,
            patient.birthDate ? formatDate(patient.birthDate) : null,
            id ? formatNationalId(id) : t('patient.noNationalId'),
            patient.gender ? t(`patient.gender.${patient.gender}`) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          <GeneralPractitioner patient={patient} />
          {patient.address?.[0]?.district ? ` · ${t('patient.municipality')}: ${patient.address[0].district}` : ''}
        </Typography>
      </Box>
      {critical.count > 0 && (
        <Chip
          color={severe ? 'error' : 'warning'}
          label={label}
          onClick={onShowCritical}
          sx={{ fontWeight: 700, fontSize: '0.95rem', minHeight: (theme) => Math.max(40, theme.minTarget), height: 'auto', maxWidth: '100%', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }}
        />
      )}
    </Paper>
  );
}
