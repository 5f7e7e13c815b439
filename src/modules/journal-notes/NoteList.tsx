import { useCallback, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { formatDate, formatDateTime } from '../../ui/dates';
import { isSigned, type NoteThread, type NoteView } from './model';
import { NoteLine, NoteSections, StatusChip, typeLabel, whoAndWhere } from './NoteParts';
import { NewChip } from '../../journal/RecordedBy';
import { isNewEntry, type NewEntryRule } from '../../journal/chartVisits';

/** The status a row shows: drafts, signed, corrected (it replaces an earlier version), entered in error. */
function statusOf(note: NoteView): { key: string; color: 'default' | 'warning' | 'info' | 'success' } {
  if (note.status === 'preliminary') return { key: 'preliminary', color: 'warning' };
  if (note.status === 'entered-in-error') return { key: 'entered-in-error', color: 'warning' };
  if (note.replaces || note.status === 'amended') return { key: 'amended', color: 'info' };
  return { key: 'final', color: 'default' };
}

function domId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

interface RowProps {
  thread: NoteThread;
  device: DeviceClass;
  expanded: boolean;
  historyOpen: boolean;
  onToggle: () => void;
  onToggleHistory: () => void;
  /** Given when the user may correct this note (their own signed note). */
  onCorrect?: () => void;
  hasDraftCorrection: boolean;
  /** Written by someone else since the user last opened the record. */
  isNew: boolean;
}

function NoteRow({ thread, device, expanded, historyOpen, onToggle, onToggleHistory, onCorrect, hasDraftCorrection, isNew }: RowProps) {
  const { t } = useTranslation();
  const note = thread.current;
  const status = statusOf(note);
  // The type is shown unless the title already says it ("Rapport fra hjemmebesøk").
  const type = typeLabel(t, note.typeCode, note.typeText);
  const base = `journal-note-${domId(note.id)}`;
  const firstDate = thread.time ? new Date(thread.time).toISOString() : undefined;
  const minTarget = device === 'tablet' ? 44 : 32;
  return (
    <Box component="article" aria-labelledby={`${base}-heading`} sx={{ borderBottom: 1, borderColor: 'divider', py: 0.5 }}>
      <Typography component="h3" variant="body2" id={`${base}-heading`} sx={{ m: 0, fontWeight: 400 }}>
        <ButtonBase
          data-row-toggle
          aria-expanded={expanded}
          aria-controls={`${base}-body`}
          onClick={onToggle}
          sx={{
            display: 'block',
            width: '100%',
            textAlign: 'left',
            minHeight: minTarget,
            px: 1,
            py: 0.5,
            borderRadius: 1,
            '&:hover': { bgcolor: 'action.hover' },
            '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
          }}
        >
          <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.5, alignItems: 'center' }}>
            <Box component="span" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
              <time dateTime={firstDate}>{formatDateTime(firstDate)}</time>
            </Box>
            <Box component="span" sx={{ fontWeight: 600, color: 'text.primary' }}>
              {note.title}
            </Box>
            {type.toLocaleLowerCase() !== note.title.toLocaleLowerCase() && <StatusChip label={type} color="default" />}
            <StatusChip label={t(`journal.status.${status.key}`)} color={status.color} />
            {isNew && <NewChip />}
          </Box>
          <Box component="span" sx={{ display: 'block', color: 'text.secondary', mt: 0.25 }}>
            {whoAndWhere(t, note)}
          </Box>
        </ButtonBase>
      </Typography>
      {expanded && (
        <Box id={`${base}-body`} sx={{ px: 1, pb: 1 }}>
          <NoteSections sections={note.sections} />
          {note.replaces && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('journal.correctedBy', { date: formatDateTime(note.date), name: note.authorName || t('provenance.unknownAuthor') })}
            </Typography>
          )}
          {onCorrect && (
            <Button variant="outlined" size="small" onClick={onCorrect} sx={{ mt: 1, minHeight: minTarget }}>
              {hasDraftCorrection ? t('journal.continueCorrection') : t('journal.correct')}
            </Button>
          )}
        </Box>
      )}
      {thread.history.length > 0 && (
        <Box sx={{ px: 1, pb: 0.5 }}>
          <Button size="small" aria-expanded={historyOpen} aria-controls={`${base}-history`} onClick={onToggleHistory} sx={{ minHeight: minTarget }}>
            {historyOpen ? t('journal.history.hide', { count: thread.history.length }) : t('journal.history.show', { count: thread.history.length })}
          </Button>
          {historyOpen && (
            <Box id={`${base}-history`} role="group" aria-label={t('journal.history.label')} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, ml: 1 }}>
              {thread.history.map(({ note: old, replacedBy }) => (
                <Box key={old.id} sx={{ py: 0.5 }}>
                  <Typography component="h4" variant="body2" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                    <span>
                      <NoteLine note={old} />
                    </span>
                    <StatusChip label={t('journal.replacedBy', { date: formatDate(replacedBy.date) })} color="warning" />
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {whoAndWhere(t, old)}
                  </Typography>
                  <NoteSections sections={old.sections} headingLevel={5} />
                </Box>
              ))}
            </Box>
          )}
        </Box>
      )}
      {!expanded && <span id={`${base}-body`} hidden />}
    </Box>
  );
}

