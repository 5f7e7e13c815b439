import { useEffect, useMemo, useRef, useState } from 'react';
import type { Basic } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useDeviceClass } from '../../app/deviceClass';
import { isFhirError } from '../../fhir/errors';
import { LayoutNotices } from '../../layout/ModuleGrid';
import type { LayoutItem } from '../../layout/schema';
import type { Persona } from '../../session/personnel';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmDialog } from './ConfirmDialog';
import { ConflictPanel, type TheirVersion } from './ConflictPanel';
import { EditorToolbar } from './EditorToolbar';
import { ImportFeedback, type ImportOutcome } from './ImportFeedback';
import { LayoutCanvas } from './LayoutCanvas';
import { SamplePatientPicker, useSamplePatient } from './SamplePatientPicker';
import { ScopeControls, type ScopeChange } from './ScopeControls';
import { VariantControls, type VariantOption } from './VariantControls';
import { EDITABLE_GROUPS, baselineFor, defaultItemsFor, layoutDocumentFor, scopeKey, storedVariants, pickedFor, type EditorScope } from './editorModel';
import { downloadLayout, importLayout, layoutFileName, readFileText } from './layoutFile';
import { useGroupLayouts } from './useGroupLayouts';
import { useLayoutHistory } from './useLayoutHistory';

/** The configuration administrator's home: the layout editor for the municipality's groups. */
export function LayoutEditorPage() {
  const persona = useSession((s) => s.persona);
  if (!persona) return null;
  return <LayoutEditor persona={persona} />;
}

interface Conflict {
  theirs: TheirVersion;
  /** The server's current resource, to save on top of when the administrator overwrites. */
  latest?: Basic;
}

const isTextEntry = (element: Element | null) => Boolean(element?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]'));

