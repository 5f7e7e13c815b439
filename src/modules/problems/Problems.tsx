import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from 'fhir/r4';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import Typography from '@mui/material/Typography';
import type { ServiceCode } from '../../domain/services';
import { useFhirSearch } from '../../fhir/hooks';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { problemsEn, problemsNb } from './i18n';
import { canSetDiagnoses, clinicalStatusOf, isListed, sortProblems } from './model';
import { ProblemDialog, type DialogOutcome } from './ProblemDialog';
import { ProblemItem } from './ProblemItem';
import { problemSearches } from './searches';
import { TabBar } from '../../ui/TabBar';

registerModuleStrings('problems', { nb: problemsNb, en: problemsEn });

type View = 'active' | 'resolved' | 'all';
const VIEWS: readonly View[] = ['active', 'resolved', 'all'];

/** Which dialog is open, for which patient (a dialog never follows the user to another patient). */
type Editing = { patientId: string; start?: Condition };

/**
 * Problems and diagnoses: active and resolved, ICPC-2 or ICD-10, newest onset first, each with
 * who set it and where; filterable by service. Doctors add problems and change them (resolve,
 * reactivate, correct); everyone else reads.
 */
export default function Problems({ patientId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const canEdit = canSetDiagnoses(persona?.personnelGroup);
  const tablet = device === 'tablet';
  const search = useFhirSearch('Condition', patientId ? problemSearches.all(patientId) : undefined);
  const listed = useMemo(() => sortProblems((search.data?.resources ?? []).filter(isListed)), [search.data]);
  const recorders = useMemo(() => listed.map((c) => c.recorder), [listed]);
  const provenance = useProvenance(recorders);
  const rule = useNewEntryRule(patientId);
  const [view, setView] = useState<View>('active');
  const [service, setService] = useState<ServiceCode | ''>('');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<{ patientId: string; text: string } | null>(null);
  const baseId = useId();
  const panelId = `${baseId}-panel`;

  const byView = useMemo(
    () => ({
      active: listed.filter((c) => clinicalStatusOf(c) === 'active'),
      resolved: listed.filter((c) => clinicalStatusOf(c) === 'resolved'),
      all: listed,
    }),
    [listed],
  );
  const inView = byView[view];
  const serviceOf = (c: Condition) => provenance.describe(c.recorder).service;
  const counts = serviceCounts(inView, serviceOf);
  const shown = service ? inView.filter((c) => serviceOf(c) === service) : inView;

  const close = (outcome: DialogOutcome) => {
    setEditing(null);
    if (!patientId) return;
    if (outcome === 'saved') setMessage({ patientId, text: t('problems.saved') });
    else if (outcome === 'discarded') setMessage({ patientId, text: t('problems.theirsKept') });
  };

  const emptyText = service ? t('problems.empty.filtered') : t(`problems.empty.${view}`);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        {canEdit ? (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            size={tablet ? 'large' : 'medium'}
            disabled={!patientId || !persona}
            onClick={() => {
              setMessage(null);
              if (patientId) setEditing({ patientId });
            }}
          >
            {t('problems.add')}
          </Button>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('problems.readOnly')}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <ServiceFilter value={service} onChange={setService} counts={counts} />
      </Box>
      {message && message.patientId === patientId && (
        <Alert severity="success" role="status" onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <TabBar
        label={t('problems.tabs.label')}
        value={view}
        onChange={setView}
        tabs={VIEWS.map((v) => ({ value: v, id: `${baseId}-tab-${v}`, controls: panelId, label: t(`problems.tabs.${v}`, { count: byView[v].length }) }))}
      />
      <Box role="tabpanel" id={panelId} aria-labelledby={`${baseId}-tab-${view}`}>
        {/* A refresh that fails says so above the list, which stays. */}
        {search.error && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
        {search.isPending ? (
          !search.error && <LoadingLines />
        ) : !search.data ? null : shown.length === 0 ? (
          <Typography color="text.secondary">{emptyText}</Typography>
        ) : (
          <List dense disablePadding aria-label={t('problems.listLabel')}>
            {shown.map((c) => (
              <ProblemItem
                key={c.id}
                condition={c}
                provenance={provenance.describe(c.recorder)}
                isNew={isNewEntry(rule, c.recordedDate, c.recorder)}
                canEdit={canEdit}
                onEdit={() => {
                  setMessage(null);
                  if (patientId) setEditing({ patientId, start: c });
                }}
                tablet={tablet}
              />
            ))}
          </List>
        )}
        {provenance.error && !search.error && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('provenance.lookupFailed')}
          </Typography>
        )}
      </Box>
      {editing && persona && editing.patientId === patientId && (
        <ProblemDialog patientId={editing.patientId} persona={persona} start={editing.start} device={device} onClose={close} />
      )}
    </Box>
  );
}
