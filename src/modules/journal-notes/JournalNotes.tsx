import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryState } from '../../ui/QueryList';
import { formatDateTime } from '../../ui/dates';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { facetCounts, filterThreads, isFiltered, NO_FILTER, periodRange, type NoteFilter, type NoteView, type PeriodPreset } from './model';
import { NoteEditorDialog } from './NoteEditor';
import { NoteFilters, type FacetOption } from './NoteFilters';
import { NoteList } from './NoteList';
import { groupLabel, typeLabel } from './NoteParts';
import { DEFAULT_NOTE_TYPE } from '../../journal/notes/noteTypes';
import { useJournalNotes } from './useJournalNotes';
import { DEFAULT_AUTOSAVE_MS, type EditorStart } from './useNoteEditor';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { useNewEntryRule } from '../../journal/chartVisits';
import { notesNb, notesEn } from './i18n';

registerModuleStrings('journal', { nb: notesNb, en: notesEn });

interface OpenEditor {
  key: number;
  start: EditorStart;
  correctedDate?: string;
}

function toggle(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * The journal: every note of the patient across services and municipalities, newest first,
 * with filters and full-text search; write, sign and correct notes. Config: `autosaveMs`
 * (pause in typing before a draft is saved, default 1500).
 */
export default function JournalNotes({ patientId, config, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const notes = useJournalNotes(patientId, persona?.practitionerRoleId);
  const newRule = useNewEntryRule(patientId);
  const [filter, setFilter] = useState<NoteFilter>(NO_FILTER);
  const [preset, setPreset] = useState<PeriodPreset>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [historyOpen, setHistoryOpen] = useState<ReadonlySet<string>>(new Set());
  const [editor, setEditor] = useState<OpenEditor | null>(null);
  const text = useDebouncedValue(filter.text, 200);
  const delayMs = typeof config.autosaveMs === 'number' && config.autosaveMs >= 0 ? config.autosaveMs : DEFAULT_AUTOSAVE_MS;

  const shown = useMemo(() => filterThreads(notes.threads, { ...filter, text }), [notes.threads, filter, text]);
  const facets = useMemo(() => {
    const options = (key: 'service' | 'group' | 'type', label: (value: string) => string): FacetOption[] =>
      facetCounts(notes.threads, key).map(({ value, count }) => ({ value, count, label: label(value) }));
    return {
      service: options('service', (v) => t(`service.${v}`)),
      group: options('group', (v) => groupLabel(t, { authorGroup: v })),
      type: options('type', (v) => typeLabel(t, v, v)),
    };
  }, [notes.threads, t]);
  const draftCorrections = useMemo(() => new Set(notes.drafts.map((d) => d.replaces).filter((id): id is string => Boolean(id))), [notes.drafts]);

  const editorCount = useRef(0);
  const open = (start: EditorStart, correctedDate?: string) => {
    editorCount.current += 1;
    setEditor({ key: editorCount.current, start, ...(correctedDate ? { correctedDate } : {}) });
  };
  const dateOf = (id: string | undefined) => {
    if (!id) return undefined;
    const thread = notes.threads.find((th) => th.current.id === id);
    return thread ? new Date(thread.time).toISOString() : undefined;
  };
  const continueDraft = (draft: NoteView) => open({ kind: 'draft', draft: draft.resource }, dateOf(draft.replaces));
  const correct = (note: NoteView) => {
    const draft = notes.drafts.find((d) => d.replaces === note.id);
    if (draft) continueDraft(draft);
    else open({ kind: 'correct', original: note.resource }, dateOf(note.id));
  };

  const onPreset = (next: PeriodPreset) => {
    setPreset(next);
    const range = periodRange(next, new Date());
    if (range) setFilter((f) => ({ ...f, ...range }));
  };

  if (!patientId) return null;
  const filtered = isFiltered({ ...filter, text });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        {persona && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => open({ kind: 'new', type: DEFAULT_NOTE_TYPE[persona.personnelGroup] })}>
            {t('journal.newNote')}
          </Button>
        )}
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ ml: 'auto' }}>
          {!notes.hasData ? '' : filtered ? t('journal.countFiltered', { shown: shown.length, total: notes.threads.length }) : t('journal.count', { count: notes.threads.length })}
        </Typography>
      </Box>

      {notes.drafts.length > 0 && (
        <Box component="section" aria-labelledby="journal-drafts-heading" sx={{ border: 1, borderColor: 'warning.main', borderRadius: 1, p: 1 }}>
          <Typography component="h3" variant="body2" id="journal-drafts-heading" sx={{ fontWeight: 600, m: 0 }}>
            {t('journal.drafts.title')}
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {notes.drafts.map((draft) => (
              <Box component="li" key={draft.id} sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, py: 0.5 }}>
                <Typography variant="body2" sx={{ flex: '1 1 240px' }}>
                  {draft.replaces ? `${t('journal.drafts.correction', { date: formatDateTime(dateOf(draft.replaces)) })}: ` : ''}
                  {[draft.title, typeLabel(t, draft.typeCode, draft.typeText)].filter((v, i, all) => all.indexOf(v) === i).join(' · ')} ·{' '}
                  {t('journal.drafts.saved', { date: formatDateTime(draft.resource.meta?.lastUpdated ?? draft.date) })}
                </Typography>
                <Button size="small" variant="outlined" onClick={() => continueDraft(draft)} aria-label={`${t('journal.drafts.continue')}: ${draft.title}`}>
                  {t('journal.drafts.continue')}
                </Button>
              </Box>
            ))}
          </Box>
        </Box>
      )}

      <NoteFilters
        filter={filter}
        preset={preset}
        facets={facets}
        device={device}
        onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))}
        onPreset={onPreset}
        onClear={() => {
          setFilter(NO_FILTER);
          setPreset('all');
        }}
      />

      {notes.lookupError && <Alert severity="info">{t('journal.lookupFailed')}</Alert>}
      <QueryState
        error={notes.error}
        onRetry={notes.refetch}
        loaded={notes.hasData}
        isEmpty={shown.length === 0}
        empty={<Typography color="text.secondary">{notes.threads.length === 0 ? t('journal.none') : t('journal.noMatch')}</Typography>}
      >
        <NoteList
          threads={shown}
          device={device}
          {...(persona ? { ownRoleId: persona.practitionerRoleId } : {})}
          expanded={expanded}
          historyOpen={historyOpen}
          onToggle={(id) => setExpanded((s) => toggle(s, id))}
          onToggleHistory={(id) => setHistoryOpen((s) => toggle(s, id))}
          onCorrect={correct}
          draftCorrections={draftCorrections}
          newRule={newRule}
        />
      </QueryState>

      {editor && persona && (
        <NoteEditorDialog
          key={editor.key}
          patientId={patientId}
          persona={persona}
          start={editor.start}
          device={device}
          delayMs={delayMs}
          {...(editor.correctedDate ? { correctedDate: editor.correctedDate } : {})}
          onClose={() => setEditor(null)}
        />
      )}
    </Box>
  );
}
