import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ServiceCode } from '../../domain/services';
import { useFhirSearch } from '../../fhir/hooks';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import { NewChip, provenanceText } from '../../journal/RecordedBy';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { formatDate } from '../../ui/dates';
import { DocumentReader } from './DocumentReader';
import { documentsEn, documentsNb } from './i18n';
import { typeLabel } from './labels';
import { filterDocuments, NO_FILTER, sortNewestFirst, toDocumentView, typeCounts, type DocumentFilter, type DocumentTypeKey, type DocumentView } from './model';
import { documentsSearch } from './searches';

registerModuleStrings('documents', { nb: documentsNb, en: documentsEn });

/** Rows shown at first and added by "show more": the list stays short however many documents there are. */
const PAGE = 30;

/**
 * Documents from and to other services: discharge summaries (epikriser), referrals and letters,
 * newest first, with who sent each and from where, filters by service and type, and a reader
 * that shows a document's full text.
 */
export default function Documents({ patientId, device }: ModuleProps) {
  const { t } = useTranslation();
  const search = useFhirSearch('DocumentReference', patientId ? documentsSearch(patientId) : undefined);
  const views = useMemo(() => sortNewestFirst((search.data?.resources ?? []).map(toDocumentView)), [search.data]);
  const refs = useMemo(() => views.flatMap((v) => [v.author, v.custodian]), [views]);
  const provenance = useProvenance(refs);
  const newRule = useNewEntryRule(patientId);
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER);
  const [limit, setLimit] = useState(PAGE);
  const [openId, setOpenId] = useState<string | null>(null);

  const described = useMemo(() => new Map(views.map((v) => [v.id, provenance.describe(v.author, v.custodian)])), [views, provenance]);
  const serviceOf = useMemo(() => (v: DocumentView): ServiceCode | undefined => described.get(v.id)?.service ?? v.categoryService, [described]);
  const services = useMemo(() => serviceCounts(views, serviceOf), [views, serviceOf]);
  const types = useMemo(() => typeCounts(views), [views]);
  const shown = useMemo(() => filterDocuments(views, filter, serviceOf), [views, filter, serviceOf]);
  const open = openId ? views.find((v) => v.id === openId) : undefined;

  if (!patientId) return null;
  const filtered = filter.service !== '' || filter.type !== '';
  const total = search.data?.total;
  const change = (patch: Partial<DocumentFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <ServiceFilter value={filter.service} onChange={(service) => change({ service })} counts={services} />
        <TextField select size="small" label={t('documents.typeFilter')} value={filter.type} onChange={(e) => change({ type: e.target.value as DocumentTypeKey | '' })} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('documents.allTypes')}</MenuItem>
          {types.map(({ type, count }) => (
            <MenuItem key={type} value={type}>
              {t('documents.typeOption', { type: t(`documents.type.${type}`), count })}
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ ml: 'auto' }}>
          {search.isPending ? '' : filtered ? t('documents.countFiltered', { shown: shown.length, total: views.length }) : t('documents.count', { count: views.length })}
        </Typography>
      </Box>

      {provenance.error && <Alert severity="info">{t('provenance.lookupFailed')}</Alert>}
      {total !== undefined && total > views.length && <Alert severity="info">{t('documents.truncated', { shown: views.length, total })}</Alert>}

      {/* A refresh that fails (patchy coverage) says so above what was shown, which stays. */}
      {search.error && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
      {search.isPending ? (
        !search.error && <LoadingLines />
      ) : !search.data ? null : shown.length === 0 ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
          <Typography color="text.secondary">{views.length === 0 ? t('documents.none') : t('documents.noMatch')}</Typography>
          {filtered && (
            <Button size="small" onClick={() => change(NO_FILTER)}>
              {t('documents.clearFilters')}
            </Button>
          )}
        </Box>
      ) : (
        <>
          <List aria-label={t('documents.list')} disablePadding>
            {shown.slice(0, limit).map((view) => {
              const p = described.get(view.id) ?? provenance.describe(view.author, view.custodian);
              return (
                <ListItem key={view.id} disablePadding divider>
                  <ListItemButton onClick={() => setOpenId(view.id)} aria-haspopup="dialog" sx={{ display: 'block', py: 0.75, minHeight: device === 'tablet' ? 44 : 32 }}>
                    <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.25, alignItems: 'baseline' }}>
                      <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                        {view.date ? <time dateTime={view.date}>{formatDate(view.date)}</time> : '–'}
                      </Box>
                      <Box component="span" sx={{ fontWeight: 600 }}>
                        {view.title}
                      </Box>
                      {typeLabel(t, view).toLocaleLowerCase() !== view.title.toLocaleLowerCase() && (
                        <Box component="span" sx={{ color: 'text.secondary' }}>
                          {typeLabel(t, view)}
                        </Box>
                      )}
                      {isNewEntry(newRule, view.date, view.author) && <NewChip />}
                    </Box>
                    {view.description && view.description !== view.title && (
                      <Typography component="span" variant="body2" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                        {view.description}
                      </Typography>
                    )}
                    <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', overflowWrap: 'anywhere' }}>
                      {provenanceText(t, p)}
                    </Typography>
                  </ListItemButton>
                </ListItem>
              );
            })}
          </List>
          {shown.length > limit && (
            <Button onClick={() => setLimit((n) => n + PAGE)} sx={{ alignSelf: 'flex-start' }}>
              {t('documents.showMore', { count: Math.min(PAGE, shown.length - limit) })}
            </Button>
          )}
        </>
      )}

      {open && <DocumentReader view={open} provenance={described.get(open.id) ?? provenance.describe(open.author, open.custodian)} device={device} onClose={() => setOpenId(null)} />}
    </Box>
  );
}
