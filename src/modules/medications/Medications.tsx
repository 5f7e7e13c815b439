import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicationStatement } from 'fhir/r4';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import Switch from '@mui/material/Switch';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ServiceCode } from '../../domain/services';
import { useFhirSearch } from '../../fhir/hooks';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryState } from '../../ui/QueryList';
import { EventList } from './HistoryList';
import { medsEn, medsNb } from './i18n';
import { MedicationDialog } from './MedicationDialog';
import { MedicationItem } from './MedicationItem';
import { isCurrent, isPrescriber, recordedAt, sortStatements, type FormMode } from './model';
import { medicationSearches } from './searches';
import { useMedicationEvents, useMedicationStatements } from './useMedications';

registerModuleStrings('medications', { nb: medsNb, en: medsEn });

type View = 'current' | 'history';

interface DialogState {
  mode: FormMode;
  statement?: MedicationStatement;
  /** Remounts the form each time it is opened. */
  key: number;
}

/**
 * The patient's medication list (PLL): one shared, current list of medicines with dosage in
 * words and structured, start, reason for use and who recorded it where; filter by service;
 * stopped and completed medicines on request; the change log of the list and of each medicine.
 * Prescribers (GPs and emergency clinic doctors) start, change and stop medicines; everyone else
 * reads.
 */
export default function Medications({ patientId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const canEdit = isPrescriber(persona?.personnelGroup);
  const [view, setView] = useState<View>('current');
  const [showEnded, setShowEnded] = useState(false);
  const [service, setService] = useState<ServiceCode | ''>('');
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const list = useMedicationStatements(patientId, showEnded || view === 'history');
  const log = useMedicationEvents(list.statements, view === 'history');
  const conditions = useFhirSearch('Condition', patientId && canEdit ? medicationSearches.conditions(patientId) : undefined);
  const rule = useNewEntryRule(patientId);

  const refs = useMemo(() => [...list.statements.map((ms) => ms.informationSource), ...log.events.map((e) => e.by)], [list.statements, log.events]);
  const provenance = useProvenance(refs);

  const shown = useMemo(() => sortStatements(list.statements.filter((ms) => ms.status !== 'entered-in-error' && (showEnded || isCurrent(ms)))), [list.statements, showEnded]);
  const { describe } = provenance;
  const counts = useMemo(
    () => (view === 'current' ? serviceCounts(shown, (ms) => describe(ms.informationSource).service) : serviceCounts(log.events, (e) => describe(e.by).service)),
    [view, shown, log.events, describe],
  );
  const filtered = service ? shown.filter((ms) => describe(ms.informationSource).service === service) : shown;
  const filteredEvents = service ? log.events.filter((e) => describe(e.by).service === service) : log.events;

  const open = (mode: FormMode, statement?: MedicationStatement) => {
    setMessage(null);
    setDialog({ mode, key: Date.now(), ...(statement ? { statement } : {}) });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        {canEdit && patientId && (
          <Button variant="contained" startIcon={<AddIcon />} size={device === 'tablet' ? 'large' : 'medium'} onClick={() => open('start')}>
            {t('medications.start')}
          </Button>
        )}
        <ToggleButtonGroup exclusive size="small" value={view} onChange={(_, v: View | null) => v && setView(v)} aria-label={t('medications.view.label')}>
          <ToggleButton value="current">{t('medications.view.current')}</ToggleButton>
          <ToggleButton value="history">{t('medications.view.history')}</ToggleButton>
        </ToggleButtonGroup>
        <ServiceFilter value={service} onChange={setService} counts={counts} />
        {view === 'current' && (
          <FormControlLabel sx={device === 'tablet' ? { minHeight: 48 } : undefined} control={<Switch checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />} label={t('medications.includeInactive')} />
        )}
      </Box>
      {persona && !canEdit && (
        <Typography variant="body2" color="text.secondary">
          {t('medications.readOnly')}
        </Typography>
      )}
      {message && (
        <Alert severity="success" role="status" onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {provenance.error && (
        <Typography variant="body2" color="text.secondary">
          {t('provenance.lookupFailed')}
        </Typography>
      )}
      <QueryState
        error={list.error}
        onRetry={list.refetch}
        loaded={list.loaded}
        isEmpty={view === 'current' && filtered.length === 0}
        empty={
          <Typography color="text.secondary">{shown.length > 0 ? t('medications.noneForService') : showEnded ? t('medications.noneAtAll') : t('medications.none')}</Typography>
        }
      >
        {view === 'current' ? (
          <List dense disablePadding aria-label={t('medications.listLabel')}>
            {filtered.map((ms) => (
              <MedicationItem
                key={ms.id}
                statement={ms}
                provenance={describe(ms.informationSource)}
                isNew={isNewEntry(rule, recordedAt(ms), ms.informationSource)}
                canEdit={canEdit}
                rule={rule}
                onChange={() => open('change', ms)}
                onStop={() => open('stop', ms)}
              />
            ))}
          </List>
        ) : (
          <Box>
            <Typography component="h3" variant="h3" sx={{ mb: 0.5 }}>
              {t('medications.history.title')}
            </Typography>
            <QueryState
              error={log.error}
              onRetry={log.refetch}
              loaded={!log.isPending}
              isEmpty={filteredEvents.length === 0}
              empty={!list.error && <Typography color="text.secondary">{service ? t('medications.noEventsForService') : t('medications.history.none')}</Typography>}
            >
              <EventList events={filteredEvents} describe={(e) => describe(e.by)} rule={rule} label={t('medications.historyLabel')} showMedication />
            </QueryState>
          </Box>
        )}
      </QueryState>
      {dialog && patientId && (
        <MedicationDialog
          key={dialog.key}
          mode={dialog.mode}
          patientId={patientId}
          base={dialog.statement}
          conditions={conditions.data?.resources ?? []}
          device={device}
          onClose={() => setDialog(null)}
          onSaved={(text) => {
            setDialog(null);
            setMessage(text);
          }}
          onTookTheirs={() => {
            setDialog(null);
            setMessage(t('medications.saved.tookTheirs'));
          }}
        />
      )}
    </Box>
  );
}