export interface NoteListProps {
  threads: readonly NoteThread[];
  device: DeviceClass;
  ownRoleId?: string;
  expanded: ReadonlySet<string>;
  historyOpen: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleHistory: (id: string) => void;
  onCorrect: (note: NoteView) => void;
  /** Ids of notes the user has an unsigned correction of. */
  draftCorrections: ReadonlySet<string>;
  /** Which notes count as new for this user. */
  newRule?: NewEntryRule;
}

/**
 * The notes, newest first, virtualised: only the rows in view (and a few around) are in the
 * page, whatever the length of the journal. Rows have their real heights (measured), so an
 * expanded note pushes the others down. Arrow keys, Home and End move between rows.
 */
export function NoteList({ threads, device, ownRoleId, expanded, historyOpen, onToggle, onToggleHistory, onCorrect, draftCorrections, newRule }: NoteListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: threads.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (device === 'tablet' ? 92 : 68),
    overscan: 6,
    getItemKey: (index) => threads[index]?.key ?? index,
  });

  const focusRow = useCallback(
    (index: number) => {
      if (index < 0 || index >= threads.length) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      const focus = (attempt: number) => {
        const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-toggle]`);
        if (el) el.focus();
        else if (attempt < 5) requestAnimationFrame(() => focus(attempt + 1));
      };
      requestAnimationFrame(() => focus(0));
    },
    [threads.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-row-toggle')) return;
    const index = Number(target.closest('[data-index]')?.getAttribute('data-index'));
    if (Number.isNaN(index)) return;
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? threads.length - 1 : null;
    if (next === null) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <Box
      ref={scrollRef}
      data-testid="journal-scroll"
      sx={{ flex: '1 1 auto', minHeight: 280, height: { xs: '60vh', sm: 'auto' }, overflow: 'auto', borderTop: 1, borderColor: 'divider' }}
    >
      <Box role="list" aria-label={t('journal.list')} onKeyDown={onKeyDown} sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const thread = threads[item.index]!;
          const id = thread.key;
          const mayCorrect = ownRoleId !== undefined && isSigned(thread.current) && thread.current.authorRoleId === ownRoleId;
          return (
            <Box
              key={item.key}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={threads.length}
              data-index={item.index}
              ref={virtualizer.measureElement}
              sx={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <NoteRow
                thread={thread}
                device={device}
                expanded={expanded.has(id)}
                historyOpen={historyOpen.has(id)}
                onToggle={() => onToggle(id)}
                onToggleHistory={() => onToggleHistory(id)}
                {...(mayCorrect ? { onCorrect: () => onCorrect(thread.current) } : {})}
                hasDraftCorrection={draftCorrections.has(thread.current.id)}
                isNew={newRule !== undefined && isNewEntry(newRule, thread.current.date, thread.current.resource.author?.[0])}
              />
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
