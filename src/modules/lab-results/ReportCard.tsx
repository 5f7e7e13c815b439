import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { DeviceClass } from '../../layout/types';
import { NewChip, provenanceText } from '../../journal/RecordedBy';
import type { Provenance } from '../../journal/provenance';
import { formatDateTime } from '../../ui/dates';
import type { AnalysisView, ReportView } from '../../fhir/results/model';
import { flagText, rangeText, useNumberFormat, VISUALLY_HIDDEN } from '../../ui/resultFormat';
import { HeadRow } from './HeadRow';

function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

function AnalysisTable({ view }: { view: ReportView }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const value = (a: AnalysisView) => (a.value !== undefined ? num(a.value) : (a.valueText ?? ''));
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" sx={{ '& td, & th': { py: 0.25, px: 1 }, '& tr > :first-of-type': { pl: 0 } }}>
        <caption style={VISUALLY_HIDDEN}>{t('labResults.table.caption', { title: view.title, date: formatDateTime(view.sampled) })}</caption>
        <HeadRow columns={[{ label: t('labResults.table.analysis') }, { label: t('labResults.table.value'), numeric: true }, { label: t('labResults.table.unit') }, { label: t('labResults.table.range') }, { label: t('labResults.table.flag') }]} />
        <TableBody>
          {view.analyses.map((a) => (
            <TableRow
              key={a.id}
              data-abnormal={a.abnormal || undefined}
              sx={a.abnormal ? { bgcolor: (theme) => alpha(theme.palette.error.main, theme.palette.mode === 'dark' ? 0.16 : 0.07), '& td, & th': { fontWeight: 700 } } : undefined}
            >
              <TableCell component="th" scope="row" sx={{ fontWeight: a.abnormal ? 700 : 400 }}>
                {a.name}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {value(a)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.unit}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>{rangeText(t, num, a)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap', color: a.abnormal ? 'error.main' : undefined }}>{flagText(t, a.flag)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export interface ReportCardProps {
  view: ReportView;
  provenance: Provenance;
  isNew: boolean;
  device: DeviceClass;
  /** Given when the user may mark the report seen (and it is unseen). */
  onMarkSeen?: (() => void) | undefined;
  marking: boolean;
}

/**
 * One request: the panel (or examination), when it was sampled, by which lab, its status, and
 * its analyses as a compact table (abnormal ones in bold, with the flag as a word); a radiology
 * report shows its conclusion and the radiologist. Unseen results say so in words.
 */
export const ReportCard = memo(function ReportCard({ view, provenance, isNew, device, onMarkSeen, marking }: ReportCardProps) {
  const { t } = useTranslation();
  const base = `lab-report-${domId(view.id)}`;
  const urgent = view.unseen && view.abnormal;
  const who = provenanceText(t, provenance) || t('labResults.unknownLab');
  const issued = formatDateTime(view.issued);
  return (
    <Box
      component="article"
      aria-labelledby={`${base}-heading`}
      sx={{
        borderBottom: 1,
        borderColor: 'divider',
        borderLeft: 4,
        borderLeftColor: urgent ? 'error.main' : view.unseen ? 'warning.main' : 'transparent',
        pl: 1.25,
        pr: 0.5,
        py: 1,
      }}
    >
      <Typography component="h3" variant="subtitle1" id={`${base}-heading`} sx={{ m: 0, fontWeight: 600, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.5 }}>
        <span>{view.title || t(`labResults.kind.${view.kind}`)}</span>
        {view.unseen && <Chip component="span" size="small" color={urgent ? 'error' : 'warning'} label={t('labResults.unseen')} title={t('labResults.unseenHint')} sx={{ height: 22, fontWeight: 700 }} />}
        {view.abnormal && <Chip component="span" size="small" variant="outlined" color="error" label={t('labResults.abnormal')} sx={{ height: 22 }} />}
        {isNew && <NewChip />}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {[
          t(view.kind === 'rad' ? 'labResults.examined' : 'labResults.sampled', { date: formatDateTime(view.sampled) }),
          t(`labResults.kind.${view.kind}`),
          t(`labResults.status.${view.status}`, { defaultValue: view.status }),
        ].join(' · ')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {t(view.kind === 'rad' ? 'labResults.describedBy' : 'labResults.answeredBy', { date: issued, who })}
      </Typography>
      {view.kind === 'rad' ? (
        <Box sx={{ mt: 0.75 }}>
          <Typography variant="body2" component="p" sx={{ m: 0 }}>
            <Box component="span" sx={{ fontWeight: 600 }}>
              {t('labResults.conclusion')}:
            </Box>{' '}
            {view.conclusion || t('labResults.noConclusion')}
          </Typography>
          {view.analyses.length > 0 && <AnalysisTable view={view} />}
        </Box>
      ) : view.analyses.length > 0 ? (
        <Box sx={{ mt: 0.5 }}>
          <AnalysisTable view={view} />
        </Box>
      ) : (
        view.missing === 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('labResults.noAnalyses')}
          </Typography>
        )
      )}
      {view.hiddenNormal > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
          {t('labResults.hiddenNormal', { count: view.hiddenNormal })}
        </Typography>
      )}
      {view.missing > 0 && (
        <Typography variant="body2" color="warning.main" sx={{ mt: 0.25 }}>
          {t('labResults.notIncluded', { count: view.missing })}
        </Typography>
      )}
      {view.review?.time && !view.unseen && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
          {view.review.reviewer?.display
            ? t('labResults.seenBy', { name: view.review.reviewer.display, date: formatDateTime(view.review.time) })
            : t('labResults.seenBySomeone', { date: formatDateTime(view.review.time) })}
        </Typography>
      )}
      {onMarkSeen && (
        <Button variant="outlined" size={device === 'tablet' ? 'medium' : 'small'} onClick={onMarkSeen} disabled={marking} sx={{ mt: 0.75 }}>
          {marking ? t('labResults.marking') : t('labResults.markSeen')}
        </Button>
      )}
    </Box>
  );
});
