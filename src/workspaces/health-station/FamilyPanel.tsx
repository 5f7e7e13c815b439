import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Patient, RelatedPerson } from 'fhir/r4';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { IDENTIFIER } from '../../domain/codeSystems';
import { ageInDays } from '../../domain/childProgramme';
import { formatName } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { formatChildAge } from './format';

const ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/**
 * The family: the child's parents (RelatedPerson), and every child with the same parents (the
 * RelatedPersons that carry a parent's fødselsnummer), so the nurse sees the family's children.
 */
export function FamilyPanel({ patientId, parents, today }: { patientId: string; parents: RelatedPerson[]; today: string }) {
  const { t } = useTranslation();
  const ids = useMemo(() => parents.map((p) => p.identifier?.find((i) => i.system === IDENTIFIER.fnr)?.value).filter((v): v is string => Boolean(v)), [parents]);
  const family = useFhirSearch('RelatedPerson', ids.length > 0 ? { identifier: ids.map((v) => `${IDENTIFIER.fnr}|${v}`).join(','), _include: 'RelatedPerson:patient', _count: 50 } : undefined);
  const children = useMemo(() => {
    const seen = new Map<string, Patient>();
    for (const e of family.data?.bundle.entry ?? []) {
      const r = e.resource as Patient | RelatedPerson | undefined;
      if (r?.resourceType === 'Patient' && r.id) seen.set(r.id, r);
    }
    return [...seen.values()].sort((a, b) => (a.birthDate ?? '').localeCompare(b.birthDate ?? ''));
  }, [family.data]);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box component="section" aria-labelledby="family-parents">
        <Typography component="h3" variant="h3" id="family-parents">
          {t('hs.family.parents')}
        </Typography>
        {parents.length === 0 ? (
          <Typography>{t('hs.family.noParents')}</Typography>
        ) : (
          <List>
            {parents.map((p) => {
              const code = p.relationship?.flatMap((r) => r.coding ?? []).find((c) => c.system === ROLE_SYSTEM)?.code ?? 'PRN';
              const phone = p.telecom?.find((c) => c.system === 'phone')?.value;
              return (
                <ListItem key={p.id} disableGutters sx={{ display: 'block' }}>
                  <Typography sx={{ fontWeight: 600 }}>
                    {formatName(p.name)} ({t(`hs.family.relation.${['MTH', 'FTH'].includes(code) ? code : 'PRN'}`)})
                  </Typography>
                  {phone && <Typography variant="body2">{t('hs.family.phone', { phone })}</Typography>}
                </ListItem>
              );
            })}
          </List>
        )}
      </Box>
      <Box component="section" aria-labelledby="family-children">
        <Typography component="h3" variant="h3" id="family-children">
          {t('hs.family.children')}
        </Typography>
        {family.error && <ErrorAlert error={family.error} onRetry={() => void family.refetch()} />}
        {family.isLoading && <LoadingLines />}
        {ids.length > 0 && family.data && children.filter((c) => c.id !== patientId).length === 0 && <Typography>{t('hs.family.noSiblings')}</Typography>}
        <List>
          {children.map((c) => {
            const days = ageInDays(c.birthDate ?? today, today);
            const name = formatName(c.name);
            const self = c.id === patientId;
            const to = days < 6 * 365 ? `/health-station/child/${c.id}` : `/health-station/patient/${c.id}`;
            return (
              <ListItem key={c.id} disableGutters sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
                {self ? (
                  <Typography sx={{ fontWeight: 600 }}>
                    {name} ({t('hs.family.thisChild')})
                  </Typography>
                ) : (
                  <Link component={RouterLink} to={to} sx={{ fontWeight: 600, display: 'inline-flex', alignItems: 'center', minHeight: 44 }} aria-label={t('hs.family.open', { name })}>
                    {name}
                  </Link>
                )}
                <Typography color="text.secondary">{formatChildAge(t, c.birthDate ?? today, today)}</Typography>
              </ListItem>
            );
          })}
        </List>
      </Box>
    </Box>
  );
}
