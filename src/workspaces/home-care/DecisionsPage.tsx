import { useId, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { Observation } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { IPLOS_SCORES, IPLOS_VARIABLES, parseWeeklyHours, validAssessmentDate, validateIplos, type IplosVariable } from '../../domain/homeCare';
import { carePlanSearch, decisionOf, editedDecision, iplosObservation, iplosOf, iplosSearch, isCoordinator, personaRef, type Decision } from '../../fhir/homeCare';
import { formatName } from '../../fhir/format';
import { useFhirCreate, useFhirRead, useFhirSearch, useFhirUpdate } from '../../fhir/hooks';
import type { Persona } from '../../session/personnel';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';

function hoursText(hours: number | undefined): string {
  return hours === undefined ? '–' : String(hours).replace('.', ',');
}

function DecisionCard({ decision, canEdit, persona }: { decision: Decision; canEdit: boolean; persona: Persona }) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(hoursText(decision.hours));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const update = useFhirUpdate();
  const save = () => {
    const hours = parseWeeklyHours(text);
    if (hours === undefined) {
      setError(t('homeCare.decisions.hoursInvalid'));
      return;
    }
    setError('');
    update.mutate(
      { resource: editedDecision(decision.carePlan, hours, decision.tasks, persona) },
      {
        onSuccess: () => {
          setEditing(false);
          setSaved(true);
        },
      },
    );
  };
  return (
    <Paper component="li" variant="outlined" sx={{ listStyle: 'none', p: 1.5, display: 'grid', gap: 1 }}>
      <Typography component="h3" variant="h3">
        {t(`homeCare.decisions.service.${decision.service}`)}
      </Typography>
      <Typography>
        <strong>{t('homeCare.decisions.hours', { hours: hoursText(decision.hours) })}</strong> · {decision.start ? t('homeCare.decisions.since', { date: format(Date.parse(decision.start), 'dd.MM.yyyy') }) : ''}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography component="span" sx={{ fontWeight: 600 }}>
          {t('homeCare.decisions.tasksFor')}:
        </Typography>
        {decision.tasks.map((task) => (
          <Chip key={task.code} variant="outlined" label={`${t(`homeCare.task.${task.code}`)} (${task.when.map((w) => t(`homeCare.slot.${w}`).toLowerCase()).join(', ')})`} />
        ))}
      </Box>
      {saved && !editing && (
        <Alert severity="success" role="status">
          {t('homeCare.decisions.saved')}
        </Alert>
      )}
      {canEdit && !editing && (
        <Box>
          <Button variant="outlined" onClick={() => setEditing(true)}>
            {t('homeCare.decisions.edit')}
          </Button>
        </Box>
      )}
      {editing && (
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); save(); }} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField id={`${id}-hours`} label={t('homeCare.decisions.hoursLabel')} value={text} onChange={(e) => setText(e.target.value)} error={Boolean(error)} helperText={error || ' '} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <Button type="submit" variant="contained" disabled={update.isPending}>
            {t('homeCare.decisions.save')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('homeCare.decisions.cancel')}</Button>
          {update.error && <ErrorAlert error={update.error} />}
        </Box>
      )}
    </Paper>
  );
}

