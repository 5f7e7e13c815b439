import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, Composition, Encounter, Reference } from 'fhir/r4';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { codingOf, conceptText } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { useCriticalInformation } from '../../fhir/patients';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { NewChip, provenanceText } from '../../journal/RecordedBy';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { formatDate, formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { overviewEn, overviewNb } from './i18n';
import { latestVitals, sectionsOf, summariseReports, type OverviewSection } from './model';
import { OVERVIEW_LIMIT, overviewSearches } from './searches';

registerModuleStrings('overview', { nb: overviewNb, en: overviewEn });

/** The module that shows each section in full, when it is on the page ("show all" moves focus there). */
const FULL_MODULE: Record<OverviewSection, { id: string; titleKey: string }> = {
  critical: { id: 'critical-info', titleKey: 'critical.title' },
  problems: { id: 'problems', titleKey: 'problems.title' },
  medications: { id: 'medications', titleKey: 'medications.title' },
  vitals: { id: 'vital-signs', titleKey: 'vitals.title' },
  results: { id: 'lab-results', titleKey: 'labResults.title' },
  notes: { id: 'journal-notes', titleKey: 'journal.title' },
  appointments: { id: 'encounters', titleKey: 'encounters.title' },
};

const lineSx = { py: 0.5, borderBottom: 1, borderColor: 'divider', '&:last-child': { borderBottom: 0 } } as const;

function Section({ section, present, children }: { section: OverviewSection; present: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const full = FULL_MODULE[section];
  const headingId = `overview-${section}`;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>
      <Typography component="h3" variant="h3" id={headingId} sx={{ mb: 0.5 }}>
        {t(`overview.section.${section}`)}
      </Typography>
      {children}
      {present && (
        <Button
          size="small"
          sx={{ mt: 0.5, px: 0.5 }}
          onClick={() => {
            const el = document.getElementById(`module-${full.id}`);
            el?.scrollIntoView({ block: 'start' });
            el?.focus();
          }}
        >
          {t('overview.showAll', { module: t(full.titleKey) })}
        </Button>
      )}
    </Box>
  );
}

function More({ total, shown }: { total: number; shown: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <Typography variant="body2" color="text.secondary">
      {t('overview.more', { count: total - shown })}
    </Typography>
  );
}

function Empty({ section }: { section: OverviewSection }) {
  const { t } = useTranslation();
  return (
    <Typography variant="body2" color="text.secondary">
      {t(`overview.none.${section}`)}
    </Typography>
  );
}

function State({ isPending, error, onRetry, children }: { isPending: boolean; error: unknown; onRetry?: () => void; children: ReactNode }) {
  if (error) return <ErrorAlert error={error} onRetry={onRetry} />;
  if (isPending) return <LoadingLines />;
  return <>{children}</>;
}

function participantsText(a: Appointment | Encounter): string {
  const actors: (Reference | undefined)[] =
    a.resourceType === 'Appointment' ? a.participant.map((p) => p.actor) : (a.participant ?? []).map((p) => p.individual);
  return actors
    .filter((r) => r?.display && !r.reference?.startsWith('Patient/'))
    .map((r) => r?.display)
    .join(', ');
}

/**
 * The patient summary: the newest few of everything on one screen (critical information,
 * problems, medications, the latest vital signs, results, notes, appointments), each with who
 * recorded it and "new" markers, and a way to the full module. Which sections show, and in
 * which order, is the module's setting (`config.sections`), like any layout module's.
 */
export default function Overview({ patientId, config }: ModuleProps) {
  const { t, i18n } = useTranslation();
  const sections = sectionsOf(config);
  const show = (s: OverviewSection) => sections.includes(s);
  const [now] = useState(() => new Date());
  const rule = useNewEntryRule(patientId);

  const critical = useCriticalInformation(show('critical') ? patientId : undefined);
  const problems = useFhirSearch('Condition', patientId && show('problems') ? overviewSearches.problems(patientId) : undefined);
  const meds = useFhirSearch('MedicationStatement', patientId && show('medications') ? overviewSearches.medications(patientId) : undefined);
  const vitals = useFhirSearch('Observation', patientId && show('vitals') ? overviewSearches.vitals(patientId) : undefined);
  const reports = useFhirSearch('DiagnosticReport', patientId && show('results') ? overviewSearches.reports(patientId) : undefined);
  const notes = useFhirSearch('Composition', patientId && show('notes') ? overviewSearches.notes(patientId) : undefined);
  const upcoming = useFhirSearch('Appointment', patientId && show('appointments') ? overviewSearches.upcoming(patientId, now) : undefined);
  const encounters = useFhirSearch('Encounter', patientId && show('appointments') ? overviewSearches.encounters(patientId) : undefined);

  const latest = useMemo(() => latestVitals(vitals.data?.resources ?? [], i18n.language === 'en' ? 'en-GB' : 'nb-NO'), [vitals.data, i18n.language]);
  const reportSummaries = useMemo(() => summariseReports(reports.data?.bundle), [reports.data]);
  const nextAppointments = useMemo(
    () => (upcoming.data?.resources ?? []).filter((a) => a.start && new Date(a.start) >= now && a.status !== 'cancelled' && a.status !== 'noshow').slice(0, OVERVIEW_LIMIT.upcoming),
    [upcoming.data, now],
  );

  const refs = useMemo(
    () => [
      ...(notes.data?.resources ?? []).flatMap((n: Composition) => [n.author?.[0], n.custodian]),
      ...reportSummaries.map((r) => r.report.performer?.[0]),
      ...latest.map((v) => v.observation.performer?.[0]),
      ...(encounters.data?.resources ?? []).map((e) => e.serviceProvider),
    ],
    [notes.data, reportSummaries, latest, encounters.data],
  );
  const provenance = useProvenance(refs);

  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const ids = Object.values(FULL_MODULE).map((m) => m.id);
    const check = () => setPresent(new Set(ids.filter((id) => document.getElementById(`module-${id}`))));
    check();
    const timer = window.setTimeout(check, 500);
    return () => window.clearTimeout(timer);
  }, []);
  const isPresent = (s: OverviewSection) => present.has(FULL_MODULE[s].id);

  const allergies = [...critical.allergies].sort((a, b) => Number(b.criticality === 'high') - Number(a.criticality === 'high'));
  const render: Record<OverviewSection, () => ReactNode> = {
    critical: () => (
      <State isPending={critical.isPending} error={critical.error}>
        {allergies.length + critical.flags.length === 0 && <Empty section="critical" />}
        {allergies.map((a) => {
          const severe = a.criticality === 'high' || a.reaction?.some((r) => r.severity === 'severe');
          return (
            <Box key={a.id} sx={lineSx}>
              <Typography component="span" sx={{ fontWeight: 700, color: severe ? 'error.main' : undefined }}>
                {conceptText(a.code)}
              </Typography>
              {severe && <Chip size="small" color="error" label={t('overview.severe')} sx={{ ml: 1, height: 22 }} />}
            </Box>
          );
        })}
        {critical.flags.map((f) => (
          <Box key={f.id} sx={lineSx}>
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {conceptText(f.code)}
            </Typography>
          </Box>
        ))}
      </State>
    ),
    problems: () => {
      const list = problems.data?.resources ?? [];
      return (
        <State isPending={problems.isPending} error={problems.error} onRetry={() => void problems.refetch()}>
          {list.length === 0 && <Empty section="problems" />}
          {list.slice(0, OVERVIEW_LIMIT.problems).map((c) => {
            const code = (codingOf(c.code, CODE_SYSTEM.icpc2) ?? codingOf(c.code, CODE_SYSTEM.icd10))?.code;
            return (
              <Box key={c.id} sx={lineSx}>
                {code && <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700, mr: 1 }}>{code}</Box>}
                {conceptText(c.code)}
                {c.onsetDateTime && (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' · '}
                    {formatDate(c.onsetDateTime)}
                  </Typography>
                )}
              </Box>
            );
          })}
          <More total={list.length} shown={OVERVIEW_LIMIT.problems} />
        </State>
      );
    },
    medications: () => {
      const list = meds.data?.resources ?? [];
      return (
        <State isPending={meds.isPending} error={meds.error} onRetry={() => void meds.refetch()}>
          {list.length === 0 && <Empty section="medications" />}
          {list.slice(0, OVERVIEW_LIMIT.medications).map((m) => (
            <Box key={m.id} sx={lineSx}>
              <Typography component="span" sx={{ fontWeight: 600 }}>
                {conceptText(m.medicationCodeableConcept) || m.medicationReference?.display}
              </Typography>
              {m.dosage?.[0]?.text && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {' · '}
                  {m.dosage[0].text}
                </Typography>
              )}
            </Box>
          ))}
          <More total={list.length} shown={OVERVIEW_LIMIT.medications} />
        </State>
      );
    },
    vitals: () => {
      const newest = latest.reduce<string | undefined>((acc, v) => (v.date && (!acc || v.date > acc) ? v.date : acc), undefined);
      const newestObs = latest.find((v) => v.date === newest)?.observation;
      return (
        <State isPending={vitals.isPending} error={vitals.error} onRetry={() => void vitals.refetch()}>
          {latest.length === 0 && <Empty section="vitals" />}
          {latest.length > 0 && (
            <>
              <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.25, m: 0 }}>
                {latest.map((v) => (
                  <Box key={v.key} sx={{ display: 'contents' }}>
                    <Typography component="dt" variant="body2" color="text.secondary">
                      {t(`overview.vital.${v.key}`)}
                    </Typography>
                    <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: v.key === 'news2' && (v.score ?? 0) >= 5 ? 700 : 400, color: v.key === 'news2' && (v.score ?? 0) >= 5 ? 'error.main' : undefined }}>
                      {v.value}
                      {v.unit && ` ${v.unit}`}
                      {v.date !== newest && v.date && ` (${formatDate(v.date)})`}
                      {isNewEntry(rule, v.date, v.observation.performer?.[0]) && <NewChip />}
                    </Typography>
                  </Box>
                ))}
              </Box>
              {newest && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {t('overview.measuredAt', { date: formatDateTime(newest) })}
                  {newestObs?.performer?.[0] && ` · ${provenanceText(t, provenance.describe(newestObs.performer[0]))}`}
                </Typography>
              )}
            </>
          )}
        </State>
      );
    },
    results: () => (
      <State isPending={reports.isPending} error={reports.error} onRetry={() => void reports.refetch()}>
        {reportSummaries.length === 0 && <Empty section="results" />}
        {reportSummaries.map(({ report, kind, abnormal, abnormalNames, unseen }) => (
          <Box key={report.id} sx={lineSx}>
            <Typography component="div" sx={{ fontWeight: 600 }}>
              {conceptText(report.code)}
              {kind === 'radiology' && <Chip size="small" variant="outlined" label={t('overview.radiology')} sx={{ ml: 1, height: 22 }} />}
              {abnormal && <Chip size="small" color="warning" label={t('overview.abnormal')} sx={{ ml: 1, height: 22 }} />}
              {unseen && <Chip size="small" color="info" variant="outlined" label={t('overview.unseen')} sx={{ ml: 1, height: 22 }} />}
              {isNewEntry(rule, report.issued ?? report.effectiveDateTime, report.performer?.[0]) && <NewChip />}
            </Typography>
            {abnormalNames.length > 0 && <Typography variant="body2">{abnormalNames.join(', ')}</Typography>}
            {kind === 'radiology' && report.conclusion && <Typography variant="body2">{report.conclusion}</Typography>}
            <Typography variant="body2" color="text.secondary">
              {[report.effectiveDateTime ? formatDate(report.effectiveDateTime) : '', provenanceText(t, provenance.describe(report.performer?.[0]))].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        ))}
      </State>
    ),
    notes: () => {
      const list = notes.data?.resources ?? [];
      return (
        <State isPending={notes.isPending} error={notes.error} onRetry={() => void notes.refetch()}>
          {list.length === 0 && <Empty section="notes" />}
          {list.map((n) => (
            <Box key={n.id} sx={lineSx}>
              <Typography component="div" sx={{ fontWeight: 600 }}>
                {n.title}
                {isNewEntry(rule, n.date, n.author?.[0]) && <NewChip />}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {[formatDateTime(n.date), conceptText(n.type), provenanceText(t, provenance.describe(n.author?.[0], n.custodian))].filter(Boolean).join(' · ')}
              </Typography>
            </Box>
          ))}
        </State>
      );
    },
    appointments: () => {
      const past = encounters.data?.resources ?? [];
      return (
        <State isPending={upcoming.isPending || encounters.isPending} error={upcoming.error ?? encounters.error}>
          {nextAppointments.length === 0 && <Empty section="appointments" />}
          {nextAppointments.length > 0 && (
            <Typography component="h4" variant="body2" sx={{ fontWeight: 700, m: 0 }}>
              {t('overview.upcoming')}
            </Typography>
          )}
          {nextAppointments.map((a) => (
            <Box key={a.id} sx={lineSx}>
              <Typography component="span" sx={{ fontWeight: 600 }}>
                {a.start ? formatDateTime(a.start) : ''}
              </Typography>
              <Typography variant="body2">{[a.description ?? conceptText(a.serviceType?.[0]), participantsText(a)].filter(Boolean).join(' · ')}</Typography>
            </Box>
          ))}
          {past.length > 0 && (
            <Typography component="h4" variant="body2" sx={{ fontWeight: 700, mt: 1, mb: 0 }}>
              {t('overview.recent')}
            </Typography>
          )}
          {past.map((e) => (
            <Box key={e.id} sx={lineSx}>
              <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
                {e.period?.start ? formatDate(e.period.start) : ''}
              </Typography>{' '}
              <Typography component="span" variant="body2">
                {[conceptText(e.type?.[0]) || e.class.display, provenanceText(t, { ...provenance.describe(undefined, e.serviceProvider), name: participantsText(e) })].filter(Boolean).join(' · ')}
              </Typography>
            </Box>
          ))}
        </State>
      );
    },
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))', gap: 1.5 }}>
      {sections.map((s) => (
        <Section key={s} section={s} present={isPresent(s)}>
          {render[s]()}
        </Section>
      ))}
    </Box>
  );
}
