import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Communication, PractitionerRole } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fromBase64Utf8, MEDICATION_CHANGE_TYPE, type MedicationChange } from '../../exchange/builders';
import { senderOf, useAnswer, useMessageStep, useMessageThread, useReconcile } from '../../exchange/hooks';
import type { Decision } from '../../exchange/reconcile';
import type { InboxItem } from '../../exchange/inbox';
import { expectsAnswer } from '../../exchange/messageTypes';
import { typesFor } from '../../exchange/compose/model';
import { eventsOf, statusOf } from '../../exchange/status';
import { isFhirError } from '../../fhir/errors';
import { useFhirSearch } from '../../fhir/hooks';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/dates';

function medicationChanges(message: Communication): MedicationChange[] {
  const out: MedicationChange[] = [];
  for (const part of message.payload ?? []) {
    const attachment = part.contentAttachment;
    if (attachment?.contentType !== MEDICATION_CHANGE_TYPE || !attachment.data) continue;
    try {
      out.push(JSON.parse(fromBase64Utf8(attachment.data)) as MedicationChange);
    } catch {
      // A part that cannot be read is left out; the epikrise's text still says it.
    }
  }
  return out;
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <Box component="dt" sx={{ fontWeight: 600, color: 'text.secondary' }}>
        {label}
      </Box>
      <Box component="dd" sx={{ m: 0 }}>
        {children}
      </Box>
    </>
  );
}

