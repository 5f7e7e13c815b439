import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import HomeOutlinedIcon from '@mui/icons-material/HomeOutlined';
import HotelOutlinedIcon from '@mui/icons-material/HotelOutlined';
import ScienceOutlinedIcon from '@mui/icons-material/ScienceOutlined';
import type { Theme } from '@mui/material/styles';
import { formatNationalId } from '../../domain/nationalId';
import { useAllBundles, useAllPages } from '../../fhir/hooks';
import { unseenResultsSearch } from '../../fhir/results/searches';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { VISUALLY_HIDDEN } from '../../ui/visuallyHidden';
import { listedPatientsEn, listedPatientsNb } from './i18n';
import { useListState } from './listState';
import { buildRows, FILTER_KEYS, listView, nextSort, parseListQuery, type ListRow, type SortKey } from './model';
import { careEpisodesSearch, contactSince, listedPatientsSearch, officeContactsSearch } from './searches';

registerModuleStrings('listedPatients', { nb: listedPatientsNb, en: listedPatientsEn });

/** Wide: one line per patient. Narrow (a small module, a phone): name and age, then number and last contact, then the notes. */
const WIDE_COLUMNS = 'minmax(11rem, 2fr) 7.5rem 4.5rem 7.5rem minmax(9rem, 2fr)';
const NARROW = '@container listed-patients (max-width: 640px)';
const rowGrid = {
  display: 'grid',
  gridTemplateColumns: WIDE_COLUMNS,
  gridTemplateAreas: '"name nid age contact flags"',
  columnGap: 1.5,
  alignItems: 'center',
  px: 1,
  [NARROW]: { gridTemplateColumns: '1fr auto', gridTemplateAreas: '"name age" "nid contact" "flags flags"' },
} as const;

const minTarget = (theme: Theme) => theme.minTarget;

function numberFormat(language: string): Intl.NumberFormat {
  return new Intl.NumberFormat(language.startsWith('en') ? 'en-GB' : 'nb-NO');
}

function Flags({ row }: { row: ListRow }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, py: 0.25 }}>
      {row.unseenAbnormal > 0 && (
        <Chip size="small" color="error" variant="outlined" icon={<ScienceOutlinedIcon />} label={t('listedPatients.flag.unseenAbnormal', { count: row.unseenAbnormal })} />
      )}
      {row.homeCare && <Chip size="small" variant="outlined" icon={<HomeOutlinedIcon />} label={t('listedPatients.flag.homeCare')} />}
      {row.nursingHome && <Chip size="small" variant="outlined" icon={<HotelOutlinedIcon />} label={t('listedPatients.flag.nursingHome')} />}
      {row.deceased && <Chip size="small" label={t('listedPatients.flag.deceased')} />}
    </Box>
  );
}

/**
 * The GP's list (fastlegeliste): every listed patient, searchable by name, fødselsnummer or
 * birth date, sortable, with filters for home care, unseen abnormal results and no contact with
 * the office for 12 months. A table of rows (virtualised: only the rows in view are in the
 * page); arrow keys move between patients, Enter opens the chart.
 */
