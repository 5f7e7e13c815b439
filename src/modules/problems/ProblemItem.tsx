import { useTranslation } from 'react-i18next';
import type { Condition } from 'fhir/r4';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { NewChip, RecordedBy } from '../../journal/RecordedBy';
import type { Provenance } from '../../journal/provenance';
import { formatDate, formatDateTime } from '../../ui/dates';
import { categoryOf, clinicalStatusOf, diagnosisOf, editedByOf, problemText } from './model';

/**
 * One problem: code and classification, the clinician's text, status (in words), onset and
 * resolved dates, note, who set it and where, and who changed it last.
 */
export function ProblemItem({
  condition,
  provenance,
  isNew,
  canEdit,
  onEdit,
  tablet,
}: {
  condition: Condition;
  provenance: Provenance;
  isNew: boolean;
  canEdit: boolean;
  onEdit: () => void;
  tablet: boolean;
}) {
  const { t } = useTranslation();
  const diagnosis = diagnosisOf(condition);
  const text = problemText(condition);
  const status = clinicalStatusOf(condition);
  const category = categoryOf(condition);
  const editedBy = editedByOf(condition);
  const note = condition.note?.[0]?.text;
  const facts = [
    diagnosis ? t('problems.codeTitle', { system: t(`problems.system.${diagnosis.system}`), code: diagnosis.code }) : null,
    condition.onsetDateTime ? t('problems.onsetOn', { date: formatDate(condition.onsetDateTime) }) : null,
    status === 'resolved' && condition.abatementDateTime ? t('problems.resolvedOn', { date: formatDate(condition.abatementDateTime) }) : null,
    category ? t(`problems.category.${category}`) : null,
  ].filter(Boolean);

  return (
    <ListItem disableGutters sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5, borderBottom: 1, borderColor: 'divider', py: 1.25 }}>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography component="p" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          {diagnosis && (
            <>
              <Box component="span" sx={{ fontFamily: 'monospace', mr: 0.5 }}>
                {diagnosis.code}
              </Box>{' '}
            </>
          )}
          {text}{' '}
          <Chip
            component="span"
            size="small"
            variant={status === 'active' ? 'filled' : 'outlined'}
            color={status === 'active' ? 'success' : 'default'}
            label={t(`problems.status.${status}`)}
            sx={{ ml: 0.5, height: 22, verticalAlign: 'text-bottom', fontWeight: 500 }}
          />
          {isNew && <NewChip />}
        </Typography>
        <Typography variant="body2">{facts.join(' · ')}</Typography>
        {note && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', fontStyle: 'italic' }}>
            {note}
          </Typography>
        )}
        <RecordedBy provenance={provenance} date={condition.recordedDate} />
        {editedBy && (
          <Typography variant="body2" color="text.secondary">
            {editedBy.display
              ? t('problems.editedBy', { date: formatDateTime(condition.meta?.lastUpdated), name: editedBy.display })
              : t('problems.editedByUnknown', { date: formatDateTime(condition.meta?.lastUpdated) })}
          </Typography>
        )}
      </Box>
      {canEdit && (
        <Button variant="outlined" size={tablet ? 'large' : 'small'} startIcon={<EditIcon />} aria-label={t('problems.editLabel', { text })} onClick={onEdit} sx={{ flexShrink: 0 }}>
          {t('problems.edit')}
        </Button>
      )}
    </ListItem>
  );
}
