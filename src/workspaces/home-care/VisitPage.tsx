import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { addPhrase, checkOutProblems, deviationsOf, type CheckOutProblem, type DoseStatus } from '../../domain/homeCare';
import { news2, type Acvpu } from '../../domain/news2';
import { checkInBundle, checkOutBundle, dosesDue, medicationListSearch, personaRef, visitsOf, type DueDose, type HomeVisit, type PlannedTask } from '../../fhir/homeCare';
import type { FhirError } from '../../fhir/errors';
import { useFhirSearch, useFhirTransaction } from '../../fhir/hooks';
import { useCriticalInformation } from '../../fhir/patients';
import { buildVitalsTransaction, news2InputOf, newUuid, type VitalValues } from '../../fhir/vitalSignShapes';
import type { Persona } from '../../session/personnel';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { localDateTime } from '../../fhir/emergency';
import { parseVitals, VITAL_FIELDS, type VitalField } from '../../domain/vitalsForm';
import { emptyDraft, useVisitDrafts, type VisitDraft } from './draftStore';

const PHRASES = ['calm', 'ate', 'drank', 'pain', 'tired', 'dizzy', 'wound', 'relative'] as const;

function visitSearch(appointmentId: string) {
  return { _id: appointmentId, _include: ['Appointment:patient', 'Appointment:supporting-info'], _revinclude: 'Encounter:appointment' };
}

/** A row of buttons of which at most one is pressed (big enough for a gloved thumb). */
function Choice<T extends string>({ label, options, value, onChange }: { label: string; options: { value: T; label: string }[]; value: T | undefined; onChange: (value: T) => void }) {
  return (
    <Box role="group" aria-label={label} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      {options.map((o) => (
        <Button key={o.value} variant={value === o.value ? 'contained' : 'outlined'} aria-pressed={value === o.value} onClick={() => onChange(o.value)} sx={{ minWidth: 96, minHeight: 48 }}>
          {o.label}
        </Button>
      ))}
    </Box>
  );
}

function values(draft: VisitDraft): { values: VitalValues; errors: Partial<Record<VitalField, { kind: 'number' } | { kind: 'range'; min: number; max: number }>>; any: boolean } {
  const parsed = parseVitals(draft.vitals);
  const v = parsed.values;
  const out: VitalValues = {};
  if (v.respiratoryRate !== undefined) out.respiratoryRate = v.respiratoryRate;
  if (v.spo2 !== undefined) out.spo2 = v.spo2;
  if (v.systolicBp !== undefined) out.systolic = v.systolicBp;
  if (v.diastolicBp !== undefined) out.diastolic = v.diastolicBp;
  if (v.pulse !== undefined) out.pulse = v.pulse;
  if (v.temperature !== undefined) out.temperature = v.temperature;
  if (draft.acvpu) out.consciousness = draft.acvpu;
  const any = Object.keys(out).length > 0;
  if (any) out.onOxygen = draft.onOxygen;
  return { values: out, errors: parsed.errors, any };
}

/** The measurements as one line of the report, in Norwegian (the journal's language). */
function vitalsLine(v: VitalValues, total: number | undefined): string {
  const n = (x: number) => String(x).replace('.', ',');
  const parts: string[] = [];
  if (v.respiratoryRate !== undefined) parts.push(`RF ${n(v.respiratoryRate)}`);
  if (v.spo2 !== undefined) parts.push(`SpO2 ${n(v.spo2)} %${v.onOxygen ? ' på oksygen' : ''}`);
  if (v.systolic !== undefined) parts.push(`BT ${n(v.systolic)}${v.diastolic !== undefined ? `/${n(v.diastolic)}` : ''}`);
  if (v.pulse !== undefined) parts.push(`puls ${n(v.pulse)}`);
  if (v.temperature !== undefined) parts.push(`temp ${n(v.temperature)} °C`);
  if (v.consciousness) parts.push(`ACVPU ${v.consciousness}`);
  if (total !== undefined) parts.push(`NEWS2 ${total}`);
  return parts.length > 0 ? `Målt ${parts.join(', ')}.` : '';
}

