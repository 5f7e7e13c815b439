import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { formatNameFamilyFirst } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { formatDate, formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { flagText, useNumberFormat } from '../../ui/resultFormat';
import { labResultsEn, labResultsNb } from '../../i18n/labResults';
import { useMarkSeen } from '../../fhir/results/useMarkSeen';
import { MarkSeenFeedback, type MarkSeenResult } from '../../ui/MarkSeenFeedback';
import { useActionFeedback } from '../../ui/useActionFeedback';
import { reviewList, type ReviewItem } from './model';
import { unseenResultsSearch } from '../../fhir/results/searches';

// The flags' words ("Høy", "Lav" …) are the lab results module's.
registerModuleStrings('labResults', { nb: labResultsNb, en: labResultsEn });

function ReviewRow({ item, workspaceId, size, marking, onMarkSeen }: { item: ReviewItem; workspaceId: string; size: 'small' | 'medium'; marking: boolean; onMarkSeen: () => void }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const { view, patient } = item;
  const name = patient ? formatNameFamilyFirst(patient.name) : t('modules.results-to-review.unknownPatient');
  const title = view.title || t(`labResults.kind.${view.kind}`);
  const findings = item.abnormal.map((a) => [a.name, a.value !== undefined ? `${num(a.value)} ${a.unit}`.trim() : a.valueText, `(${flagText(t, a.flag)})`].filter(Boolean).join(' '));
  return (
    <Box component="li" sx={{ py: 1, borderBottom: 1, borderColor: 'divider', borderLeft: view.abnormal ? 4 : 0, borderLeftColor: 'error.main', pl: view.abnormal ? 1 : 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1 }}>
        {patient?.id ? (
          <Link component={RouterLink} to={`/${workspaceId}/patient/${patient.id}`} sx={{ fontWeight: 600 }}>
            {name}
          </Link>
        ) : (
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
        )}
        {patient?.birthDate && (
          <Typography component="span" variant="body2" color="text.secondary">
            {t('modules.results-to-review.born', { date: formatDate(patient.birthDate) })}
          </Typography>
        )}
      </Box>
      <Typography variant="body2" component="div">
        {title}
        {' · '}
        {t('modules.results-to-review.sampled', { date: formatDateTime(view.sampled ?? view.issued) })}
        {view.abnormal && <Chip size="small" color="error" variant="outlined" label={t('modules.results-to-review.abnormal')} sx={{ ml: 1 }} />}
      </Typography>
      {findings.length > 0 && <Typography variant="body2" sx={{ fontWeight: 600 }}>{findings.join(' · ')}</Typography>}
      {view.kind === 'rad' && view.conclusion && (
        <Typography variant="body2" color="text.secondary" sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
          {view.conclusion}
        </Typography>
      )}
      <Button variant="outlined" size={size} onClick={onMarkSeen} disabled={marking} sx={{ mt: 0.5 }} aria-label={t('modules.results-to-review.markSeenFor', { title, name })}>
        {marking ? t('labResults.marking') : t('labResults.markSeen')}
      </Button>
    </Box>
  );
}

/**
 * Results to review (GP home): new lab and radiology results for the patients on the GP's list
 * that nobody at the office has marked seen, those outside the reference range first. One
 * action marks a result seen (the same transaction as in the patient's chart); the patient's
 * chart is one click away.
 */
export default function ResultsToReview({ workspaceId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const search = useFhirSearch('DiagnosticReport', persona ? unseenResultsSearch(persona.practitionerRoleId) : undefined);
  const list = useMemo(() => reviewList(search.data?.bundle), [search.data]);
  const mark = useMarkSeen();
  // The button a finished "mark as seen" came from is gone with its row: the message takes the focus.
  const { feedback, setFeedback, ref: feedbackRef } = useActionFeedback<MarkSeenResult>();
  const size = device === 'tablet' ? 'medium' : 'small';

  if (search.error) return <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />;
  if (search.isPending) return <LoadingLines />;

  const markSeen = (item: ReviewItem) => {
    if (!persona) return;
    setFeedback(null);
    const title = item.view.title || t(`labResults.kind.${item.view.kind}`);
    const name = item.patient ? formatNameFamilyFirst(item.patient.name) : t('modules.results-to-review.unknownPatient');
    mark.mutate(
      { report: item.view.resource, observations: item.view.observations, reviewer: { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name } },
      {
        onSuccess: (outcome) =>
          setFeedback(
            outcome === 'already-seen'
              ? { kind: 'already', text: t('modules.results-to-review.alreadySeen', { title, name }) }
              : { kind: 'saved', text: t('modules.results-to-review.markedSeen', { title, name }) },
          ),
        onError: (error) => setFeedback({ kind: 'error', error }),
      },
    );
  };

  const count = list.total ?? list.items.length;
  const summary = [t('modules.results-to-review.count', { count })];
  if (list.abnormalCount > 0) summary.push(t('modules.results-to-review.abnormalCount', { count: list.abnormalCount }));
  if (list.total !== undefined && list.total > list.items.length) summary.push(t('modules.results-to-review.shown', { shown: list.items.length }));

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body2" role="status" aria-live="polite" sx={{ fontWeight: list.abnormalCount > 0 ? 600 : 400 }}>
        {summary.join(' · ')}
      </Typography>
      {feedback && <MarkSeenFeedback result={feedback} onClose={() => setFeedback(null)} feedbackRef={feedbackRef} />}
      {list.items.length === 0 ? (
        <Typography color="text.secondary">{t('modules.results-to-review.none')}</Typography>
      ) : (
        <Box component="ul" aria-label={t('modules.results-to-review.listLabel')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {list.items.map((item) => (
            <ReviewRow
              key={item.view.id}
              item={item}
              workspaceId={workspaceId}
              size={size}
              marking={mark.isPending && mark.variables?.report.id === item.view.id}
              onMarkSeen={() => markSeen(item)}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
