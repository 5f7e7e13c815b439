import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alpha } from '@mui/material/styles';
import ReportIcon from '@mui/icons-material/Report';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { NewChip, RecordedBy, provenanceText } from '../../journal/RecordedBy';
import type { Provenance } from '../../journal/provenance';
import type { Reference } from 'fhir/r4';
import { formatDate, formatDateTime } from '../../ui/dates';
import { EntryHistory } from './EntryHistory';
import { sourceText } from './labels';
import type { CriticalEntry } from './model';

/**
 * One entry: what, its reaction and certainty, the source, who recorded it and where, and (for
 * those who may) correct and refute. A severe reaction has a red edge and the word "Alvorlig";
 * a refuted entry is struck through and says "Avkreftet".
 */
export function EntryItem({
  entry,
  describe,
  isNew,
  canEdit,
  device,
  onEdit,
  onRefute,
}: {
  entry: CriticalEntry;
  describe: (ref: Reference | undefined) => Provenance;
  isNew: boolean;
  canEdit: boolean;
  device: DeviceClass;
  onEdit: () => void;
  onRefute: () => void;
}) {
  const { t } = useTranslation();
  const historyId = useId();
  const [showHistory, setShowHistory] = useState(false);
  const severe = entry.severe && !entry.refuted;
  const details = [
    entry.atcCode ? t('criticalInfo.entry.atc', { code: entry.atcCode }) : null,
    entry.reaction ? t('criticalInfo.entry.reaction', { text: entry.reaction }) : null,
    entry.certainty ? t('criticalInfo.entry.certainty', { text: t(`criticalInfo.certainty.${entry.certainty}`) }) : null,
    entry.startDate ? t('criticalInfo.entry.since', { date: formatDate(entry.startDate) }) : null,
  ].filter(Boolean);
  const changed = entry.version > 1 && entry.changedBy;
  const buttonSize = device === 'tablet' ? 'medium' : 'small';
  const editable = canEdit && !entry.refuted && entry.category !== undefined;

  return (
    <Box
      component="li"
      sx={(theme) => ({
        listStyle: 'none',
        borderLeft: severe ? 6 : 4,
        borderColor: entry.refuted ? 'divider' : severe ? 'error.main' : 'warning.main',
        bgcolor: severe ? alpha(theme.palette.error.main, theme.palette.mode === 'dark' ? 0.16 : 0.07) : undefined,
        borderRadius: 0.5,
        pl: 1.5,
        pr: 1,
        py: 0.75,
        mb: 1,
      })}
    >
      <Typography component="p" sx={{ fontWeight: 700, m: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, overflowWrap: 'anywhere' }}>
        <Box component="span" sx={entry.refuted ? { textDecoration: 'line-through', color: 'text.secondary' } : undefined}>
          {entry.text}
        </Box>
        {severe && <Chip component="span" size="small" color="error" icon={<ReportIcon aria-hidden />} label={t('criticalInfo.severe')} sx={{ fontWeight: 700, height: 24 }} />}
        {entry.refuted && <Chip component="span" size="small" variant="outlined" label={t('criticalInfo.refuted')} sx={{ height: 24 }} />}
        {isNew && <NewChip />}
      </Typography>
      {details.length > 0 && (
        <Typography variant="body2" sx={entry.refuted ? { textDecoration: 'line-through' } : undefined}>
          {details.join(' · ')}
        </Typography>
      )}
      <Typography variant="body2">{sourceText(t, entry)}</Typography>
      <RecordedBy provenance={describe(entry.recorder)} date={entry.recordedDate} />
      {changed && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {t('criticalInfo.entry.changed', { date: formatDateTime(entry.lastUpdated), who: provenanceText(t, describe(entry.changedBy)) })}
        </Typography>
      )}
      {entry.refuted && entry.refutedReason && <Typography variant="body2">{t('criticalInfo.entry.refutedReason', { text: entry.refutedReason })}</Typography>}
      {(editable || entry.version > 1) && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 0.5 }}>
          {editable && (
            <>
              <Button size={buttonSize} variant="outlined" onClick={onEdit} aria-label={t('criticalInfo.action.editLabel', { name: entry.text })}>
                {t('criticalInfo.action.edit')}
              </Button>
              <Button size={buttonSize} variant="outlined" color="error" onClick={onRefute} aria-label={t('criticalInfo.action.refuteLabel', { name: entry.text })}>
                {t('criticalInfo.action.refute')}
              </Button>
            </>
          )}
          {entry.version > 1 && (
            <Button
              size={buttonSize}
              onClick={() => setShowHistory((v) => !v)}
              aria-expanded={showHistory}
              aria-controls={showHistory ? historyId : undefined}
              aria-label={t('criticalInfo.action.historyLabel', { name: entry.text })}
            >
              {t('criticalInfo.action.history')}
            </Button>
          )}
        </Box>
      )}
      {showHistory && <EntryHistory entry={entry} id={historyId} />}
    </Box>
  );
}