type Update = (f: (d: VisitDraft) => VisitDraft) => void;

/*
 * The visit's sections are memoised on their own part of the draft, so a tap re-renders only the
 * section it changed (ticking a task and checking in respond within the 100 ms budget).
 */

const TasksSection = memo(function TasksSection({ id, tasks, outcomes, update, showErrors }: { id: string; tasks: readonly PlannedTask[]; outcomes: VisitDraft['tasks']; update: Update; showErrors: boolean }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
      <Typography component="h2" variant="h2" id={id}>
        {t('homeCare.visit.tasks')}
      </Typography>
      {tasks.length === 0 && <Typography>{t('homeCare.route.noTasks')}</Typography>}
      {tasks.map((task) => {
        const outcome = outcomes[task.code];
        const name = t(`homeCare.task.${task.code}`);
        const missing = Boolean(outcome && !outcome.done && outcome.reason.trim() === '');
        return (
          <Box key={task.code} sx={{ display: 'grid', gap: 0.5, borderBottom: 1, borderColor: 'divider', pb: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{name}</Typography>
            <Choice
              label={name}
              value={outcome ? (outcome.done ? 'done' : 'not-done') : undefined}
              options={[
                { value: 'done', label: t('homeCare.visit.taskDone') },
                { value: 'not-done', label: t('homeCare.visit.taskNotDone') },
              ]}
              onChange={(v) =>
                update((d) => {
                  const before = d.tasks[task.code];
                  return { ...d, tasks: { ...d.tasks, [task.code]: v === 'done' ? { done: true } : { done: false, reason: before && !before.done ? before.reason : '' } } };
                })
              }
            />
            {outcome && !outcome.done && (
              <TextField
                label={`${t('homeCare.visit.reason')}: ${name}`}
                value={outcome.reason}
                onChange={(e) => update((d) => ({ ...d, tasks: { ...d.tasks, [task.code]: { done: false, reason: e.target.value } } }))}
                error={showErrors && missing}
                helperText={showErrors && missing ? t('homeCare.visit.reasonRequired') : ' '}
                required
              />
            )}
          </Box>
        );
      })}
    </Box>
  );
});

const DosesSection = memo(function DosesSection({
  id,
  doses,
  pending,
  error,
  onRetry,
  outcomes,
  update,
  showErrors,
}: {
  id: string;
  doses: readonly DueDose[];
  pending: boolean;
  error: FhirError | null;
  onRetry: () => void;
  outcomes: VisitDraft['doses'];
  update: Update;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
      <Typography component="h2" variant="h2" id={id}>
        {t('homeCare.visit.medication')}
      </Typography>
      {error && <ErrorAlert error={error} onRetry={onRetry} />}
      {pending ? <LoadingLines /> : doses.length === 0 && <Typography>{t('homeCare.visit.noDoses')}</Typography>}
      {doses.map((dose) => {
        const outcome = outcomes[dose.key];
        const missing = Boolean(outcome && outcome.status !== 'given' && (outcome.reason ?? '').trim() === '');
        return (
          <Box key={dose.key} sx={{ display: 'grid', gap: 0.5, borderBottom: 1, borderColor: 'divider', pb: 1 }}>
            <Typography sx={{ fontWeight: 600 }}>{dose.name}</Typography>
            <Typography variant="body2">{dose.dosage}</Typography>
            <Choice<DoseStatus>
              label={dose.name}
              value={outcome?.status}
              options={[
                { value: 'given', label: t('homeCare.visit.given') },
                { value: 'not-given', label: t('homeCare.visit.notGiven') },
                { value: 'refused', label: t('homeCare.visit.refused') },
              ]}
              onChange={(status) => update((d) => ({ ...d, doses: { ...d.doses, [dose.key]: status === 'given' ? { status } : { status, reason: d.doses[dose.key]?.reason ?? '' } } }))}
            />
            {outcome && outcome.status !== 'given' && (
              <TextField
                label={`${t('homeCare.visit.reason')}: ${dose.name}`}
                value={outcome.reason ?? ''}
                onChange={(e) => update((d) => ({ ...d, doses: { ...d.doses, [dose.key]: { status: outcome.status, reason: e.target.value } } }))}
                error={showErrors && missing}
                helperText={showErrors && missing ? t('homeCare.visit.reasonRequired') : ' '}
                required
              />
            )}
          </Box>
        );
      })}
    </Box>
  );
});

const VitalsSection = memo(function VitalsSection({ id, vitals, acvpu, onOxygen, update }: { id: string; vitals: VisitDraft['vitals']; acvpu: VisitDraft['acvpu']; onOxygen: boolean; update: Update }) {
  const { t } = useTranslation();
  const vit = useMemo(() => values({ ...emptyDraft(''), vitals, acvpu, onOxygen }), [vitals, acvpu, onOxygen]);
  const score = useMemo(() => news2(news2InputOf(vit.values)), [vit.values]);
  const numericScored = Object.keys(score.scores).filter((k) => k !== 'airOrOxygen').length;
  return (
    <Box component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
      <Typography component="h2" variant="h2" id={id}>
        {t('homeCare.visit.vitals')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', gap: 1.5 }}>
        {VITAL_FIELDS.map((f) => {
          const error = vit.errors[f];
          return (
            <TextField
              key={f}
              id={`${id}-${f}`}
              label={t(`homeCare.visit.${f}`)}
              value={vitals[f] ?? ''}
              onChange={(e) => update((d) => ({ ...d, vitals: { ...d.vitals, [f]: e.target.value } }))}
              error={Boolean(error)}
              helperText={error ? (error.kind === 'number' ? t('homeCare.visit.invalidNumber') : t('homeCare.visit.outOfRange', { min: error.min, max: error.max })) : ' '}
              slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            />
          );
        })}
        <TextField
          select
          id={`${id}-acvpu`}
          label={t('homeCare.visit.acvpu')}
          value={acvpu}
          onChange={(e) => update((d) => ({ ...d, acvpu: e.target.value as Acvpu | '' }))}
          // A native select always shows an option ("Ikke vurdert"): the label stays above it.
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          helperText=" "
        >
          <option value="">{t('homeCare.visit.acvpuNone')}</option>
          {(['A', 'C', 'V', 'P', 'U'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`homeCare.visit.acvpuOptions.${c}`)}
            </option>
          ))}
        </TextField>
      </Box>
      <FormControlLabel control={<Switch checked={onOxygen} onChange={(e) => update((d) => ({ ...d, onOxygen: e.target.checked }))} />} label={t('homeCare.visit.oxygen')} sx={{ minHeight: 44 }} />
      <Alert severity={score.band === 'high' ? 'error' : score.band === 'medium' || score.band === 'low-single-red' ? 'warning' : 'info'} role="status">
        {numericScored === 0
          ? t('homeCare.visit.news2None')
          : `${score.complete ? t('homeCare.visit.news2', { total: score.total }) : t('homeCare.visit.news2Incomplete', { total: score.total, count: Object.keys(score.scores).length })} – ${t(`homeCare.visit.band.${score.band}`)}`}
      </Alert>
    </Box>
  );
});

