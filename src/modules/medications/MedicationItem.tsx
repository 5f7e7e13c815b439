import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicationStatement } from 'fhir/r4';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { NewEntryRule } from '../../journal/chartVisits';
import type { Provenance } from '../../journal/provenance';
import { NewChip, RecordedBy } from '../../journal/RecordedBy';
import { formatDate } from '../../ui/dates';
import { MedicationHistory } from './HistoryList';
import { atcOf, indicationOf, isCurrent, medicationName, recordedAt, stopReasonOf, structuredOf, structuredText } from './model';
import { VISUALLY_HIDDEN } from '../../ui/visuallyHidden';


/**
 * One medicine on the list: product and ATC code, the dosage in words and structured, start
 * (and end), the reason for use, who recorded it and where; its history on request; change and
 * stop for prescribers.
 */
export function MedicationItem({
  statement,
  provenance,
  isNew,
  canEdit,
  rule,
  onChange,
  onStop,
}: {
  statement: MedicationStatement;
  provenance: Provenance;
  isNew: boolean;
  canEdit: boolean;
  rule: NewEntryRule;
  onChange: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const [showHistory, setShowHistory] = useState(false);
  const historyId = useId();
  const name = medicationName(statement);
  const atc = atcOf(statement);
  const dosage = statement.dosage?.[0];
  const structured = structuredOf(dosage);
  const indication = indicationOf(statement);
  const stopReason = stopReasonOf(statement);
  const current = isCurrent(statement);
  const start = statement.effectivePeriod?.start ?? statement.effectiveDateTime;
  const end = statement.effectivePeriod?.end;
  const dates = [
    start ? t('medications.item.started', { date: formatDate(start) }) : '',
    end && statement.status === 'stopped' ? t('medications.item.stoppedOn', { date: formatDate(end) }) : '',
    end && statement.status === 'completed' ? t('medications.item.completedOn', { date: formatDate(end) }) : '',
    indication ? t('medications.item.reason', { reason: indication }) : '',
  ].filter(Boolean);

  return (
    <ListItem disableGutters sx={{ display: 'block', py: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1 }}>
        <Typography component="span" sx={{ fontWeight: 600, color: current ? 'text.primary' : 'text.secondary' }}>
          {name}
        </Typography>
        {atc && (
          <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
            <Box component="span" sx={VISUALLY_HIDDEN}>
              {`${t('medications.item.atc')} `}
            </Box>
            {atc}
          </Typography>
        )}
        {statement.status !== 'active' && <Chip component="span" size="small" variant="outlined" label={t(`medications.status.${statement.status}`)} sx={{ height: 22 }} />}
        {isNew && <NewChip />}
      </Box>
      <Typography sx={{ overflowWrap: 'anywhere' }}>{dosage?.text || t('medications.item.noDosage')}</Typography>
      {structured && (
        <Typography variant="body2" color="text.secondary">
          {t('medications.item.structured', { text: structuredText(structured, t) })}
        </Typography>
      )}
      {dates.length > 0 && <Typography variant="body2">{dates.join(' · ')}</Typography>}
      {stopReason && <Typography variant="body2">{t('medications.item.stopReason', { reason: stopReason })}</Typography>}
      <RecordedBy provenance={provenance} date={recordedAt(statement)} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
        <Button size="small" aria-expanded={showHistory} aria-controls={historyId} aria-label={t('medications.item.historyFor', { drug: name })} onClick={() => setShowHistory((v) => !v)}>
          {t('medications.item.history')}
        </Button>
        {canEdit && current && (
          <>
            <Button size="small" variant="outlined" aria-label={t('medications.item.changeFor', { drug: name })} onClick={onChange}>
              {t('medications.item.change')}
            </Button>
            <Button size="small" variant="outlined" color="error" aria-label={t('medications.item.stopFor', { drug: name })} onClick={onStop}>
              {t('medications.item.stop')}
            </Button>
          </>
        )}
      </Box>
      <Box id={historyId}>{showHistory && <MedicationHistory statement={statement} rule={rule} label={t('medications.item.historyFor', { drug: name })} />}</Box>
    </ListItem>
  );
}