/** Accept or reject each medication change of an epikrise; only accepted changes reach the shared list. */
function Reconciliation({ message, changes, persona, patientId }: { message: Communication; changes: MedicationChange[]; persona: Persona; patientId: string }) {
  const { t } = useTranslation();
  const [decisions, setDecisions] = useState<(Decision | undefined)[]>(() => changes.map(() => undefined));
  const [missing, setMissing] = useState<number[]>([]);
  const [done, setDone] = useState<{ accepted: number; rejected: number } | null>(null);
  const mutation = useReconcile();
  const submit = () => {
    const gaps = changes.map((_, i) => i).filter((i) => !decisions[i]);
    setMissing(gaps);
    if (gaps.length > 0) return;
    mutation.mutate(
      { message, changes, decisions, patientId, prescriber: senderOf(persona).person ?? { reference: `PractitionerRole/${persona.practitionerRoleId}` } },
      { onSuccess: (result) => ('missing' in result ? setMissing(result.missing) : setDone(result)) },
    );
  };
  return (
    <Box component="section" aria-labelledby="reconcile-heading" sx={{ mt: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Typography id="reconcile-heading" component="h3" variant="subtitle1">
        {t('exchange.reconcile.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('exchange.reconcile.intro')}
      </Typography>
      {changes.map((change, i) => {
        const label = `${t(`exchange.dialog.medicationAction.${change.action}`)}: ${change.name}${change.dosage ? ` (${change.dosage})` : ''}`;
        return (
          <FormControl key={i} component="fieldset" error={missing.includes(i)} sx={{ display: 'block', mb: 1 }} disabled={Boolean(done)}>
            <FormLabel component="legend" sx={{ color: 'text.primary' }}>
              {label}
            </FormLabel>
            <RadioGroup row value={decisions[i] ?? ''} onChange={(e) => setDecisions((d) => d.map((x, j) => (j === i ? (e.target.value as Decision) : x)))}>
              <FormControlLabel value="accept" control={<Radio />} label={t('exchange.reconcile.accept')} />
              <FormControlLabel value="reject" control={<Radio />} label={t('exchange.reconcile.reject')} />
            </RadioGroup>
            {missing.includes(i) && <FormHelperText>{t('exchange.reconcile.choose')}</FormHelperText>}
          </FormControl>
        );
      })}
      {!done && (
        <Button variant="contained" onClick={submit} disabled={mutation.isPending}>
          {t('exchange.reconcile.submit')}
        </Button>
      )}
      <Box role="status" aria-live="polite">
        {done && <Alert severity="success">{t('exchange.reconcile.done', { accepted: done.accepted, rejected: done.rejected })}</Alert>}
      </Box>
      {mutation.error && <ErrorAlert error={mutation.error} />}
    </Box>
  );
}

type Feedback = { kind: 'answered' | 'handled' | 'forwarded' | 'conflict'; name?: string } | { kind: 'error'; error: unknown };

/**
 * One message: its text, what it carries, its status with times as the sender sees them, the
 * answers and partners' receipts; and what the recipient does with it: answer (a question),
 * forward to a colleague at the unit, mark handled, open the patient's journal. Opening an
 * unread message marks it read.
 */
export function MessageDialog({ item, persona, workspaceId, onClose }: { item: InboxItem; persona: Persona; workspaceId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const message = item.message;
  const incoming = item.direction === 'in';
  const { answers, receipts } = useMessageThread(item.id);
  const step = useMessageStep();
  const answer = useAnswer();
  const by = useMemo(() => senderOf(persona).person ?? { reference: `PractitionerRole/${persona.practitionerRoleId}` }, [persona]);
  const markedRead = useRef(false);
  const [mode, setMode] = useState<'none' | 'answer' | 'forward'>('none');
  const [answerText, setAnswerText] = useState('');
  const [forwardTo, setForwardTo] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const colleagues = useFhirSearch('PractitionerRole', mode === 'forward' ? { organization: `Organization/${persona.organizationId}`, _count: 100 } : undefined);

  useEffect(() => {
    if (!incoming || markedRead.current || !item.unread) return;
    markedRead.current = true;
    step.mutate({ message, code: 'read', by });
  }, [incoming, item.unread, message, by, step]);

  const status = statusOf(message);
  const open = status !== 'handled';
  // Only a prescriber reconciles an epikrise's medication changes into the shared list.
  // Decided when the message is opened: the section stays (with its result) once the message is handled by it.
  const [canReconcile] = useState(() => incoming && statusOf(message) !== 'handled' && Boolean(item.patientId) && (persona.personnelGroup === 'gp' || persona.personnelGroup === 'ed-doctor'));
  const canAnswer = incoming && open && status !== 'answered' && item.type !== undefined && expectsAnswer(item.type);
  const typeName = t(`exchange.type.${item.type ?? 'unknown'}`);
  const patientName = item.patient?.display ?? t('exchange.inbox.noPatient');
  const texts = (message.payload ?? []).filter((p) => p.contentString);
  const attachments = (message.payload ?? []).filter((p) => p.contentReference);
  const changes = medicationChanges(message);
  const legalBasis = message.reasonCode?.[0]?.text;
  const onError = (error: unknown) => setFeedback(isFhirError(error) && error.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'error', error });

  const sendAnswer = () => {
    if (!answerText.trim()) return setFieldError(t('exchange.dialog.answerRequired'));
    setFieldError('');
    answer.mutate(
      { question: message, persona, text: answerText },
      {
        onSuccess: () => {
          setFeedback({ kind: 'answered' });
          setMode('none');
          setAnswerText('');
        },
        onError,
      },
    );
  };
  const roles = (colleagues.data?.resources ?? []).filter((r): r is PractitionerRole => r.resourceType === 'PractitionerRole' && r.id !== persona.practitionerRoleId);
  const nameOfRole = (role: PractitionerRole) => role.practitioner?.display ?? role.id ?? '';
  const sendForward = () => {
    const role = roles.find((r) => r.id === forwardTo);
    if (!role) return setFieldError(t('exchange.dialog.forwardRequired'));
    setFieldError('');
    const name = nameOfRole(role);
    step.mutate(
      { message, code: 'forwarded', by, forwardTo: { reference: `PractitionerRole/${role.id}`, display: name } },
      {
        onSuccess: () => {
          setFeedback({ kind: 'forwarded', name });
          setMode('none');
        },
        onError,
      },
    );
  };
  const markHandled = () => step.mutate({ message, code: 'handled', by }, { onSuccess: () => setFeedback({ kind: 'handled' }), onError });
  const busy = step.isPending || answer.isPending;

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="message-dialog-title">
      <DialogTitle id="message-dialog-title">
        {typeName}: {patientName}
      </DialogTitle>
      <DialogContent dividers>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, mb: 2 }}>
          <Field label={t('exchange.dialog.patient')}>{patientName}</Field>
          <Field label={t('exchange.dialog.from')}>{message.sender?.display ?? ''}</Field>
          <Field label={t('exchange.dialog.to')}>{item.recipients.map((r) => r.display ?? r.reference).join(', ')}</Field>
          <Field label={t('exchange.dialog.sent')}>{formatDateTime(message.sent)}</Field>
          {item.due && <Field label={t('exchange.dialog.due')}>{formatDateTime(item.due)}</Field>}
          {item.urgent && <Field label={t('exchange.dialog.priority')}>{t('exchange.inbox.urgent')}</Field>}
          {legalBasis && <Field label={t('exchange.dialog.legalBasis')}>{legalBasis}</Field>}
        </Box>
        {texts.map((p, i) => (
          <Typography key={i} sx={{ whiteSpace: 'pre-wrap', mb: 1.5 }}>
            {p.contentString}
          </Typography>
        ))}
        {attachments.map((p, i) => (
          <Typography key={i} variant="body2" color="text.secondary">
            {t('exchange.dialog.attachment', { title: p.contentReference?.display ?? p.contentReference?.reference ?? '' })}
          </Typography>
        ))}
        {changes.length > 0 && canReconcile && <Reconciliation message={message} changes={changes} persona={persona} patientId={item.patientId ?? ''} />}
        {changes.length > 0 && !canReconcile && (
          <>
            <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
              {t('exchange.dialog.medicationChanges')}
            </Typography>
            <ul>
              {changes.map((c, i) => (
                <li key={i}>
                  {t(`exchange.dialog.medicationAction.${c.action}`)}: {c.name} {c.dosage ?? ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
          {t('exchange.dialog.history')}
        </Typography>
        <Box component="ol" aria-label={t('exchange.dialog.history')} sx={{ m: 0, pl: 3 }}>
          {eventsOf(message).map((event, i) => (
            <li key={i}>
              {event.code === 'forwarded' ? t('exchange.dialog.forwardedEvent') : t(`exchange.status.${event.code}`)} {formatDateTime(event.time)}
              {event.by?.display ? ` · ${event.by.display}` : ''}
            </li>
          ))}
        </Box>
        {receipts.length > 0 && (
          <>
            <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
              {t('exchange.dialog.receipts')}
            </Typography>
            <ul>
              {receipts.map((task) => (
                <li key={task.id}>{t('exchange.dialog.receipt', { partner: task.owner?.display ?? '', status: task.businessStatus?.text ?? task.status, time: formatDateTime(task.lastModified ?? task.authoredOn) })}</li>
              ))}
            </ul>
          </>
        )}
        {answers.length > 0 && (
          <>
            <Typography component="h3" variant="subtitle1" sx={{ mt: 2 }}>
              {t('exchange.dialog.answers')}
            </Typography>
            {answers.map((a) => (
              <Box key={a.id} sx={{ borderLeft: 4, borderColor: 'primary.main', pl: 1.5, my: 1 }}>
                <Typography variant="body2" color="text.secondary">
                  {a.sender?.display} · {formatDateTime(a.sent)}
                </Typography>
                <Typography sx={{ whiteSpace: 'pre-wrap' }}>{a.payload?.[0]?.contentString}</Typography>
              </Box>
            ))}
          </>
        )}
        {mode === 'answer' && (
          <TextField
            label={t('exchange.dialog.answerLabel')}
            value={answerText}
            onChange={(e) => setAnswerText(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            autoFocus
            error={Boolean(fieldError)}
            helperText={fieldError || ' '}
            sx={{ mt: 2 }}
          />
        )}
        {mode === 'forward' && (
          <TextField select label={t('exchange.dialog.forwardTo')} value={forwardTo} onChange={(e) => setForwardTo(e.target.value)} fullWidth error={Boolean(fieldError)} helperText={fieldError || ' '} sx={{ mt: 2 }}>
            {roles.map((role) => (
              <MenuItem key={role.id} value={role.id}>
                {nameOfRole(role)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box role="status" aria-live="polite" sx={{ mt: 1 }}>
          {feedback && feedback.kind !== 'error' && (
            <Alert severity={feedback.kind === 'conflict' ? 'warning' : 'success'}>{t(`exchange.dialog.${feedback.kind}`, { name: feedback.name ?? '' })}</Alert>
          )}
        </Box>
        {feedback?.kind === 'error' && <ErrorAlert error={feedback.error} />}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {item.patientId && (
          <Button component={RouterLink} to={`/${workspaceId}/patient/${item.patientId}`} onClick={onClose}>
            {t('exchange.dialog.openJournal', { patient: patientName })}
          </Button>
        )}
        {/* The hospital says the patient is admitted: home care answers with its admission report, to the same hospital. */}
        {incoming && item.type === 'innlagt-pasient' && item.patientId && typesFor(persona.personnelGroup).includes('innleggelsesrapport') && (
          <Button
            variant="outlined"
            component={RouterLink}
            to={`/${workspaceId}/messages/new?${new URLSearchParams({ patient: item.patientId, type: 'innleggelsesrapport', ...(message.sender?.reference ? { to: message.sender.reference } : {}) }).toString()}`}
            onClick={onClose}
          >
            {t('exchange.dialog.sendAdmissionReport')}
          </Button>
        )}
        {canAnswer && mode !== 'answer' && (
          <Button variant="outlined" onClick={() => (setMode('answer'), setFieldError(''))}>
            {t('exchange.dialog.answer')}
          </Button>
        )}
        {mode === 'answer' && (
          <Button variant="contained" onClick={sendAnswer} disabled={busy}>
            {answer.isPending ? t('exchange.dialog.sending') : t('exchange.dialog.sendAnswer')}
          </Button>
        )}
        {incoming && open && mode !== 'forward' && (
          <Button variant="outlined" onClick={() => (setMode('forward'), setFieldError(''))}>
            {t('exchange.dialog.forward')}
          </Button>
        )}
        {mode === 'forward' && (
          <Button variant="contained" onClick={sendForward} disabled={busy}>
            {t('exchange.dialog.sendForward')}
          </Button>
        )}
        {incoming && open && (
          <Button variant="outlined" onClick={markHandled} disabled={busy}>
            {t('exchange.dialog.markHandled')}
          </Button>
        )}
        <Button onClick={onClose}>{t('exchange.dialog.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
