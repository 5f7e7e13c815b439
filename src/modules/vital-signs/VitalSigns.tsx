import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryState } from '../../ui/QueryList';
import { EMPTY_DRAFT, isDraftEmpty, type VitalsDraft } from './draft';
import { HistoryTable } from './HistoryTable';
import { LatestSet } from './LatestSet';
import { RecordVitalsDialog } from './RecordVitalsDialog';
import { TrendPanel } from './TrendPanel';
import { useVitalHistory } from './useVitalSigns';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { vitalsNb, vitalsEn } from './i18n';

registerModuleStrings('vitals', { nb: vitalsNb, en: vitalsEn });

/**
 * Vital signs: the latest set (with NEWS2 and its band), recording a new set with NEWS2 as it is
 * typed, a trend per parameter over a chosen period, and every earlier set with who recorded it
 * and where.
 */
export default function VitalSigns({ patientId, config, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const history = useVitalHistory(patientId);
  const newRule = useNewEntryRule(patientId);
  // Drafts per patient, so an unfinished recording never follows the user to another patient.
  const [drafts, setDrafts] = useState<Record<string, VitalsDraft>>({});
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const draft = (patientId && drafts[patientId]) || EMPTY_DRAFT;
  const hasDraft = !isDraftEmpty(draft);
  const latest = history.sets[0];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          size={device === 'tablet' ? 'large' : 'medium'}
          disabled={!persona || !patientId}
          onClick={() => {
            setSaved(false);
            setOpen(true);
          }}
        >
          {hasDraft ? t('vitals.continueDraft') : t('vitals.record')}
        </Button>
        {hasDraft && !open && (
          <Typography variant="body2" color="warning.main" sx={{ fontWeight: 600 }}>
            {t('vitals.draftKept')}
          </Typography>
        )}
        {!persona && (
          <Typography variant="body2" color="text.secondary">
            {t('vitals.notSignedIn')}
          </Typography>
        )}
      </Box>
      {saved && (
        <Alert severity="success" role="status" onClose={() => setSaved(false)}>
          {t('vitals.saved')}
        </Alert>
      )}
      <QueryState
        error={history.error}
        onRetry={history.refetch}
        loaded={history.loaded}
        loading={
          <Box role="status" aria-label={t('common.loading')}>
            <Skeleton height={48} />
            <Skeleton />
            <Skeleton width="70%" />
          </Box>
        }
        isEmpty={!latest}
        empty={<Typography color="text.secondary">{t('vitals.none')}</Typography>}
      >
        {latest && (
          <>
            <LatestSet set={latest} roles={history.roles} units={history.units} isNew={isNewEntry(newRule, latest.time, latest.performer[0])} />
            <TrendPanel sets={history.sets} config={config} device={device} />
            <HistoryTable sets={history.sets} roles={history.roles} units={history.units} device={device} truncated={history.truncated} />
          </>
        )}
      </QueryState>
      {open && persona && patientId && (
        <RecordVitalsDialog
          patientId={patientId}
          persona={persona}
          device={device}
          draft={draft}
          onDraftChange={(next) => setDrafts((all) => ({ ...all, [patientId]: next }))}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setDrafts((all) => {
              const rest = { ...all };
              delete rest[patientId];
              return rest;
            });
            setOpen(false);
            setSaved(true);
          }}
        />
      )}
    </Box>
  );
}
