import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from 'fhir/r4';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { formatName } from '../fhir/format';
import { useFhirRead, useFhirSearch } from '../fhir/hooks';
import { useSession } from '../session/store';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useUnitAccessReview } from './api';
import { AccessTable, basisText } from './AccessTable';
import { LoadingLines } from '../ui/QueryList';
import { describeAudit } from './describe';
import { isLeader } from './LeaderMenuItem';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/**
 * The unit leader's review (issue #8): every explicit and emergency access at the unit, newest
 * first, with the reason in words, for follow-up; "unusual only" keeps those the server flagged
 * when access was granted (a user opening many patients without relation within a day, or a
 * patient at the user's own address).
 */
export function Component() {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const role = useFhirRead('PractitionerRole', persona?.practitionerRoleId, { staleTime: Infinity });
  const leader = isLeader(role.data);
  const review = useUnitAccessReview(leader ? persona?.organizationId : undefined);
  const [unusualOnly, setUnusualOnly] = useState(false);
  const all = useMemo(() => (review.data ?? []).map(describeAudit), [review.data]);
  const rows = unusualOnly ? all.filter((r) => r.flags.length > 0) : all;
  const patientIds = [...new Set(all.map((r) => r.patient).filter((id): id is string => Boolean(id)))];
  const patients = useFhirSearch('Patient', patientIds.length ? { _id: patientIds.join(','), _count: 1000 } : undefined);
  const names = new Map((patients.data?.resources ?? []).map((p: Patient) => [p.id ?? '', formatName(p.name)]));

  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('access.review.title', { unit: persona?.unitName ?? '' })}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('access.review.intro')}</Typography>
      {role.isPending ? (
        <LoadingLines />
      ) : !leader ? (
        <Typography>{t('access.review.notLeader')}</Typography>
      ) : (
        <>
          <FormControlLabel
            control={<Checkbox checked={unusualOnly} onChange={(e) => setUnusualOnly(e.target.checked)} />}
            label={t('access.review.unusualOnly')}
            sx={{ minHeight: 44 }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {t('access.review.unusualHelp')}
          </Typography>
          {review.error && <ErrorAlert error={review.error} onRetry={() => void review.refetch()} />}
          <AccessTable
            label={t('access.review.open')}
            pending={review.isPending}
            empty={t('access.review.empty')}
            rows={rows}
            columns={[t('access.review.patient'), t('access.log.reason'), t('access.review.text'), t('access.review.flags')]}
            cells={(row) => [
              row.patient ? (names.get(row.patient) ?? row.patient) : '',
              basisText(t, row),
              row.text ?? '',
              row.flags.map((f) => t(f === 'shared-address' ? 'access.review.sharedAddress' : 'access.review.many')).join(', '),
            ]}
          />
        </>
      )}
    </Box>
  );
}
