import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import AddIcon from '@mui/icons-material/Add';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { Reference } from 'fhir/r4';
import type { ServiceCode } from '../../domain/services';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { EntryDialog } from './EntryDialog';
import { EntryItem } from './EntryItem';
import { criticalEn, criticalNb } from './i18n';
import { groupEntries, type CategoryCode, type CriticalEntry } from './model';
import { RefuteDialog } from './RefuteDialog';
import { useCriticalEntries } from './useCriticalInfo';

registerModuleStrings('criticalInfo', { nb: criticalNb, en: criticalEn });

type Open = { kind: 'add' } | { kind: 'edit'; entry: CriticalEntry } | { kind: 'refute'; entry: CriticalEntry } | null;

function CategoryGroup({ category, children }: { category: CategoryCode | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  const title = t(`criticalInfo.group.${category ?? 'other'}`);
  return (
    <Box>
      <Typography component="h3" variant="h3" id={headingId} sx={{ fontSize: '1rem', fontWeight: 700, mb: 0.5 }}>
        {title}
      </Typography>
      <Box component="ul" aria-labelledby={headingId} sx={{ p: 0, m: 0 }}>
        {children}
      </Box>
    </Box>
  );
}

/**
 * Critical information (Kjernejournal categories): grouped by category, severe drug reactions
 * first and unmistakable, each with certainty, source and who recorded it where; add, correct
 * (If-Match, both versions on a conflict) and refute for clinical personnel; refuted entries on
 * request as struck-through history; filter by the service that recorded them.
 */
export default function CriticalInfo({ patientId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const canEdit = Boolean(persona && CLINICAL_GROUPS.includes(persona.personnelGroup));
  const [showRefuted, setShowRefuted] = useState(false);
  const [service, setService] = useState<ServiceCode | ''>('');
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const data = useCriticalEntries(patientId, showRefuted);
  const provenance = useProvenance(data.refs);
  const rule = useNewEntryRule(patientId);

  const serviceOf = (entry: CriticalEntry) => provenance.describe(entry.recorder).service;
  const counts = serviceCounts(data.entries, serviceOf);
  const visible = service ? data.entries.filter((e) => serviceOf(e) === service) : data.entries;
  const groups = groupEntries(visible);
  const describe = (ref: Reference | undefined) => provenance.describe(ref);
  const isNew = (e: CriticalEntry) => isNewEntry(rule, e.recordedDate, e.recorder) || (e.version > 1 && e.changedBy !== undefined && isNewEntry(rule, e.lastUpdated, e.changedBy));

  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1.5 }}>
        {canEdit && patientId && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            size={device === 'tablet' ? 'large' : 'medium'}
            onClick={() => {
              setDone(null);
              setOpen({ kind: 'add' });
            }}
            aria-label={t('criticalInfo.addLabel')}
          >
            {t('criticalInfo.add')}
          </Button>
        )}
        <ServiceFilter value={service} onChange={setService} counts={counts} />
        <FormControlLabel control={<Switch checked={showRefuted} onChange={(e) => setShowRefuted(e.target.checked)} />} label={t('criticalInfo.showRefuted')} sx={device === 'tablet' ? { minHeight: 48 } : undefined} />
      </Box>
      <Box role="status" aria-live="polite">
        {done && (
          <Alert severity="success" onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
      </Box>
      {provenance.error && (
        <Typography variant="body2" color="text.secondary">
          {t('criticalInfo.entry.lookupFailed')}
        </Typography>
      )}
      {/* A refresh that fails says so above what was shown, which stays; and "none" is never
          said for want of an answer. */}
      {data.error && <ErrorAlert error={data.error} onRetry={data.refetch} />}
      {data.isPending ? (
        !data.error && <LoadingLines />
      ) : (
        <>
          {groups.length === 0 && !data.error && <Typography color="text.secondary">{service ? t('criticalInfo.noneForService') : t('criticalInfo.none')}</Typography>}
          {groups.map((group) => (
            <CategoryGroup key={group.category ?? 'other'} category={group.category}>
              {group.entries.map((entry) => (
                <EntryItem
                  key={entry.key}
                  entry={entry}
                  describe={describe}
                  isNew={isNew(entry)}
                  canEdit={canEdit}
                  device={device}
                  onEdit={() => {
                    setDone(null);
                    setOpen({ kind: 'edit', entry });
                  }}
                  onRefute={() => {
                    setDone(null);
                    setOpen({ kind: 'refute', entry });
                  }}
                />
              ))}
            </CategoryGroup>
          ))}
          {data.refutedError && <ErrorAlert error={data.refutedError} onRetry={data.refetchRefuted} />}
          {data.refutedPending && <LoadingLines />}
        </>
      )}
      {open && persona && patientId && open.kind !== 'refute' && (
        <EntryDialog patientId={patientId} persona={persona} device={device} entry={open.kind === 'edit' ? open.entry : undefined} onClose={() => setOpen(null)} onDone={finish} />
      )}
      {open?.kind === 'refute' && persona && <RefuteDialog entry={open.entry} persona={persona} device={device} onClose={() => setOpen(null)} onDone={finish} />}
    </Box>
  );
}
