import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Skeleton from '@mui/material/Skeleton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ModuleProps } from '../../layout/types';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import type { Provenance } from '../../journal/provenance';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { labResultsEn, labResultsNb } from '../../i18n/labResults';
import { MarkSeenFeedback, type MarkSeenResult } from '../../ui/MarkSeenFeedback';
import { useActionFeedback } from '../../ui/useActionFeedback';
import { countReports, filterReports, isFiltered, NO_FILTER, type KindFilter, type ReportFilter, type ReportView } from '../../fhir/results/model';
import { ReportCard } from './ReportCard';
import { ReportList } from './ReportList';
import { REVIEWER_GROUPS } from '../../fhir/results/review';
import { TrendPanel } from './TrendPanel';
import { useLabResults } from './useLabResults';
import { useMarkSeen } from '../../fhir/results/useMarkSeen';
import { TabBar } from '../../ui/TabBar';

registerModuleStrings('labResults', { nb: labResultsNb, en: labResultsEn });

type TabKey = 'results' | 'trend';


/**
 * Lab and radiology results: every report of the patient (hospital labs, the GP office's own lab,
 * private labs, radiology), grouped by request, newest first, with results nobody has seen yet
 * that are outside the reference range on top; filters by type, abnormal results and service;
 * "mark as seen" for the GP office; a trend per analysis.
 */
export default function LabResults({ patientId, config, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const rule = useNewEntryRule(patientId);
  const results = useLabResults(patientId);
  const { views, describe, serviceOf } = results;
  const mark = useMarkSeen();
  const [tab, setTab] = useState<TabKey>('results');
  const [filter, setFilter] = useState<ReportFilter>(NO_FILTER);
  const { feedback, setFeedback, ref: feedbackRef } = useActionFeedback<MarkSeenResult>();
  const tabsId = useId();
  const size = device === 'tablet' ? 'medium' : 'small';
  const canReview = Boolean(persona && REVIEWER_GROUPS.includes(persona.personnelGroup));

  const provenanceById = useMemo(() => new Map<string, Provenance>(views.map((v) => [v.id, describe(v)])), [views, describe]);
  const shown = useMemo(() => filterReports(views, filter, (v) => provenanceById.get(v.id)?.service), [views, filter, provenanceById]);
  const counts = useMemo(() => countReports(views), [views]);
  const services = useMemo(() => serviceCounts(views, serviceOf), [views, serviceOf]);

  const markSeen = (view: ReportView) => {
    if (!persona) return;
    setFeedback(null);
    const title = view.title || t(`labResults.kind.${view.kind}`);
    mark.mutate(
      { report: view.resource, observations: view.observations, reviewer: { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name } },
      {
        onSuccess: (outcome) =>
          setFeedback(outcome === 'already-seen' ? { kind: 'already', text: t('labResults.alreadySeen', { title }) } : { kind: 'saved', text: t('labResults.markedSeen', { title }) }),
        onError: (error) => setFeedback({ kind: 'error', error }),
      },
    );
  };

  const renderItem = (view: ReportView) => (
    <ReportCard
      view={view}
      provenance={provenanceById.get(view.id) ?? { name: '', unitName: '' }}
      isNew={isNewEntry(rule, view.issued, view.performer)}
      device={device}
      onMarkSeen={canReview && view.unseen ? () => markSeen(view) : undefined}
      marking={mark.isPending && mark.variables?.report.id === view.id}
    />
  );

  const summaryParts = [isFiltered(filter) ? t('labResults.summary.shown', { shown: shown.length, total: counts.total }) : t('labResults.summary.count', { count: counts.total })];
  if (counts.unseen > 0) summaryParts.push(t('labResults.summary.unseen', { count: counts.unseen }));
  if (counts.unseenAbnormal > 0) summaryParts.push(t('labResults.summary.unseenAbnormal', { count: counts.unseenAbnormal }));
  const summary = summaryParts.join(' · ');

  if (results.error) return <ErrorAlert error={results.error} onRetry={results.refetch} />;
  if (results.isPending) {
    return (
      <Box role="status" aria-label={t('common.loading')}>
        <Skeleton height={40} />
        <Skeleton />
        <Skeleton width="70%" />
      </Box>
    );
  }
  if (views.length === 0) return <Typography color="text.secondary">{t('labResults.none')}</Typography>;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2, rowGap: 0.5 }}>
        <TabBar
          label={t('labResults.tabs.label')}
          value={tab}
          onChange={setTab}
          tabs={(['results', 'trend'] as const).map((k) => ({ value: k, label: t(`labResults.tabs.${k}`), id: `${tabsId}-${k}-tab`, controls: `${tabsId}-${k}` }))}
        />
        <Typography variant="body2" role="status" aria-live="polite" sx={{ ml: 'auto', fontWeight: counts.unseenAbnormal > 0 ? 600 : 400 }}>
          {summary}
        </Typography>
      </Box>
      {results.lookupError && (
        <Alert severity="info" variant="outlined">
          {t('provenance.lookupFailed')}
        </Alert>
      )}
      {feedback && <MarkSeenFeedback result={feedback} onClose={() => setFeedback(null)} feedbackRef={feedbackRef} />}
      {tab === 'results' ? (
        <Box role="tabpanel" id={`${tabsId}-results`} aria-labelledby={`${tabsId}-results-tab`} sx={{ display: 'flex', flexDirection: 'column', gap: 1, flex: '1 1 auto', minHeight: 0 }}>
          <Box component="form" role="search" aria-label={t('labResults.filters.label')} onSubmit={(e) => e.preventDefault()} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', pt: 0.5 }}>
            <TextField
              select
              size={size}
              label={t('labResults.filters.kind')}
              value={filter.kind}
              onChange={(e) => setFilter((f) => ({ ...f, kind: e.target.value as KindFilter }))}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              sx={{ minWidth: 170 }}
            >
              <option value="all">{t('labResults.filters.kinds.all', { count: counts.total })}</option>
              <option value="lab">{t('labResults.filters.kinds.lab', { count: counts.lab })}</option>
              <option value="rad">{t('labResults.filters.kinds.rad', { count: counts.rad })}</option>
            </TextField>
            <ServiceFilter value={filter.service} onChange={(service) => setFilter((f) => ({ ...f, service }))} counts={services} />
            <FormControlLabel
              control={<Checkbox checked={filter.abnormalOnly} onChange={(e) => setFilter((f) => ({ ...f, abnormalOnly: e.target.checked }))} />}
              label={t('labResults.filters.abnormalOnly')}
            />
            {isFiltered(filter) && (
              <Button size={size} onClick={() => setFilter(NO_FILTER)}>
                {t('labResults.clearFilters')}
              </Button>
            )}
          </Box>
          {shown.length === 0 ? <Typography color="text.secondary">{t('labResults.noneFiltered')}</Typography> : <ReportList views={shown} device={device} renderItem={renderItem} />}
        </Box>
      ) : (
        <Box role="tabpanel" id={`${tabsId}-trend`} aria-labelledby={`${tabsId}-trend-tab`} sx={{ pt: 0.5 }}>
          <TrendPanel views={views} device={device} config={config} />
        </Box>
      )}
    </Box>
  );
}