function LayoutEditor({ persona }: { persona: Persona }) {
  const { t } = useTranslation();
  const ownDevice = useDeviceClass();
  const [scope, setScope] = useState<EditorScope>(() => ({ municipality: persona.municipalityCode, group: EDITABLE_GROUPS[0]!, device: ownDevice, page: 'home' }));
  const key = scopeKey(scope);
  const layouts = useGroupLayouts(scope);
  const history = useLayoutHistory();
  const sample = useSamplePatient(scope.page === 'patient');

  // Named variants created here and not yet saved, per group/device/page.
  const [drafts, setDrafts] = useState<{ base: string; name: string }[]>([]);
  // The stored resource each layout was loaded from or last saved as: its version is what a
  // save sends as If-Match, so a save never silently overwrites someone else's.
  const [bases, setBases] = useState<Record<string, Basic | undefined>>({});
  const [pendingScope, setPendingScope] = useState<EditorScope | null>(null);
  const [confirmRevert, setConfirmRevert] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; titleKey: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [importOutcome, setImportOutcome] = useState<ImportOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  // The stored layouts have arrived (a failed refresh keeps them, with `layouts.error` set).
  const ready = layouts.hasData;
  const baseline = useMemo(() => (ready ? baselineFor(layouts.municipalDocs, scope) : null), [ready, layouts.municipalDocs, scope]);

  // A layout is loaded into the editor the first time it is shown (and again after switching
  // away and back): its stored items, or the default below it. Refetches after a save do not
  // reload it, so what is on screen is never replaced behind the administrator's back.
  if (baseline && history.state.key !== key) {
    history.load(key, baseline.items);
    setBases((b) => ({ ...b, [key]: baseline.stored?.basic }));
  }
  const loaded = baseline !== null && history.state.key === key;
  const items = history.state.present;

  const clearFeedback = () => {
    setStatus(null);
    setFailure(null);
    setConflict(null);
    setImportOutcome(null);
  };

  const edit = (next: LayoutItem[]) => {
    setStatus(null);
    history.change(next);
  };

  // Undo and redo from the keyboard, anywhere in the editor (and after the focused control went
  // away, for example a removed module), but not inside a text field or a dialog.
  const editorRef = useRef<HTMLDivElement>(null);
  const { undo, redo } = history;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const active = document.activeElement;
      const inEditor = !active || active === document.body || Boolean(editorRef.current?.contains(active));
      if (!inEditor || isTextEntry(active)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  // Leaving the page (reload, closing the tab) with unsaved changes asks first.
  const dirty = loaded && history.dirty;
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const baseKey = scopeKey({ ...scope, variant: undefined });
  const variantOptions: VariantOption[] = useMemo(() => {
    const names = new Set([...layouts.variants, ...drafts.filter((d) => d.base === baseKey).map((d) => d.name), ...(scope.variant ? [scope.variant] : [])]);
    const stored = new Set(layouts.variants);
    return [{ stored: true }, ...[...names].sort((a, b) => a.localeCompare(b, 'nb')).map((name) => ({ name, stored: stored.has(name) }))];
  }, [layouts.variants, drafts, baseKey, scope.variant]);

  const applyScope = (next: EditorScope) => {
    clearFeedback();
    setScope(next);
  };
  const requestScope = (next: EditorScope) => {
    if (scopeKey(next) === key) return;
    if (dirty) setPendingScope(next);
    else applyScope(next);
  };
  const changeScope = (change: ScopeChange) => {
    const next: EditorScope = { ...scope, ...change, variant: undefined };
    // Keep the variant when the other page or device has one of the same name (a usability
    // test's "B" usually spans pages), except in another municipality.
    if (scope.variant && next.municipality === scope.municipality) {
      const base = scopeKey(next);
      const known = storedVariants(pickedFor(layouts.municipalDocs, next)).includes(scope.variant) || drafts.some((d) => d.base === base && d.name === scope.variant);
      if (known) next.variant = scope.variant;
    }
    requestScope(next);
  };

  const createVariant = (name: string) => {
    const next = { ...scope, variant: name };
    const nextKey = scopeKey(next);
    clearFeedback();
    setDrafts((d) => [...d, { base: baseKey, name }]);
    setScope(next);
    // The new variant starts as a copy of what is on screen; it is unsaved until saved.
    history.load(nextKey, items, baselineFor(layouts.municipalDocs, next).items);
    setBases((b) => ({ ...b, [nextKey]: undefined }));
  };

  const startConflict = async (mine: Basic | undefined) => {
    setConflict({ theirs: { state: 'loading' } });
    if (!mine?.id) {
      setConflict({ theirs: { state: 'gone' } });
      return;
    }
    try {
      const latest = await layouts.fetchLatest(mine.id);
      if (!latest) setConflict({ theirs: { state: 'gone' } });
      else setConflict({ theirs: { state: 'ready', items: baselineFor(layouts.municipalDocs, scope, latest).items }, latest: latest.basic });
    } catch (error) {
      setConflict({ theirs: { state: 'failed', error } });
    }
  };

  const save = async (onTopOf?: Basic | null) => {
    clearFeedback();
    const savedKey = key;
    const savedItems = items;
    const active = layouts.activeVariant === scope.variant;
    const existing = onTopOf === undefined ? bases[key] : (onTopOf ?? undefined);
    setBusy(true);
    try {
      const saved = await layouts.save(layoutDocumentFor(scope, savedItems, active), existing);
      history.markSaved(savedItems, savedKey);
      setBases((b) => ({ ...b, [savedKey]: saved }));
      setStatus(t(active ? 'editor.saved' : 'editor.savedInactive'));
    } catch (error) {
      if (isFhirError(error) && error.status === 412) void startConflict(existing);
      else setFailure({ error, titleKey: 'editor.saveFailed' });
    } finally {
      setBusy(false);
    }
  };

  const takeTheirs = () => {
    if (!conflict || conflict.theirs.state === 'loading' || conflict.theirs.state === 'failed') return;
    const theirs = conflict.theirs.state === 'ready' ? conflict.theirs.items : defaultItemsFor(layouts.municipalDocs, scope);
    // Undoable: undo brings the administrator's own version back.
    history.change(theirs);
    history.markSaved(theirs, key);
    setBases((b) => ({ ...b, [key]: conflict.latest }));
    setConflict(null);
    setStatus(t('editor.conflict.reloaded'));
  };

  const revert = async () => {
    setConfirmRevert(false);
    clearFeedback();
    const existing = bases[key];
    setBusy(true);
    try {
      if (existing) await layouts.remove(existing);
      const defaults = defaultItemsFor(layouts.municipalDocs, scope);
      history.change(defaults);
      history.markSaved(defaults, key);
      setBases((b) => ({ ...b, [key]: undefined }));
      setStatus(t(existing ? 'editor.revert.done' : 'editor.revert.doneNothingStored'));
    } catch (error) {
      setFailure({ error, titleKey: 'editor.revert.failed' });
    } finally {
      setBusy(false);
    }
  };

  const activate = async () => {
    clearFeedback();
    setBusy(true);
    try {
      const saved = await layouts.activate(scope.variant, bases[key]);
      if (saved) setBases((b) => ({ ...b, [key]: saved }));
      setStatus(t('editor.variant.activated', { name: scope.variant ?? t('editor.variant.main') }));
    } catch (error) {
      setFailure({ error, titleKey: 'editor.variant.activateFailed' });
    } finally {
      setBusy(false);
    }
  };

  const exportLayout = () => {
    const doc = layoutDocumentFor(scope, items);
    const file = layoutFileName(doc);
    downloadLayout(doc, file);
    setStatus(t('editor.exported', { file }));
  };

  const importFile = async (file: File) => {
    clearFeedback();
    let text: string;
    try {
      text = await readFileText(file);
    } catch {
      setImportOutcome({ kind: 'refused', reason: 'unreadable', problems: [] });
      return;
    }
    const result = importLayout(text, items, scope);
    if (!result.ok) {
      // Refused: the layout being edited stays exactly as it was.
      setImportOutcome({ kind: 'refused', reason: result.reason, problems: result.problems });
      return;
    }
    history.change(result.items);
    setImportOutcome({ kind: 'loaded', file: file.name, notices: result.notices, otherScope: result.otherScope ? result.document.scope : null });
  };

  return (
    <Box ref={editorRef} sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Typography variant="h1">{t('editor.title')}</Typography>
        <Typography color="text.secondary">{t('editor.intro')}</Typography>
      </Box>

      <Paper component="section" aria-labelledby="editor-choose-heading" variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }}>
        <Typography variant="h2" id="editor-choose-heading">
          {t('editor.choose')}
        </Typography>
        <ScopeControls
          scope={scope}
          own={{ code: persona.municipalityCode, name: persona.municipalityName }}
          onChange={changeScope}
          extra={scope.page === 'patient' ? <SamplePatientPicker patient={sample.patient} onChange={sample.choose} isPending={sample.isPending} /> : null}
        />
        <VariantControls
          options={variantOptions}
          value={scope.variant}
          active={layouts.activeVariant}
          dirty={dirty}
          busy={busy || !ready}
          onSelect={(variant) => requestScope({ ...scope, variant })}
          onCreate={createVariant}
          onActivate={() => void activate()}
        />
      </Paper>

      <Box role="status" aria-live="polite" aria-atomic="true">
        {status ? (
          <Alert severity="success" role="none">
            {status}
          </Alert>
        ) : null}
      </Box>
      {failure ? <ErrorAlert error={failure.error} titleKey={failure.titleKey} /> : null}
      {conflict ? <ConflictPanel mine={items} theirs={conflict.theirs} onReload={takeTheirs} onOverwrite={() => void save(conflict.latest ?? null)} /> : null}
      {importOutcome ? <ImportFeedback outcome={importOutcome} onClose={() => setImportOutcome(null)} /> : null}

      {/* A refresh that fails says so above the layout being edited, which stays with its unsaved
          changes; with no layouts loaded yet, the error alone. */}
      {layouts.error ? <ErrorAlert error={layouts.error} titleKey="editor.sourcesFailed" onRetry={() => void layouts.retry()} /> : null}
      {!loaded ? (
        layouts.error ? null : (
          <Box role="status" aria-label={t('common.loading')} sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
            <Skeleton variant="rounded" height={200} />
            <Skeleton variant="rounded" height={200} />
          </Box>
        )
      ) : (
        <>
          <EditorToolbar
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            dirty={dirty}
            saving={busy}
            onUndo={history.undo}
            onRedo={history.redo}
            onSave={() => void save()}
            onRevert={() => setConfirmRevert(true)}
            onExport={exportLayout}
            onImport={(file) => void importFile(file)}
          />
          <LayoutNotices notices={baseline.notices} />
          <Typography variant="body2" color="text.secondary">
            {t('editor.previewNote')}
          </Typography>
          <LayoutCanvas items={items} onChange={edit} group={scope.group} device={scope.device} page={scope.page} patientId={sample.patient?.id} persona={persona} />
        </>
      )}

      <ConfirmDialog
        open={pendingScope !== null}
        title={t('editor.discard.title')}
        body={t('editor.discard.body')}
        confirmLabel={t('editor.discard.confirm')}
        danger
        onCancel={() => setPendingScope(null)}
        onConfirm={() => {
          if (pendingScope) applyScope(pendingScope);
          setPendingScope(null);
        }}
      />
      <ConfirmDialog
        open={confirmRevert}
        title={t('editor.revert.title')}
        body={t('editor.revert.body')}
        confirmLabel={t('editor.revert.confirm')}
        danger
        onCancel={() => setConfirmRevert(false)}
        onConfirm={() => void revert()}
      />
    </Box>
  );
}
