import { useTranslation } from 'react-i18next';
import type { Condition } from 'fhir/r4';
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

function ProblemItem({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  const coding = codingOf(condition.code, CODE_SYSTEM.icpc2) ?? codingOf(condition.code, CODE_SYSTEM.icd10);
  const system = coding?.system === CODE_SYSTEM.icpc2 ? 'ICPC-2' : coding?.system === CODE_SYSTEM.icd10 ? 'ICD-10' : '';
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <Typography>
        {coding?.code && (
          <Box component="abbr" sx={{ fontFamily: 'monospace', fontWeight: 700, mr: 1, textDecoration: 'none' }} title={system}>
            {coding.code}
          </Box>
        )}
        {conceptText(condition.code)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[
          condition.onsetDateTime ? t('problems.onset', { date: formatDate(condition.onsetDateTime) }) : null,
          condition.recorder?.display ? t('common.by', { name: condition.recorder.display }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </ListItem>
  );
}

export default function Problems({ patientId }: ModuleProps) {
  const { t } = useTranslation();
  const problems = useFhirSearch('Condition', patientId ? patientSearches.activeProblems(patientId) : undefined);
  return (
    <QueryList
      items={problems.data?.resources ?? []}
      isPending={problems.isPending}
      error={problems.error}
      onRetry={() => void problems.refetch()}
      emptyText={t('problems.none')}
      render={(c) => <ProblemItem key={c.id} condition={c} />}
    />
  );
}