export default function ListedPatients({ workspaceId }: ModuleProps) {
  const { t, i18n } = useTranslation();
  const persona = useSession((s) => s.persona);
  const roleId = persona?.practitionerRoleId;
  const officeId = persona?.organizationId;
  // A local date: the search stays the same (and cached) all day.
  const since = contactSince(new Date());

  const patients = useAllPages('Patient', roleId ? listedPatientsSearch(roleId) : undefined);
  const contacts = useAllPages('Encounter', roleId && officeId ? officeContactsSearch(roleId, officeId, since) : undefined);
  const episodes = useAllPages('EpisodeOfCare', roleId ? careEpisodesSearch(roleId) : undefined);
  const results = useAllBundles('DiagnosticReport', roleId ? unseenResultsSearch(roleId) : undefined);

  const { text, filters, sort, setText, toggleFilter, setSort, clear, claim } = useListState();
  useEffect(() => claim(persona?.id), [claim, persona?.id]);
  const deferredText = useDeferredValue(text);

  const rows = useMemo(
    () => buildRows({ patients: patients.data ?? [], contacts: contacts.data ?? [], episodes: episodes.data ?? [], unseenResults: results.data ?? [], now: new Date() }),
    [patients.data, contacts.data, episodes.data, results.data],
  );
  const query = useMemo(() => parseListQuery(deferredText), [deferredText]);
  const view = useMemo(() => listView(rows, { query, filters, sort }), [rows, query, filters, sort]);
  const fmt = numberFormat(i18n.language);

  const detailsPending = contacts.isPending || episodes.isPending || results.isPending;
  const detailsError = contacts.error ?? episodes.error ?? results.error;
  const filterReady = { homeCare: !episodes.isPending && !episodes.error, unseenAbnormal: !results.isPending && !results.error, noRecentContact: !contacts.isPending && !contacts.error };

  const hintId = useId();
  const searchId = useId();

  useEffect(() => {
    if (patients.data && !detailsPending) performance.mark('listed-patients-ready', { detail: patients.data.length });
  }, [patients.data, detailsPending]);

  if (patients.error) return <ErrorAlert error={patients.error} onRetry={() => void patients.refetch()} />;
  if (patients.isPending) return <LoadingLines />;

  const shown = view.rows.length;
  const narrowed = shown !== view.total;
  const summary = narrowed
    ? t('listedPatients.count', { count: view.total, shown: fmt.format(shown), total: fmt.format(view.total) })
    : t('listedPatients.countAll', { count: view.total, total: fmt.format(view.total) });

  return (
    <Box sx={{ containerType: 'inline-size', containerName: 'listed-patients', display: 'flex', flexDirection: 'column', gap: 1, height: { xs: 'auto', sm: '100%' }, minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: 2, rowGap: 1 }}>
        <TextField
          id={searchId}
          type="search"
          size="small"
          label={t('listedPatients.searchLabel')}
          helperText={t('listedPatients.searchHelp')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          sx={{ flex: '1 1 14rem', maxWidth: '24rem' }}
        />
        <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
          <Typography component="legend" variant="body2" sx={{ float: 'left', mr: 1, fontWeight: 600 }}>
            {t('listedPatients.filtersLabel')}
          </Typography>
          {FILTER_KEYS.map((key) => (
            <FormControlLabel
              key={key}
              sx={{ mr: 1, minHeight: minTarget }}
              control={<Checkbox size="small" checked={filters[key]} onChange={() => toggleFilter(key)} disabled={!filterReady[key]} />}
              label={<Typography variant="body2">{t(`listedPatients.filter.${key}`, { count: view.filterCounts[key] })}</Typography>}
            />
          ))}
        </Box>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 2 }}>
        <Typography variant="body2" role="status" aria-live="polite" sx={{ fontWeight: 600 }}>
          {summary}
        </Typography>
        {detailsPending && (
          <Typography variant="body2" color="text.secondary">
            {t('listedPatients.loadingDetails')}
          </Typography>
        )}
        {(narrowed || text) && (
          <Button size="small" onClick={clear}>
            {t('listedPatients.clear')}
          </Button>
        )}
      </Box>
      {detailsError && (
        <ErrorAlert
          error={detailsError}
          titleKey="listedPatients.detailsError"
          onRetry={() => {
            void contacts.refetch();
            void episodes.refetch();
            void results.refetch();
          }}
        />
      )}
      {view.total === 0 ? (
        <Typography color="text.secondary">{t('listedPatients.empty')}</Typography>
      ) : (
        <PatientTable rows={view.rows} workspaceId={workspaceId} sortKey={sort.key} direction={sort.direction} onSort={(key) => setSort(nextSort(sort, key))} hintId={hintId} />
      )}
      {view.total > 0 && shown === 0 && <Typography color="text.secondary">{t('listedPatients.noMatch')}</Typography>}
      <Typography id={hintId} variant="caption" color="text.secondary">
        {t('listedPatients.keyboard')}
      </Typography>
    </Box>
  );
}

const COLUMNS: { key: 'name' | 'nid' | 'age' | 'contact' | 'flags'; label: string; sort?: SortKey; narrowHidden?: boolean }[] = [
  { key: 'name', label: 'name', sort: 'name' },
  { key: 'nid', label: 'nationalId', narrowHidden: true },
  { key: 'age', label: 'age', sort: 'age' },
  { key: 'contact', label: 'lastContact', sort: 'lastContact' },
  { key: 'flags', label: 'flags', narrowHidden: true },
];

