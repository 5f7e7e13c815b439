import { useTranslation } from 'react-i18next';
import type { MedicationStatement } from 'fhir/r4';
import Box from '@mui/material/Box';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { codingOf, conceptText } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { patientSearches } from '../../fhir/patients';
import type { ModuleProps } from '../../layout/types';
import { formatDate } from '../../ui/dates';
import { QueryList } from '../../ui/QueryList';

function MedicationItem({ medication }: { medication: MedicationStatement }) {
  const { t } = useTranslation();
  const atc = codingOf(medication.medicationCodeableConcept, CODE_SYSTEM.atc)?.code;
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <Typography sx={{ fontWeight: 600 }}>
        {conceptText(medication.medicationCodeableConcept) || medication.medicationReference?.display}
        {atc && (
          <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 400, ml: 1, color: 'text.secondary' }}>
            {atc}
          </Box>
        )}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[
          medication.dosage?.[0]?.text,
          medication.effectivePeriod?.start ? t('medications.since', { date: formatDate(medication.effectivePeriod.start) }) : null,
          medication.informationSource?.display ? t('common.by', { name: medication.informationSource.display }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </ListItem>
  );
}

export default function Medications({ patientId }: ModuleProps) {
  const { t } = useTranslation();
  const meds = useFhirSearch('MedicationStatement', patientId ? patientSearches.currentMedications(patientId) : undefined);
  return (
    <QueryList
      items={meds.data?.resources ?? []}
      isPending={meds.isPending}
      error={meds.error}
      onRetry={() => void meds.refetch()}
      emptyText={t('medications.none')}
      render={(m) => <MedicationItem key={m.id} medication={m} />}
    />
  );
}