function IplosForm({ patientId, patientName, latest, persona, onDone }: { patientId: string; patientName: string; latest: Partial<Record<IplosVariable, number>>; persona: Persona; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const today = format(new Date(), 'yyyy-MM-dd');
  const [date, setDate] = useState(today);
  const [scores, setScores] = useState<Partial<Record<IplosVariable, number>>>(latest);
  const [shown, setShown] = useState(false);
  const create = useFhirCreate<Observation>();
  const errors = validateIplos(scores);
  const dateOk = validAssessmentDate(date, today);
  const save = () => {
    setShown(true);
    if (Object.keys(errors).length > 0 || !dateOk) return;
    create.mutate(iplosObservation({ patient: { reference: `Patient/${patientId}`, display: patientName }, date, scores: scores as Record<IplosVariable, number>, performer: personaRef(persona) }), { onSuccess: onDone });
  };
  return (
    <Box component="form" noValidate aria-label={t('homeCare.decisions.newIplos')} onSubmit={(e) => { e.preventDefault(); save(); }} sx={{ display: 'grid', gap: 1.5 }}>
      <TextField id={`${id}-date`} label={t('homeCare.decisions.iplosDateLabel')} value={date} onChange={(e) => setDate(e.target.value)} error={shown && !dateOk} helperText={shown && !dateOk ? t('homeCare.decisions.iplosDateInvalid') : ' '} sx={{ maxWidth: '16rem' }} />
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', gap: 1.5 }}>
        {IPLOS_VARIABLES.map((v) => (
          <TextField
            key={v}
            select
            id={`${id}-${v}`}
            label={t(`homeCare.decisions.iplosVar.${v}`)}
            value={scores[v] === undefined ? '' : String(scores[v])}
            onChange={(e) => setScores((s) => ({ ...s, [v]: e.target.value === '' ? undefined : Number(e.target.value) }))}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            error={shown && Boolean(errors[v])}
            helperText={shown && errors[v] ? t('homeCare.decisions.iplosMissing') : ' '}
          >
            <option value="">–</option>
            {IPLOS_SCORES.map((s) => (
              <option key={s} value={String(s)}>
                {t(`homeCare.decisions.scoreLabel.${s}`)}
              </option>
            ))}
          </TextField>
        ))}
      </Box>
      {shown && Object.keys(errors).length > 0 && <Alert severity="error">{t('homeCare.decisions.iplosProblems')}</Alert>}
      {create.error && <ErrorAlert error={create.error} />}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={create.isPending}>
          {t('homeCare.decisions.iplosSave')}
        </Button>
        <Button onClick={onDone}>{t('homeCare.decisions.cancel')}</Button>
      </Box>
    </Box>
  );
}

/** A patient's service decisions (vedtak: services, weekly hours, tasks) and IPLOS scores; editing by the district's coordinator only. */
export default function DecisionsPage() {
  const { t } = useTranslation();
  const { patientId = '' } = useParams();
  const persona = useSession((s) => s.persona);
  const patient = useFhirRead('Patient', patientId);
  const plans = useFhirSearch('CarePlan', patientId ? carePlanSearch(patientId) : undefined);
  const iplos = useFhirSearch('Observation', patientId ? iplosSearch(patientId) : undefined);
  const role = useFhirRead('PractitionerRole', persona?.practitionerRoleId, { staleTime: Infinity });
  const coordinator = isCoordinator(role.data);
  const [adding, setAdding] = useState(false);
  const decisions = useMemo(() => (plans.data?.resources ?? []).filter((p) => p.status === 'active').map(decisionOf), [plans.data]);
  const latest = useMemo(() => {
    const list = (iplos.data?.resources ?? []).map(iplosOf).sort((a, b) => b.date.localeCompare(a.date));
    return list[0];
  }, [iplos.data]);
  const name = patient.data ? formatName(patient.data.name) : '';
  if (!persona) return null;
  return (
    <Box sx={{ maxWidth: 1000, mx: 'auto', display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button component={RouterLink} to="/home-care">
          {t('homeCare.visit.back')}
        </Button>
        <Button component={RouterLink} to={`/home-care/patient/${patientId}`}>
          {t('homeCare.visit.openChart')}
        </Button>
      </Box>
      <Typography variant="h1">{t('homeCare.decisions.title', { name })}</Typography>
      {/* Whose decisions these are must be known: a patient that could not be read says so (the
          title then has no name). */}
      {patient.error && !patient.data && <ErrorAlert error={patient.error} onRetry={() => void patient.refetch()} />}
      {!coordinator && role.data && <Alert severity="info">{t('homeCare.decisions.onlyCoordinator')}</Alert>}
      <Box component="section" aria-labelledby="decisions-heading" sx={{ display: 'grid', gap: 1 }}>
        <Typography component="h2" variant="h2" id="decisions-heading">
          {t('homeCare.decisions.services')}
        </Typography>
        {/* A refresh that fails says so above what was shown, which stays (with any hours being
            edited); "none" only when the server has answered. */}
        {plans.error && <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />}
        {plans.data === undefined ? (
          !plans.error && <LoadingLines />
        ) : decisions.length === 0 ? (
          <Typography>{t('homeCare.decisions.none')}</Typography>
        ) : (
          <Box component="ul" sx={{ display: 'grid', gap: 1, p: 0, m: 0 }}>
            {decisions.map((d) => (
              <DecisionCard key={d.id} decision={d} canEdit={coordinator} persona={persona} />
            ))}
          </Box>
        )}
      </Box>
      <Box component="section" aria-labelledby="iplos-heading" sx={{ display: 'grid', gap: 1 }}>
        <Typography component="h2" variant="h2" id="iplos-heading">
          {t('homeCare.decisions.iplos')}
        </Typography>
        {/* As above; an assessment being filled in stays, whatever the refresh does. */}
        {iplos.error && <ErrorAlert error={iplos.error} onRetry={() => void iplos.refetch()} />}
        {adding ? (
          <IplosForm patientId={patientId} patientName={name} latest={latest?.scores ?? {}} persona={persona} onDone={() => setAdding(false)} />
        ) : iplos.data === undefined ? (
          !iplos.error && <LoadingLines />
        ) : (
          <>
            {latest ? <Typography>{t('homeCare.decisions.iplosDate', { date: latest.date.split('-').reverse().join('.'), by: latest.by })}</Typography> : <Typography>{t('homeCare.decisions.iplosNone')}</Typography>}
            {coordinator && (
              <Box>
                <Button variant="outlined" onClick={() => setAdding(true)}>
                  {t('homeCare.decisions.newIplos')}
                </Button>
              </Box>
            )}
            {latest && (
              <Table size="small" aria-label={t('homeCare.decisions.iplos')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('homeCare.decisions.variable')}</TableCell>
                    <TableCell>{t('homeCare.decisions.score')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {IPLOS_VARIABLES.map((v) => (
                    <TableRow key={v}>
                      <TableCell>{t(`homeCare.decisions.iplosVar.${v}`)}</TableCell>
                      <TableCell>{latest.scores[v] === undefined ? '–' : t(`homeCare.decisions.scoreLabel.${latest.scores[v]}`)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </Box>
    </Box>
  );
}
