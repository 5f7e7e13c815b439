import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllergyIntolerance, Composition, Condition, Flag, MedicationStatement } from 'fhir/r4';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { useFhirSearch } from '../../fhir/hooks';
import { codingOf, conceptText } from '../../fhir/format';
import { narrativeText } from '../../fhir/narrative';
import { patientSearches, useCriticalInformation } from '../../fhir/patients';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../ui/dates';

function Section({ id, title, children, count }: { id: string; title: string; children: ReactNode; count?: number }) {
  return (
    <Paper component="section" aria-labelledby={`${id}-heading`} id={id} sx={{ p: 2, minWidth: 0 }} tabIndex={-1}>
      <Typography variant="h2" id={`${id}-heading`} sx={{ mb: 1 }}>
        {title}
        {count !== undefined && count > 0 ? ` (${count})` : ''}
      </Typography>
      {children}
    </Paper>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <Box role="status" aria-label={t('common.loading')}>
      <Skeleton />
      <Skeleton width="80%" />
      <Skeleton width="60%" />
    </Box>
  );
}

function Empty({ text }: { text: string }) {
  return <Typography color="text.secondary">{text}</Typography>;
}

const CERTAINTY: Record<string, string> = { unconfirmed: 'unconfirmed', confirmed: 'confirmed', refuted: 'refuted' };

function AllergyItem({ allergy }: { allergy: AllergyIntolerance }) {
  const { t } = useTranslation();
  const severe = allergy.criticality === 'high' || allergy.reaction?.some((r) => r.severity === 'severe');
  const verification = allergy.verificationStatus?.coding?.[0]?.code ?? '';
  const certainty = allergy.verificationStatus?.text ?? (CERTAINTY[verification] ? t(`critical.certainty.${verification}`) : '');
  const reactions = allergy.reaction?.flatMap((r) => r.manifestation.map(conceptText)).filter(Boolean) ?? [];
  return (
    <ListItem disableGutters sx={{ display: 'block', borderLeft: 4, borderColor: severe ? 'error.main' : 'warning.main', pl: 1.5, mb: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>
        {conceptText(allergy.code)}
        {severe && <Chip size="small" color="error" label={t('critical.severe')} sx={{ ml: 1 }} />}
      </Typography>
      <Typography variant="body2">
        {[t('critical.category.allergy'), reactions.join(', '), certainty].filter(Boolean).join(' · ')}
      </Typography>
    </ListItem>
  );
}

function FlagItem({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const category = flag.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === CODE_SYSTEM.criticalInfoCategory)?.code;
  return (
    <ListItem disableGutters sx={{ display: 'block', borderLeft: 4, borderColor: 'warning.main', pl: 1.5, mb: 1 }}>
      <Typography sx={{ fontWeight: 700 }}>{conceptText(flag.code)}</Typography>
      <Typography variant="body2">
        {[category ? t(`critical.category.${category}`) : conceptText(flag.category?.[0]), flag.period?.start ? formatDate(flag.period.start) : null]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </ListItem>
  );
}

export function CriticalInformationSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const critical = useCriticalInformation(patientId);
  return (
    <Section id="critical" title={t('critical.title')} count={critical.count}>
      {critical.error ? (
        <ErrorAlert error={critical.error} />
      ) : critical.isPending ? (
        <Loading />
      ) : critical.count === 0 ? (
        <Empty text={t('critical.none')} />
      ) : (
        <List dense disablePadding>
          {critical.allergies.map((a) => (
            <AllergyItem key={a.id} allergy={a} />
          ))}
          {critical.flags.map((f) => (
            <FlagItem key={f.id} flag={f} />
          ))}
        </List>
      )}
    </Section>
  );
}

function ProblemItem({ condition }: { condition: Condition }) {
  const { t } = useTranslation();
  const coding = codingOf(condition.code, CODE_SYSTEM.icpc2) ?? codingOf(condition.code, CODE_SYSTEM.icd10);
  const system = coding?.system === CODE_SYSTEM.icpc2 ? 'ICPC-2' : coding?.system === CODE_SYSTEM.icd10 ? 'ICD-10' : '';
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <Typography>
        {coding?.code && (
          <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 700, mr: 1 }} title={system}>
            {coding.code}
          </Box>
        )}
        {conceptText(condition.code)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[
          condition.onsetDateTime ? t('problems.onset', { date: formatDate(condition.onsetDateTime) }) : null,
          condition.recorder?.display ? t('common.by', { name: condition.recorder.display }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </ListItem>
  );
}

function ActiveProblemsSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const problems = useFhirSearch('Condition', patientSearches.activeProblems(patientId));
  const list = problems.data?.resources ?? [];
  return (
    <Section id="problems" title={t('problems.title')} count={list.length}>
      {problems.error ? (
        <ErrorAlert error={problems.error} onRetry={() => void problems.refetch()} />
      ) : problems.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty text={t('problems.none')} />
      ) : (
        <List dense disablePadding>
          {list.map((c) => (
            <ProblemItem key={c.id} condition={c} />
          ))}
        </List>
      )}
    </Section>
  );
}

