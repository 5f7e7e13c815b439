import { useTranslation } from 'react-i18next';
import type { AllergyIntolerance, Flag } from 'fhir/r4';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { conceptText } from '../../fhir/format';
import { useCriticalInformation } from '../../fhir/patients';
import type { ModuleProps } from '../../layout/types';
import { formatDate } from '../../ui/dates';
import { QueryList } from '../../ui/QueryList';

const CERTAINTY = new Set(['unconfirmed', 'confirmed', 'refuted']);

function AllergyItem({ allergy }: { allergy: AllergyIntolerance }) {
  const { t } = useTranslation();
  const severe = allergy.criticality === 'high' || allergy.reaction?.some((r) => r.severity === 'severe');
  const verification = allergy.verificationStatus?.coding?.[0]?.code ?? '';
  const certainty = allergy.verificationStatus?.text ?? (CERTAINTY.has(verification) ? t(`critical.certainty.${verification}`) : '');
  const reactions = allergy.reaction?.flatMap((r) => r.manifestation.map(conceptText)).filter(Boolean) ?? [];
  return (
    <ListItem disableGutters sx={{ display: 'block', borderLeft: 4, borderColor: severe ? 'error.main' : 'warning.main', pl: 1.5, mb: 1 }}>
      <Typography component="div" sx={{ fontWeight: 700 }}>
        {conceptText(allergy.code)}
        {severe && <Chip size="small" color="error" label={t('critical.severe')} sx={{ ml: 1 }} />}
      </Typography>
      <Typography variant="body2">{[t('critical.category.allergy'), reactions.join(', '), certainty].filter(Boolean).join(' · ')}</Typography>
    </ListItem>
  );
}

function FlagItem({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const category = flag.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.criticalInfoCategory)?.code;
  return (
    <ListItem disableGutters sx={{ display: 'block', borderLeft: 4, borderColor: 'warning.main', pl: 1.5, mb: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>{conceptText(flag.code)}</Typography>
      <Typography variant="body2">
        {[category ? t(`critical.category.${category}`) : conceptText(flag.category?.[0]), flag.period?.start ? formatDate(flag.period.start) : null].filter(Boolean).join(' · ')}
      </Typography>
    </ListItem>
  );
}

/** Kjernejournal-style critical information; severe drug reactions first and in red. */
export default function CriticalInfo({ patientId }: ModuleProps) {
  const { t } = useTranslation();
  const critical = useCriticalInformation(patientId);
  const severeFirst = [...critical.allergies].sort((a, b) => Number(b.criticality === 'high') - Number(a.criticality === 'high'));
  const items: (AllergyIntolerance | Flag)[] = [...severeFirst, ...critical.flags];
  return (
    <QueryList
      items={items}
      isPending={critical.isPending}
      error={critical.error}
      emptyText={t('critical.none')}
      render={(item) => (item.resourceType === 'AllergyIntolerance' ? <AllergyItem key={item.id} allergy={item} /> : <FlagItem key={item.id} flag={item} />)}
    />
  );
}
