import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicationStatement } from 'fhir/r4';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useFhirHistory } from '../../fhir/hooks';
import { isNewEntry, type NewEntryRule } from '../../journal/chartVisits';
import type { Provenance } from '../../journal/provenance';
import { NewChip, RecordedBy } from '../../journal/RecordedBy';
import { useProvenance } from '../../journal/useProvenance';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { formatDate } from '../../ui/dates';
import { medicationHistory, type MedEvent } from './model';

function EventDetails({ event }: { event: MedEvent }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (event.kind === 'started') {
    if (event.to) lines.push(t('medications.history.dosage', { text: event.to }));
    if (event.reason) lines.push(t('medications.history.indication', { text: event.reason }));
  } else {
    if (event.from !== undefined || event.to !== undefined) lines.push(t('medications.history.fromTo', { from: event.from ?? '–', to: event.to ?? '–' }));
    if (event.reason) lines.push(t('medications.history.why', { text: event.reason }));
  }
  return (
    <>
      {lines.map((line) => (
        <Typography key={line} variant="body2" sx={{ overflowWrap: 'anywhere' }}>
          {line}
        </Typography>
      ))}
    </>
  );
}

/** Changes as a list, newest first: what happened (and when it took effect), why, and who recorded it where. */
export function EventList({
  events,
  describe,
  rule,
  label,
  showMedication,
}: {
  events: readonly MedEvent[];
  describe: (event: MedEvent) => Provenance;
  rule: NewEntryRule;
  label: string;
  showMedication: boolean;
}) {
  const { t } = useTranslation();
  if (events.length === 0) return <Typography color="text.secondary">{t('medications.history.none')}</Typography>;
  return (
    <List dense disablePadding aria-label={label}>
      {events.map((e) => (
        <ListItem key={e.key} disableGutters sx={{ display: 'block', py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
          <Typography sx={{ fontWeight: 600 }}>
            {showMedication && `${e.medication}: `}
            {t(`medications.history.event.${e.kind}`)}
            {e.effective && ` ${formatDate(e.effective)}`}
            {isNewEntry(rule, e.recorded, e.by) && <NewChip />}
          </Typography>
          <EventDetails event={e} />
          <RecordedBy provenance={describe(e)} date={e.recorded} />
        </ListItem>
      ))}
    </List>
  );
}

/** One medicine's history, from the resource's `_history`. */
export function MedicationHistory({ statement, rule, label }: { statement: MedicationStatement; rule: NewEntryRule; label: string }) {
  const { t } = useTranslation();
  const history = useFhirHistory('MedicationStatement', statement.id);
  const events = useMemo(() => medicationHistory(history.data?.length ? history.data : [statement]), [history.data, statement]);
  const refs = useMemo(() => events.map((e) => e.by), [events]);
  const provenance = useProvenance(refs);
  // A refresh that fails says so above the history shown, which stays; with none, the error alone.
  const alert = history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null;
  if (history.isPending || history.data === undefined) return alert ?? <LoadingLines />;
  return (
    <Box sx={{ pl: 2, borderLeft: 3, borderColor: 'divider', mt: 1 }}>
      {alert}
      {provenance.error && (
        <Typography variant="body2" color="text.secondary">
          {t('provenance.lookupFailed')}
        </Typography>
      )}
      <EventList events={events} describe={(e) => provenance.describe(e.by)} rule={rule} label={label} showMedication={false} />
    </Box>
  );
}