function MedicationItem({ medication }: { medication: MedicationStatement }) {
  const { t } = useTranslation();
  const atc = codingOf(medication.medicationCodeableConcept, CODE_SYSTEM.atc)?.code;
  return (
    <ListItem disableGutters sx={{ display: 'block' }}>
      <Typography sx={{ fontWeight: 600 }}>
        {conceptText(medication.medicationCodeableConcept) || medication.medicationReference?.display}
        {atc && (
          <Box component="span" sx={{ fontFamily: 'monospace', fontWeight: 400, ml: 1, color: 'text.secondary' }}>
            {atc}
          </Box>
        )}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[
          medication.dosage?.[0]?.text,
          medication.effectivePeriod?.start ? t('medications.since', { date: formatDate(medication.effectivePeriod.start) }) : null,
          medication.informationSource?.display ? t('common.by', { name: medication.informationSource.display }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </ListItem>
  );
}

function MedicationsSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const meds = useFhirSearch('MedicationStatement', patientSearches.currentMedications(patientId));
  const list = meds.data?.resources ?? [];
  return (
    <Section id="medications" title={t('medications.title')} count={list.length}>
      {meds.error ? (
        <ErrorAlert error={meds.error} onRetry={() => void meds.refetch()} />
      ) : meds.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty text={t('medications.none')} />
      ) : (
        <List dense disablePadding>
          {list.map((m) => (
            <MedicationItem key={m.id} medication={m} />
          ))}
        </List>
      )}
    </Section>
  );
}

function NoteItem({ note }: { note: Composition }) {
  const { t } = useTranslation();
  const where = note.custodian?.display;
  return (
    <ListItem disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', pb: 1, mb: 1 }}>
      <Typography sx={{ fontWeight: 600 }}>
        {note.title}
        <Chip size="small" variant="outlined" label={conceptText(note.type)} sx={{ ml: 1 }} />
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[formatDateTime(note.date), note.author?.[0]?.display, where].filter(Boolean).join(' · ')}
        {note.status !== 'final' ? ` · ${t(`notes.status.${note.status}`)}` : ''}
      </Typography>
      {note.section?.map((section, index) => (
        <Box key={index} sx={{ mt: 0.5 }}>
          {section.title && (
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {section.title}
            </Typography>
          )}
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {narrativeText(section.text?.div)}
          </Typography>
        </Box>
      ))}
    </ListItem>
  );
}

function LatestNotesSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const notes = useFhirSearch('Composition', patientSearches.latestNotes(patientId));
  const list = notes.data?.resources ?? [];
  return (
    <Section id="notes" title={t('notes.latest')}>
      {notes.error ? (
        <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <Empty text={t('notes.none')} />
      ) : (
        <List dense disablePadding>
          {list.map((n) => (
            <NoteItem key={n.id} note={n} />
          ))}
        </List>
      )}
    </Section>
  );
}

/** The first journal overview: critical information first, then problems, medicines and the latest notes. */
export function PatientOverview({ patientId }: { patientId: string }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 2 }}>
        <CriticalInformationSection patientId={patientId} />
        <ActiveProblemsSection patientId={patientId} />
        <MedicationsSection patientId={patientId} />
      </Box>
      <LatestNotesSection patientId={patientId} />
    </Box>
  );
}