function PatientTable({
  rows,
  workspaceId,
  sortKey,
  direction,
  onSort,
  hintId,
}: {
  rows: readonly ListRow[];
  workspaceId: string;
  sortKey: SortKey;
  direction: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  hintId: string;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 10,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  // One row link is in the Tab order: the last one used if it is in view, else the first in view.
  const tabbable = items.some((i) => i.index === current) ? current : (items[0]?.index ?? 0);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const link = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`);
    if (link) {
      link.focus();
      pendingFocus.current = null;
    }
  });

  const move = (event: KeyboardEvent<HTMLElement>) => {
    const from = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index'));
    if (Number.isNaN(from)) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 440) / 44) - 1);
    const target: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: rows.length - 1 };
    const next = target[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(rows.length - 1, next));
    setActive(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  return (
    <Box role="table" aria-label={t('listedPatients.listLabel')} aria-rowcount={rows.length + 1} aria-describedby={hintId} sx={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}>
      <Box role="rowgroup" sx={{ flexShrink: 0, overflowY: 'hidden', scrollbarGutter: 'stable', borderBottom: 2, borderColor: 'divider' }}>
        <Box role="row" aria-rowindex={1} sx={{ ...rowGrid, [NARROW]: { gridTemplateColumns: '1fr auto auto', gridTemplateAreas: '"name age contact"' } }}>
          {COLUMNS.map((c) => {
            const label = t(`listedPatients.column.${c.label}`);
            const sorted = c.sort === sortKey;
            return (
              <Box
                key={c.key}
                role="columnheader"
                aria-sort={c.sort ? (sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}
                sx={{ gridArea: c.key, typography: 'body2', fontWeight: 600, ...(c.narrowHidden ? { [NARROW]: VISUALLY_HIDDEN } : {}) }}
              >
                {c.sort ? (
                  <ButtonBase
                    onClick={() => onSort(c.sort!)}
                    sx={{ minHeight: minTarget, gap: 0.5, px: 0.5, ml: -0.5, borderRadius: 1, typography: 'body2', fontWeight: 600, '&:focus-visible': { outline: 2, outlineColor: 'primary.main' } }}
                  >
                    {label}
                    {sorted && (direction === 'asc' ? <ArrowUpwardIcon fontSize="inherit" aria-hidden /> : <ArrowDownwardIcon fontSize="inherit" aria-hidden />)}
                  </ButtonBase>
                ) : (
                  label
                )}
              </Box>
            );
          })}
        </Box>
      </Box>
      <Box ref={scrollRef} data-testid="listed-patients-scroll" sx={{ flex: { xs: '0 0 auto', sm: '1 1 0' }, minHeight: 240, height: { xs: '50vh', sm: 'auto' }, overflowY: 'auto', scrollbarGutter: 'stable' }}>
        <Box role="rowgroup" onKeyDown={move} sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <Box
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                sx={{
                  ...rowGrid,
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                  borderBottom: 1,
                  borderColor: 'divider',
                  '&:hover, &:focus-within': { bgcolor: 'action.hover' },
                }}
              >
                <Box role="cell" sx={{ gridArea: 'name', minWidth: 0 }}>
                  <Link
                    component={RouterLink}
                    to={`/${workspaceId}/patient/${row.id}`}
                    tabIndex={item.index === tabbable ? 0 : -1}
                    onFocus={() => setActive(item.index)}
                    sx={{ display: 'flex', alignItems: 'center', minHeight: minTarget, fontWeight: 600, overflowWrap: 'anywhere' }}
                  >
                    {row.name}
                  </Link>
                </Box>
                <Box role="cell" sx={{ gridArea: 'nid', typography: 'body2', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {row.nationalId ? formatNationalId(row.nationalId) : formatDate(row.birthDate)}
                </Box>
                <Box role="cell" sx={{ gridArea: 'age', typography: 'body2', whiteSpace: 'nowrap', textAlign: { xs: 'right', sm: 'left' } }}>
                  {row.age !== undefined ? t('listedPatients.age', { age: row.age }) : t('listedPatients.noAge')}
                </Box>
                <Box role="cell" sx={{ gridArea: 'contact', typography: 'body2', whiteSpace: 'nowrap', color: row.lastContact ? 'text.primary' : 'text.secondary' }}>
                  {row.lastContact ? formatDate(row.lastContact) : t('listedPatients.noContact')}
                </Box>
                <Box role="cell" sx={{ gridArea: 'flags', minWidth: 0 }}>
                  <Flags row={row} />
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