const ReportSection = memo(function ReportSection({ id, report, update, showErrors, children }: { id: string; report: string; update: Update; showErrors: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="section" aria-labelledby={id} sx={{ display: 'grid', gap: 1 }}>
      <Typography component="h2" variant="h2" id={id}>
        {t('homeCare.visit.report')}
      </Typography>
      <Box role="group" aria-label={t('homeCare.visit.phrases')} sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {PHRASES.map((p) => (
          <Chip key={p} label={t(`homeCare.visit.phrase.${p}`)} onClick={() => update((d) => ({ ...d, report: addPhrase(d.report, t(`homeCare.visit.phrase.${p}`)) }))} sx={{ minHeight: 44, fontSize: '0.95rem' }} />
        ))}
      </Box>
      <TextField
        id={`${id}-text`}
        label={t('homeCare.visit.report')}
        value={report}
        onChange={(e) => update((d) => ({ ...d, report: e.target.value }))}
        multiline
        minRows={3}
        required
        error={showErrors && report.trim() === ''}
        helperText={t('homeCare.visit.reportHelp')}
      />
      {children}
    </Box>
  );
});

const DeviationsPreview = memo(function DeviationsPreview({ tasks, doses, due, news2Total }: { tasks: VisitDraft['tasks']; doses: VisitDraft['doses']; due: readonly DueDose[]; news2Total: number | undefined }) {
  const { t } = useTranslation();
  const deviations = deviationsOf({ tasks, doses, doseNames: Object.fromEntries(due.map((d) => [d.key, d.name])), news2Total });
  if (deviations.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>{t('homeCare.visit.deviations')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {deviations.map((d, i) => (
          <li key={i}>
            {d.kind === 'news2'
              ? `NEWS2 ${d.total}`
              : d.kind === 'dose-not-given'
                ? `${d.medication}: ${t(d.status === 'refused' ? 'homeCare.visit.refused' : 'homeCare.visit.notGiven')}${d.reason ? ` – ${d.reason}` : ''}`
                : `${t(`homeCare.task.${d.task}`)}: ${t('homeCare.visit.taskNotDone')}${d.reason ? ` – ${d.reason}` : ''}`}
          </li>
        ))}
      </Box>
    </Alert>
  );
});

function VisitForm({ visit, persona, workspaceId }: { visit: HomeVisit; persona: Persona; workspaceId: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const navigate = useNavigate();
  const stored = useVisitDrafts((s) => s.drafts[visit.id]);
  const change = useVisitDrafts((s) => s.change);
  const discard = useVisitDrafts((s) => s.discard);
  const draft = stored && stored.practitionerRoleId === persona.practitionerRoleId ? stored : emptyDraft(persona.practitionerRoleId);
  const roleId = persona.practitionerRoleId;
  const update: Update = useCallback((f) => change(visit.id, roleId, f), [change, visit.id, roleId]);
  const meds = useFhirSearch('MedicationStatement', medicationListSearch(visit.patientId));
  const refetchMeds = meds.refetch;
  const retryMeds = useCallback(() => void refetchMeds(), [refetchMeds]);
  const doses: DueDose[] = useMemo(() => dosesDue(meds.data?.resources ?? [], visit.slot), [meds.data, visit.slot]);
  const checkIn = useFhirTransaction();
  const checkOut = useFhirTransaction();
  const [problems, setProblems] = useState<(CheckOutProblem | { kind: 'vitals' })[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const problemsRef = useRef<HTMLDivElement | null>(null);
  const critical = useCriticalInformation(visit.patientId);

  const serverCheckIn = visit.encounter?.period?.start ? Date.parse(visit.encounter.period.start) : undefined;
  const checkedInAt = draft.checkedInAtMs ?? serverCheckIn;
  const checkInPending = draft.checkedInAtMs !== undefined && !draft.checkInSaved && !visit.encounter;
  const vit = useMemo(() => values(draft), [draft]);
  const score = useMemo(() => news2(news2InputOf(vit.values)), [vit.values]);
  const numericScored = Object.keys(score.scores).filter((k) => k !== 'airOrOxygen').length;
  const news2Total = numericScored > 0 ? score.total : undefined;

  const sendCheckIn = (atMs: number) => {
    checkIn.mutate(checkInBundle(visit, persona, atMs), {
      onSuccess: () => update((d) => ({ ...d, checkInSaved: true })),
    });
  };
  const doCheckIn = () => {
    const at = Date.now();
    update((d) => ({ ...d, checkedInAtMs: at, checkInSaved: false }));
    sendCheckIn(at);
  };

  const doCheckOut = () => {
    const found: (CheckOutProblem | { kind: 'vitals' })[] = checkOutProblems({
      checkedIn: checkedInAt !== undefined,
      plannedTasks: visit.tasks.map((task) => task.code),
      doseKeys: doses.map((d) => d.key),
      record: draft,
      report: draft.report,
    });
    if (Object.keys(vit.errors).length > 0) found.push({ kind: 'vitals' });
    setProblems(found);
    setShowErrors(true);
    if (found.length > 0) {
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    const now = Date.now();
    const observations = vit.any
      ? (buildVitalsTransaction(vit.values, {
          patientId: visit.patientId,
          performer: [personaRef(persona), { reference: `Organization/${persona.organizationId}`, display: persona.unitName }],
          effective: localDateTime(now),
          newId: newUuid,
        }).entry ?? []).flatMap((e) => (e.resource?.resourceType === 'Observation' ? [e.resource] : []))
      : [];
    const { bundle } = checkOutBundle(
      visit,
      { checkedInAtMs: checkedInAt ?? now, tasks: draft.tasks, doses: draft.doses, vitals: observations, news2: news2Total, vitalsText: vitalsLine(vit.values, news2Total), report: draft.report },
      doses,
      persona,
      now,
    );
    checkOut.mutate(bundle, {
      onSuccess: () => {
        discard(visit.id);
        void navigate(`/${workspaceId}`, { state: { notice: t('homeCare.visit.saved', { name: visit.patientName }) } });
      },
    });
  };

  // Coverage back: what did not reach the server for want of a network is sent again by itself.
  const checkInFailedOffline = checkInPending && checkIn.isError && checkIn.error.kind === 'network';
  const checkOutFailedOffline = checkOut.isError && checkOut.error.kind === 'network';
  useEffect(() => {
    if (!checkInFailedOffline && !checkOutFailedOffline) return;
    const listener = () => {
      if (checkInFailedOffline) sendCheckIn(draft.checkedInAtMs ?? Date.now());
      if (checkOutFailedOffline) doCheckOut();
    };
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  });

  const problemText = (p: CheckOutProblem | { kind: 'vitals' }): string => {
    switch (p.kind) {
      case 'task-undecided':
      case 'task-reason':
        return t(`homeCare.visit.problem.${p.kind}`, { name: t(`homeCare.task.${p.task}`) });
      case 'dose-unsigned':
      case 'dose-reason':
        return t(`homeCare.visit.problem.${p.kind}`, { name: doses.find((d) => d.key === p.key)?.name ?? p.key });
      default:
        return t(`homeCare.visit.problem.${p.kind}`);
    }
  };
  const finished = visit.state === 'finished';

  return (
    <Box sx={{ display: 'grid', gap: 2, pb: 12 }}>
      <Paper variant="outlined" sx={{ p: 1.5, display: 'grid', gap: 0.5 }}>
        <Typography sx={{ fontWeight: 700 }}>
          {format(visit.startMs, 'HH:mm')}–{format(visit.endMs, 'HH:mm')} · {t(`homeCare.slot.${visit.slot}`)}
        </Typography>
        <Typography>{visit.address}</Typography>
        {visit.access && (
          <Typography>
            <strong>{t('homeCare.route.access')}:</strong> {visit.access}
          </Typography>
        )}
        {critical.count > 0 && (
          <Alert severity="error" sx={{ mt: 0.5 }}>
            {t('homeCare.route.critical')}: {[...critical.allergies.map((a) => a.code?.text ?? a.code?.coding?.[0]?.display ?? ''), ...critical.flags.map((f) => f.code.text ?? '')].filter(Boolean).join(', ')}
          </Alert>
        )}
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5 }}>
          <Button component={RouterLink} to={`/${workspaceId}/patient/${visit.patientId}`} variant="outlined">
            {t('homeCare.visit.openChart')}
          </Button>
          <Button component={RouterLink} to={`/${workspaceId}/decisions/${visit.patientId}`} variant="outlined">
            {t('homeCare.visit.decisions')}
          </Button>
        </Box>
      </Paper>

      {finished && (
        <Alert severity="success" role="status">
          {t('homeCare.visit.finished')}
        </Alert>
      )}

      {!finished && (
        <>
          <Box role="status" aria-live="polite">
            {checkedInAt !== undefined && <Typography sx={{ fontWeight: 600 }}>{t('homeCare.visit.checkedIn', { time: format(checkedInAt, 'HH:mm') })}</Typography>}
            {checkInPending && checkIn.isError && (
              <Alert
                severity="warning"
                action={
                  <Button color="inherit" onClick={() => sendCheckIn(draft.checkedInAtMs ?? Date.now())}>
                    {t('homeCare.visit.retry')}
                  </Button>
                }
              >
                <AlertTitle>{t('homeCare.visit.notSaved')}</AlertTitle>
                {t('homeCare.visit.checkInNotSaved')}
              </Alert>
            )}
          </Box>

          <TasksSection id={`${ids}-tasks`} tasks={visit.tasks} outcomes={draft.tasks} update={update} showErrors={showErrors} />
          <DosesSection id={`${ids}-meds`} doses={doses} pending={meds.isPending} error={meds.error} onRetry={retryMeds} outcomes={draft.doses} update={update} showErrors={showErrors} />
          <VitalsSection id={`${ids}-vitals`} vitals={draft.vitals} acvpu={draft.acvpu} onOxygen={draft.onOxygen} update={update} />
          <ReportSection id={`${ids}-report`} report={draft.report} update={update} showErrors={showErrors}>
            <DeviationsPreview tasks={draft.tasks} doses={draft.doses} due={doses} news2Total={news2Total} />
          </ReportSection>

          {problems.length > 0 && (
            <Alert severity="error" ref={problemsRef} tabIndex={-1} role="alert">
              <AlertTitle>{t('homeCare.visit.problems')}</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {problems.map((p, i) => (
                  <li key={i}>{problemText(p)}</li>
                ))}
              </Box>
            </Alert>
          )}
          {checkOut.isError && (
            <Alert
              severity="warning"
              role="alert"
              action={
                <Button color="inherit" onClick={doCheckOut}>
                  {t('homeCare.visit.retry')}
                </Button>
              }
            >
              <AlertTitle>{t('homeCare.visit.notSaved')}</AlertTitle>
              {t('homeCare.visit.notSavedBody')}
              {checkOut.error.kind !== 'network' && (
                <Box sx={{ mt: 1 }}>
                  <ErrorAlert error={checkOut.error} />
                </Box>
              )}
            </Alert>
          )}
          {/* The visit's one next step, where the thumb is. */}
          <Paper elevation={3} sx={{ position: 'sticky', bottom: 0, p: 1.5, display: 'flex', gap: 1, alignItems: 'center', zIndex: 1 }}>
            {checkedInAt === undefined ? (
              <Button variant="contained" size="large" fullWidth onClick={doCheckIn} sx={{ minHeight: 56 }}>
                {t('homeCare.visit.checkIn')}
              </Button>
            ) : (
              <Button variant="contained" size="large" fullWidth onClick={doCheckOut} disabled={checkOut.isPending} sx={{ minHeight: 56 }}>
                {t('homeCare.visit.checkOut')}
              </Button>
            )}
          </Paper>
          {(stored !== undefined || checkOut.isError) && (
            <Typography variant="body2" color="text.secondary">
              {t('homeCare.visit.keptLocally')}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

/** A visit (home care): check in, tasks, doses, vital signs with NEWS2, a report, check out. */
export function VisitPage() {
  const { t } = useTranslation();
  const { appointmentId = '' } = useParams();
  const persona = useSession((s) => s.persona);
  const search = useFhirSearch('Appointment', appointmentId ? visitSearch(appointmentId) : undefined);
  const visit = useMemo(() => visitsOf(search.data?.bundle)[0], [search.data]);
  return (
    <Box sx={{ maxWidth: 900, mx: 'auto', display: 'grid', gap: 2 }}>
      <Box>
        <Button component={RouterLink} to="/home-care">
          {t('homeCare.visit.back')}
        </Button>
      </Box>
      <Typography variant="h1">{visit ? t('homeCare.visit.title', { name: visit.patientName }) : t('homeCare.visit.loading')}</Typography>
      {/* A refresh that fails (patchy coverage) says so above the visit; the visit and what is typed stay. */}
      {search.error && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending ? (
        !search.error && <LoadingLines />
      ) : !visit || !persona ? (
        !search.error && <Alert severity="warning">{t('homeCare.visit.notFound')}</Alert>
      ) : (
        <VisitForm key={visit.id} visit={visit} persona={persona} workspaceId="home-care" />
      )}
    </Box>
  );
}
