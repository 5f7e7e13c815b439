import { useCallback, useEffect, useRef, useState } from 'react';
import { KIT_REOPEN_KEY as REOPEN_KEY } from '../app/kitFlags';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import TuneIcon from '@mui/icons-material/Tune';
import type { Resource } from 'fhir/r4';
import { useRuntimeConfig } from '../app/configContext';
import { useFhirClient } from '../fhir/context';
import { entries, toQuery, type FhirClient } from '../fhir/client';
import { fetchScenarios } from '../fhir/mockControl';
import { WORKSPACE_OF_GROUP } from '../session/personnel';
import { usePreferences, useSession, type DeviceClassChoice } from '../session/store';
import { conditionSearch, isConditionMet } from './conditions';
import { clearDeviceDrafts } from './deviceState';
import { EXAMPLE_SCRIPTS } from './examples';
import { KIT_HEADER, mockApi, NO_FAULTS, type FaultSettings, type MockStateSummary } from './mockApi';
import { realNow, setClockOffset } from './pageClock';
import { KIT_ATTRIBUTE, startRecording, type Recorder, type TaskMeasures } from './recorder';
import { toCsv, toJson } from './results';
import { conditionOf, parseScript, textIn, type ScriptTask, type TaskScript } from './script';
import { useKit, type CurrentRun } from './store';
import { registerKitStrings } from './strings';
import { SusDialog } from './SusDialog';
import { SummaryDialog } from './SummaryDialog';

registerKitStrings();

/** The app's router, as much of it as the kit uses (React Router's data router fits). */
export interface KitRouter {
  navigate(to: string): unknown;
  subscribe(listener: (state: { location: { pathname: string; search: string } }) => void): () => void;
  state: { location: { pathname: string; search: string } };
}

const KIT = { [KIT_ATTRIBUTE]: '' };
const ENABLED_KEY = 'akson.usability-kit.enabled';
const FAULTS_KEY = 'akson.usability-kit.faults';
const POLL_MS = 2_000;
// REOPEN_KEY: set before a reload the kit causes itself (a run that starts with a reset): the panel opens again.

function pathOf(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

async function snapshot(client: FhirClient, task: ScriptTask): Promise<Resource[]> {
  const { resourceType, params } = conditionSearch(conditionOf(task));
  const bundle = await client.request<Parameters<typeof entries>[0]>('GET', `${resourceType}${toQuery(params)}`, undefined, { [KIT_HEADER]: '1' });
  return entries(bundle, resourceType);
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.setAttribute(KIT_ATTRIBUTE, '');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}

/** After a reset on another device: this device's drafts go, and the page loads the journal afresh. */
function reloadClean(): void {
  clearDeviceDrafts();
  window.location.reload();
}

/**
 * After a reset made here: the device's drafts go (stored and in memory), the query cache is
 * emptied and the workspace's home opens on the scenario's data. No reload: with the embedded
 * mock a reload would build the data set a second time.
 */
async function cleanWithoutReload(queryClient: QueryClient, router: KitRouter): Promise<void> {
  clearDeviceDrafts();
  const [{ useVisitDrafts }, { useChartVisits }] = await Promise.all([import('../workspaces/home-care/draftStore'), import('../journal/chartVisits')]);
  useVisitDrafts.setState({ drafts: {} });
  useChartVisits.setState({ visits: {} });
  const persona = useSession.getState().persona;
  await router.navigate(persona ? `/${WORKSPACE_OF_GROUP[persona.personnelGroup]}` : '/sign-in');
  await queryClient.resetQueries({ queryKey: ['fhir'] });
}

interface MockSync {
  state?: MockStateSummary;
  /**
   * A reset or clock change made here: polls meanwhile do not take it for another device's, and
   * its new state is this device's (no reload for it).
   */
  own(change: () => Promise<MockStateSummary>): Promise<MockStateSummary>;
}

/**
 * Polls the mock's state: another device's reset or clock change (a new stateId) reloads this
 * one; the page's clock follows a clock the tester set. With the embedded mock (whose state lives
 * in this tab's worker and so starts afresh on a reload) the faults set here are put back.
 */
function useMockSync(authUrl: string, embeddedMock: boolean, active: boolean): MockSync {
  const [state, setState] = useState<MockStateSummary>();
  const lastId = useRef<string | undefined>(undefined);
  const ownChanges = useRef(0);
  /** Every state id this device has had: an answer with an older one was on its way before a change here. */
  const seen = useRef(new Set<string>());
  const adopt = useCallback((next: MockStateSummary) => {
    lastId.current = next.stateId ?? '';
    seen.current.add(lastId.current);
    setClockOffset(next.clockSet ? Math.round((Date.parse(next.now) - realNow()) / 1000) * 1000 : 0);
    setState(next);
  }, []);
  const own = useCallback(
    async (change: () => Promise<MockStateSummary>) => {
      ownChanges.current += 1;
      try {
        const next = await change();
        adopt(next);
        return next;
      } finally {
        ownChanges.current -= 1;
      }
    },
    [adopt],
  );
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await mockApi.state(authUrl);
        if (stopped) return;
        if (ownChanges.current > 0) {
          timer = setTimeout(() => void poll(), POLL_MS);
          return;
        }
        if (lastId.current === undefined && embeddedMock) {
          const saved = sessionStorage.getItem(FAULTS_KEY);
          const wanted = saved ? (JSON.parse(saved) as FaultSettings) : undefined;
          if (wanted && JSON.stringify(wanted) !== JSON.stringify(next.faults ?? NO_FAULTS)) next.faults = await mockApi.setFaults(authUrl, wanted);
        }
        if (lastId.current !== undefined && next.stateId !== undefined && next.stateId !== lastId.current) {
          if (!seen.current.has(next.stateId)) {
            reloadClean();
            return;
          }
        } else adopt(next);
      } catch {
        // The mock is starting, or the network is down: try again at the next poll.
      }
      // The embedded mock has one device: it is polled only while the kit is in use here.
      if (!stopped && (!embeddedMock || active)) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [authUrl, embeddedMock, active, adopt]);
  return { state, own };
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ py: 1.5 }}>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700, mb: 1 }}>
        {title}
      </Typography>
      <Stack spacing={1.5}>{children}</Stack>
    </Box>
  );
}

export default function UsabilityKit({ router, shortcutPresses = 0 }: { router: KitRouter; shortcutPresses?: number }) {
  const { t } = useTranslation();
  const language = usePreferences((s) => s.language);
  const { authUrl, embeddedMock } = useRuntimeConfig();
  const client = useFhirClient();
  const queryClient = useQueryClient();
  const kit = useKit();
  const { current, script, panelOpen } = kit;
  const [enabledHere, setEnabled] = useState(
    () => shortcutPresses > 0 || sessionStorage.getItem(REOPEN_KEY) !== null || localStorage.getItem(ENABLED_KEY) === '1' || new URLSearchParams(window.location.search).has('usability-kit'),
  );
  // Set up once (the shortcut writes the flag before it opens the panel): the handle stays.
  const enabled = enabledHere || panelOpen || localStorage.getItem(ENABLED_KEY) === '1';
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [susOpen, setSusOpen] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const handleRef = useRef<HTMLButtonElement>(null);

  const sync = useMockSync(authUrl, embeddedMock, enabled || panelOpen);
  const { state } = sync;

  /** A reset (or a new clock) made from this panel: this device cleans up; the others notice and reload. */
  const ownReset = async (change: () => Promise<MockStateSummary>) => {
    await sync.own(change);
    if (embeddedMock) await cleanWithoutReload(queryClient, router);
    else reloadClean();
  };

  const setOpen = useCallback((open: boolean) => {
    if (open) {
      localStorage.setItem(ENABLED_KEY, '1');
      setEnabled(true);
    }
    useKit.getState().setPanelOpen(open);
  }, []);

  useEffect(() => {
    if (enabled) localStorage.setItem(ENABLED_KEY, '1');
  }, [enabled]);

  useEffect(() => {
    if (sessionStorage.getItem(REOPEN_KEY)) {
      sessionStorage.removeItem(REOPEN_KEY);
      useKit.getState().setPanelOpen(true);
    }
  }, []);

  // Ctrl+Alt+T (listened for by src/app/kitSlot.tsx) opens and closes the panel, wherever the focus is.
  const handledPresses = useRef(0);
  useEffect(() => {
    if (shortcutPresses === handledPresses.current) return;
    handledPresses.current = shortcutPresses;
    localStorage.setItem(ENABLED_KEY, '1');
    useKit.getState().setPanelOpen(!useKit.getState().panelOpen);
  }, [shortcutPresses]);

  // ------------------------------------------------------------------ recording a task
  const recorder = useRef<{ recorder: Recorder; base: TaskMeasures; index: number } | null>(null);
  const taskIndex = current?.taskIndex;
  const phase = current?.phase;
  useEffect(() => {
    if (phase !== 'task' || taskIndex === undefined || recorder.current) return;
    const saved = useKit.getState().current?.tasks[taskIndex];
    if (!saved) return;
    // After a reload in the middle of a task, counting goes on from what was saved.
    const base: TaskMeasures = { clicks: saved.clicks, keystrokes: saved.keystrokes, path: saved.path, errors: saved.errors };
    const r = startRecording({
      root: document,
      initialPath: pathOf(router.state.location),
      subscribeNavigation: (onPath) => router.subscribe((s) => onPath(pathOf(s.location))),
      now: realNow,
      onChange: (m) => useKit.getState().updateTask(taskIndex, combine(base, m)),
    });
    recorder.current = { recorder: r, base, index: taskIndex };
  }, [phase, taskIndex, router]);

  const stopRecording = (): TaskMeasures | undefined => {
    const r = recorder.current;
    recorder.current = null;
    return r ? combine(r.base, r.recorder.stop()) : undefined;
  };

  // ------------------------------------------------------------------ the run
  const signInAs = async (personaId: string) => {
    const persona = (await mockApi.personas(authUrl)).find((p) => p.id === personaId);
    if (!persona) throw new Error(`persona ${personaId}`);
    const { access_token: token } = await mockApi.token(authUrl, persona.id);
    queryClient.removeQueries({ queryKey: ['fhir'] });
    useSession.getState().signIn(persona, token);
    return persona;
  };

  const startRun = async () => {
    if (!script) return;
    const participant = kit.participant.trim();
    if (!participant) {
      setMessage({ severity: 'error', text: t('kit.run.participantMissing') });
      return;
    }
    setBusy(true);
    setMessage({ severity: 'info', text: t('kit.run.preparing') });
    try {
      const run: CurrentRun = {
        id: `${participant}-${new Date(realNow()).toISOString()}`,
        participant,
        scriptId: script.id,
        scriptTitle: textIn(script.title, 'nb'),
        startedAt: new Date(realNow()).toISOString(),
        tasks: [],
        taskIndex: 0,
        phase: 'ready',
        susDraft: Array<number | null>(10).fill(null),
      };
      const scenario = script.scenario;
      const reset = scenario ? await sync.own(() => mockApi.reset(authUrl, scenario)) : undefined;
      const persona = script.persona ? await signInAs(script.persona) : useSession.getState().persona;
      useKit.getState().begin(run);
      if (reset) {
        // The journal is the scenario's again: this device starts clean too (its drafts go).
        if (embeddedMock) await cleanWithoutReload(queryClient, router);
        else {
          clearDeviceDrafts();
          sessionStorage.setItem(REOPEN_KEY, '1');
          window.location.assign(persona ? `/${WORKSPACE_OF_GROUP[persona.personnelGroup]}` : '/');
          return;
        }
      } else if (persona) await router.navigate(`/${WORKSPACE_OF_GROUP[persona.personnelGroup]}`);
      setMessage(undefined);
    } catch (error) {
      setMessage({ severity: 'error', text: String(error instanceof Error ? error.message : error) });
    } finally {
      setBusy(false);
    }
  };

  const startTask = async () => {
    if (!current || !script) return;
    const task = script.tasks[current.taskIndex];
    if (!task) return;
    setBusy(true);
    try {
      if (task.start) await router.navigate(task.start);
      const before = await snapshot(client, task).catch(() => []);
      useKit.getState().update((run) => ({
        ...run,
        phase: 'task',
        before: before.map((r) => ({ resourceType: r.resourceType, id: r.id, meta: { versionId: r.meta?.versionId } })),
        tasks: [
          ...run.tasks.slice(0, run.taskIndex),
          { taskId: task.id, title: textIn(task.title, 'nb'), startedAt: new Date(realNow()).toISOString(), clicks: 0, keystrokes: 0, path: [], errors: [], notes: '' },
        ],
      }));
      setMessage(undefined);
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };

  const endTask = async (how: 'done' | 'gave-up') => {
    if (!current || !script || current.phase !== 'task') return;
    const index = current.taskIndex;
    const task = script.tasks[index];
    const record = current.tasks[index];
    if (!task || !record) return;
    const measures = stopRecording() ?? record;
    const endedMs = realNow();
    setBusy(true);
    let outcome: 'success' | 'failed' | 'gave-up' = 'gave-up';
    if (how === 'done') {
      setMessage({ severity: 'info', text: t('kit.run.checking') });
      try {
        const after = await snapshot(client, task);
        outcome = isConditionMet(conditionOf(task), (current.before ?? []) as Resource[], after) ? 'success' : 'failed';
        setMessage(undefined);
      } catch (error) {
        outcome = 'failed';
        setMessage({ severity: 'error', text: t('kit.run.checkFailed', { error: error instanceof Error ? error.message : String(error) }) });
      }
    } else setMessage(undefined);
    const last = index + 1 >= script.tasks.length;
    useKit.getState().update((run) => ({
      ...run,
      tasks: run.tasks.map((tr, i) =>
        i === index ? { ...tr, clicks: measures.clicks, keystrokes: measures.keystrokes, path: measures.path, errors: measures.errors, endedAt: new Date(endedMs).toISOString(), timeOnTaskMs: endedMs - Date.parse(tr.startedAt), outcome } : tr,
      ),
      taskIndex: last ? index : index + 1,
      phase: last ? 'sus' : 'ready',
      before: undefined,
    }));
    setBusy(false);
  };

  const submitSus = (answers: number[], score: number) => {
    const run = useKit.getState().current;
    if (!run) return;
    const { taskIndex: _i, phase: _p, before: _b, susDraft: _d, ...rest } = run;
    useKit.getState().finish({ ...rest, endedAt: new Date(realNow()).toISOString(), sus: answers, susScore: score });
  };

  if (!enabled) return null;
  const running = current?.phase === 'task';
  const faultsOn = Boolean(state?.faults && (state.faults.latencyMs > 0 || state.faults.failureRate > 0 || state.faults.unreachable || state.faults.conflictNextWrite));

  return (
    <>
      <IconButton
        ref={handleRef}
        {...KIT}
        onClick={() => setOpen(true)}
        aria-label={running ? t('kit.handleRunning') : t('kit.handle')}
        aria-keyshortcuts="Control+Alt+T"
        title={t('kit.handle')}
        sx={{
          position: 'fixed',
          left: 0,
          bottom: 0,
          zIndex: (theme) => theme.zIndex.snackbar,
          width: 44,
          height: 44,
          borderRadius: '0 8px 0 0',
          bgcolor: 'background.paper',
          border: 1,
          borderColor: faultsOn ? 'warning.main' : 'divider',
          opacity: running ? 0.35 : 0.85,
          '&:hover, &:focus-visible': { opacity: 1, bgcolor: 'background.paper' },
        }}
      >
        <TuneIcon fontSize="small" />
      </IconButton>
      <Drawer
        {...KIT}
        anchor="right"
        open={panelOpen}
        onClose={() => setOpen(false)}
        slotProps={{ paper: { sx: { width: { xs: '100%', sm: 460 }, p: 2 }, role: 'dialog', 'aria-labelledby': 'usability-kit-title' } as object }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography id="usability-kit-title" component="h2" variant="h6">
            {t('kit.panelTitle')}
          </Typography>
          <IconButton onClick={() => setOpen(false)} aria-label={t('kit.close')} sx={{ width: 44, height: 44 }}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('kit.shortcutHint')}
        </Typography>
        {message && (
          <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} sx={{ mt: 1 }}>
            {message.text}
          </Alert>
        )}
        <RunSection
          script={script}
          current={current}
          busy={busy}
          language={language}
          onStartRun={() => void startRun()}
          onStartTask={() => void startTask()}
          onEndTask={(how) => void endTask(how)}
          onOpenSus={() => {
            setOpen(false);
            setSusOpen(true);
          }}
          onMessage={setMessage}
        />
        <Divider />
        <SetupSection authUrl={authUrl} state={state} onMessage={setMessage} signInAs={signInAs} router={router} ownReset={ownReset} />
        <Divider />
        <FaultSection authUrl={authUrl} embeddedMock={embeddedMock} state={state} onMessage={setMessage} />
        <Divider />
        <Section title={t('kit.results.heading')}>
          <Typography>{t('kit.results.runs', { count: kit.runs.length })}</Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => setSummaryOpen(true)} sx={{ minHeight: 44 }}>
              {t('kit.results.summary')}
            </Button>
            <Button variant="outlined" onClick={() => download('usability-results.json', 'application/json', toJson(kit.runs))} sx={{ minHeight: 44 }}>
              {t('kit.results.exportJson')}
            </Button>
            <Button variant="outlined" onClick={() => download('usability-results.csv', 'text/csv;charset=utf-8', toCsv(kit.runs))} sx={{ minHeight: 44 }}>
              {t('kit.results.exportCsv')}
            </Button>
            <Button
              color="error"
              onClick={() => {
                if (window.confirm(t('kit.results.confirmClear'))) kit.clearRuns();
              }}
              sx={{ minHeight: 44 }}
            >
              {t('kit.results.clear')}
            </Button>
          </Stack>
        </Section>
      </Drawer>
      {current?.phase === 'sus' && (
        <SusDialog
          open={susOpen}
          language={language}
          draft={current.susDraft}
          onDraft={(draft) => useKit.getState().update((run) => ({ ...run, susDraft: draft }))}
          onSubmit={(answers, score) => {
            submitSus(answers, score);
            setMessage({ severity: 'success', text: `${t('kit.sus.thanks', { score })} ${t('kit.run.finished')}` });
          }}
          onClose={() => setSusOpen(false)}
        />
      )}
      <SummaryDialog open={summaryOpen} runs={kit.runs} onClose={() => setSummaryOpen(false)} />
    </>
  );
}

function combine(base: TaskMeasures, m: TaskMeasures): TaskMeasures {
  const path = base.path.length && base.path[base.path.length - 1] === m.path[0] ? [...base.path, ...m.path.slice(1)] : [...base.path, ...m.path];
  return { clicks: base.clicks + m.clicks, keystrokes: base.keystrokes + m.keystrokes, path, errors: [...base.errors, ...m.errors] };
}

// ------------------------------------------------------------------------------------ run

function RunSection(props: {
  script?: TaskScript;
  current?: CurrentRun;
  busy: boolean;
  language: 'nb' | 'en';
  onStartRun(): void;
  onStartTask(): void;
  onEndTask(how: 'done' | 'gave-up'): void;
  onOpenSus(): void;
  onMessage(m: { severity: 'success' | 'error' | 'info'; text: string } | undefined): void;
}) {
  const { t } = useTranslation();
  const { script, current, busy, language } = props;
  const participant = useKit((s) => s.participant);
  const [example, setExample] = useState('');
  const [pasted, setPasted] = useState('');
  const load = (text: string) => {
    const parsed = parseScript(text);
    if ('error' in parsed) {
      props.onMessage({ severity: 'error', text: t('kit.script.invalid', { error: parsed.error }) });
      return false;
    }
    useKit.getState().setScript(parsed.script);
    props.onMessage({ severity: 'success', text: t('kit.script.loaded', { title: textIn(parsed.script.title, language), count: parsed.script.tasks.length }) });
    return true;
  };
  const task = current && script ? script.tasks[current.taskIndex] : undefined;
  const record = current?.tasks[current.taskIndex];

  return (
    <Section title={t('kit.sections.run')}>
      {!current && (
        <>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-end' }}>
            <TextField select label={t('kit.script.example')} value={example} onChange={(e) => setExample(e.target.value)} slotProps={{ select: { native: true } }} sx={{ flex: 1 }}>
              <option value="">{t('kit.script.choose')}</option>
              {EXAMPLE_SCRIPTS.map((s) => (
                <option key={s.id} value={s.id}>
                  {textIn(s.title, language)}
                </option>
              ))}
            </TextField>
            <Button
              variant="outlined"
              disabled={!example}
              sx={{ minHeight: 44 }}
              onClick={() => {
                const chosen = EXAMPLE_SCRIPTS.find((s) => s.id === example);
                if (chosen) load(JSON.stringify(chosen));
              }}
            >
              {t('kit.script.load')}
            </Button>
          </Stack>
          <Button component="label" variant="outlined" sx={{ minHeight: 44 }}>
            {t('kit.script.file')}
            <input
              type="file"
              accept="application/json,.json"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then(load);
                e.target.value = '';
              }}
            />
          </Button>
          <TextField label={t('kit.script.paste')} value={pasted} onChange={(e) => setPasted(e.target.value)} multiline minRows={2} maxRows={6} />
          <Button variant="outlined" disabled={!pasted.trim()} onClick={() => load(pasted)} sx={{ minHeight: 44 }}>
            {t('kit.script.loadPasted')}
          </Button>
          <Typography>{script ? t('kit.script.loaded', { title: textIn(script.title, language), count: script.tasks.length }) : t('kit.script.none')}</Typography>
          {script && (
            <>
              <TextField label={t('kit.run.participant')} value={participant} onChange={(e) => useKit.getState().setParticipant(e.target.value)} required />
              {(script.scenario || script.persona) && <Typography variant="body2">{t('kit.run.startHint', { scenario: script.scenario ?? '–', persona: script.persona ?? '–' })}</Typography>}
              <Button variant="contained" onClick={props.onStartRun} disabled={busy} sx={{ minHeight: 44 }}>
                {t('kit.run.start')}
              </Button>
            </>
          )}
        </>
      )}
      {current && script && current.phase !== 'sus' && task && (
        <>
          <Typography component="h4" sx={{ fontWeight: 600 }}>
            {t('kit.run.taskOf', { n: current.taskIndex + 1, total: script.tasks.length, title: textIn(task.title, language) })}
          </Typography>
          <Box component="blockquote" aria-label={t('kit.run.readAloud')} sx={{ m: 0, p: 1.5, borderLeft: 4, borderColor: 'primary.main', bgcolor: 'action.hover' }}>
            <Typography variant="body2" color="text.secondary">
              {t('kit.run.readAloud')}
            </Typography>
            <Typography>{textIn(task.instruction, language)}</Typography>
          </Box>
          {current.phase === 'ready' ? (
            <Button variant="contained" onClick={props.onStartTask} disabled={busy} sx={{ minHeight: 44 }}>
              {t('kit.run.startTask')}
            </Button>
          ) : (
            <>
              {record && <Typography role="status">{t('kit.run.live', { clicks: record.clicks, keys: record.keystrokes, errors: record.errors.length })}</Typography>}
              <Stack direction="row" spacing={1}>
                <Button variant="contained" color="success" onClick={() => props.onEndTask('done')} disabled={busy} sx={{ minHeight: 44 }}>
                  {t('kit.run.done')}
                </Button>
                <Button variant="outlined" onClick={() => props.onEndTask('gave-up')} disabled={busy} sx={{ minHeight: 44 }}>
                  {t('kit.run.giveUp')}
                </Button>
              </Stack>
              <TextField
                label={t('kit.run.notes')}
                value={record?.notes ?? ''}
                onChange={(e) => useKit.getState().updateTask(current.taskIndex, { notes: e.target.value })}
                multiline
                minRows={2}
               
              />
            </>
          )}
        </>
      )}
      {current && current.tasks.some((tr) => tr.outcome) && (
        <Box component="ol" aria-label={t('kit.sections.results')} sx={{ m: 0, pl: 3 }}>
          {current.tasks
            .filter((tr) => tr.outcome)
            .map((tr) => (
              <li key={tr.taskId}>
                {t('kit.run.taskLine', { title: tr.title, outcome: t(`kit.run.outcome.${tr.outcome ?? 'failed'}`), seconds: Math.round((tr.timeOnTaskMs ?? 0) / 1000), clicks: tr.clicks })}
              </li>
            ))}
        </Box>
      )}
      {current?.phase === 'sus' && (
        <>
          <Typography>{t('kit.run.allDone')}</Typography>
          <Button variant="contained" onClick={props.onOpenSus} sx={{ minHeight: 44 }}>
            {t('kit.run.openSus')}
          </Button>
        </>
      )}
      {current && (
        <Button color="error" onClick={() => useKit.getState().abandon()} sx={{ minHeight: 44, alignSelf: 'flex-start' }}>
          {t('kit.run.abandon')}
        </Button>
      )}
    </Section>
  );
}

// ------------------------------------------------------------------------------------ setup

function SetupSection(props: {
  authUrl: string;
  state?: MockStateSummary;
  ownReset(change: () => Promise<MockStateSummary>): Promise<void>;
  router: KitRouter;
  onMessage(m: { severity: 'success' | 'error' | 'info'; text: string } | undefined): void;
  signInAs(personaId: string): Promise<{ name: string; personnelGroup: keyof typeof WORKSPACE_OF_GROUP }>;
}) {
  const { t } = useTranslation();
  const { authUrl, state, onMessage } = props;
  const language = usePreferences((s) => s.language);
  const deviceClass = usePreferences((s) => s.deviceClass);
  const signedIn = useSession((s) => s.persona);
  const personas = useQuery({ queryKey: ['kit', 'personas', authUrl], queryFn: () => mockApi.personas(authUrl), staleTime: Infinity });
  const scenarios = useQuery({
    queryKey: ['kit', 'scenarios', authUrl],
    queryFn: () => fetchScenarios(authUrl),
    staleTime: Infinity,
  });
  const [persona, setPersona] = useState(signedIn?.id ?? '');
  const [scenario, setScenario] = useState('');
  const [clock, setClock] = useState('');
  const [working, setWorking] = useState(false);
  const chosenScenario = scenario || state?.scenarioId || '';

  const run = async (work: () => Promise<void>) => {
    setWorking(true);
    try {
      await work();
    } catch (error) {
      onMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setWorking(false);
    }
  };

  return (
    <Section title={t('kit.sections.setup')}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-end' }}>
        <TextField select label={t('kit.persona.label')} value={persona} onChange={(e) => setPersona(e.target.value)} slotProps={{ select: { native: true } }} sx={{ flex: 1 }}>
          <option value="">{t('kit.script.choose')}</option>
          {(personas.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.name} – ${t(`group.${p.personnelGroup}`)}, ${p.municipalityName}`}
            </option>
          ))}
        </TextField>
        <Button
          variant="outlined"
          disabled={!persona || working}
          sx={{ minHeight: 44 }}
          onClick={() =>
            void run(async () => {
              const p = await props.signInAs(persona);
              await props.router.navigate(`/${WORKSPACE_OF_GROUP[p.personnelGroup]}`);
              onMessage({ severity: 'success', text: t('kit.persona.switched', { name: p.name }) });
            })
          }
        >
          {t('kit.persona.apply')}
        </Button>
      </Stack>
      <Box role="radiogroup" aria-labelledby="kit-device-label">
        <Typography id="kit-device-label" variant="body2" sx={{ fontWeight: 600 }}>
          {t('kit.device.heading')}
        </Typography>
        <RadioGroup row value={deviceClass} onChange={(e) => usePreferences.getState().setDeviceClass(e.target.value as DeviceClassChoice)} aria-labelledby="kit-device-label">
          {(['auto', 'tablet', 'desktop'] as const).map((d) => (
            <FormControlLabel key={d} value={d} control={<Radio />} label={t(`kit.device.${d}`)} sx={{ minHeight: 44 }} />
          ))}
        </RadioGroup>
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-end' }}>
        <TextField select label={t('kit.scenario.label')} value={chosenScenario} onChange={(e) => setScenario(e.target.value)} slotProps={{ select: { native: true } }} sx={{ flex: 1 }}>
          {(scenarios.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title[language]}
            </option>
          ))}
        </TextField>
        <Button
          variant="outlined"
          disabled={!chosenScenario || working}
          sx={{ minHeight: 44 }}
          onClick={() =>
            void run(async () => {
              onMessage({ severity: 'info', text: t('kit.scenario.resetting') });
              const started = realNow();
              await props.ownReset(() => mockApi.reset(authUrl, chosenScenario));
              const title = scenarios.data?.find((s) => s.id === chosenScenario)?.title[language] ?? chosenScenario;
              onMessage({ severity: 'success', text: t('kit.scenario.done', { title, seconds: ((realNow() - started) / 1000).toFixed(1) }) });
            })
          }
        >
          {t('kit.scenario.reset')}
        </Button>
      </Stack>
      {state && <Typography variant="body2">{t('kit.clock.now', { time: new Date(Date.parse(state.now)).toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB', { timeZone: 'Europe/Oslo', dateStyle: 'full', timeStyle: 'short' }) })}{state.clockSet ? ` ${t('kit.clock.set_')}` : ''}</Typography>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <TextField type="datetime-local" label={t('kit.clock.label')} value={clock} onChange={(e) => setClock(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <Button
          variant="outlined"
          disabled={working}
          sx={{ minHeight: 44 }}
          onClick={() => {
            // datetime-local is the device's local time (Oslo in a Norwegian session).
            const ms = Date.parse(clock);
            if (!clock || !Number.isFinite(ms)) {
              onMessage({ severity: 'error', text: t('kit.clock.invalid') });
              return;
            }
            void run(async () => {
              await props.ownReset(() => mockApi.setClock(authUrl, new Date(ms).toISOString()));
            });
          }}
        >
          {t('kit.clock.set')}
        </Button>
        <Button
          disabled={working || !state?.clockSet}
          sx={{ minHeight: 44 }}
          onClick={() =>
            void run(async () => {
              await props.ownReset(() => mockApi.setClock(authUrl, null));
            })
          }
        >
          {t('kit.clock.live')}
        </Button>
      </Stack>
    </Section>
  );
}

// ------------------------------------------------------------------------------------ faults

function FaultSection(props: { authUrl: string; embeddedMock: boolean; state?: MockStateSummary; onMessage(m: { severity: 'success' | 'error' | 'info'; text: string } | undefined): void }) {
  const { t } = useTranslation();
  const { authUrl, state, onMessage } = props;
  const live = state?.faults ?? NO_FAULTS;
  const [latency, setLatency] = useState('0');
  const [rate, setRate] = useState('0');
  const [unreachable, setUnreachable] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [invalid, setInvalid] = useState(false);

  const send = async (faults: FaultSettings) => {
    try {
      const next = await mockApi.setFaults(authUrl, faults);
      if (props.embeddedMock) sessionStorage.setItem(FAULTS_KEY, JSON.stringify(next));
      onMessage({ severity: 'success', text: statusText(next) });
    } catch (error) {
      onMessage({ severity: 'error', text: t('kit.faults.failed', { error: error instanceof Error ? error.message : String(error) }) });
    }
  };
  const statusText = (f: FaultSettings) =>
    t('kit.faults.status', {
      latency: f.latencyMs,
      rate: Math.round(f.failureRate * 100),
      unreachable: f.unreachable ? t('kit.faults.notReachable') : t('kit.faults.reachable'),
      conflict: f.conflictNextWrite ? t('kit.faults.conflictArmed') : t('kit.faults.noConflict'),
    });

  return (
    <Section title={t('kit.faults.heading')}>
      <Typography role="status" variant="body2">
        {statusText(live)}
      </Typography>
      <Stack direction="row" spacing={1}>
        <TextField
          label={t('kit.faults.latency')}
          value={latency}
          onChange={(e) => setLatency(e.target.value)}
         
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={invalid}
        />
        <TextField label={t('kit.faults.failureRate')} value={rate} onChange={(e) => setRate(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} error={invalid} />
      </Stack>
      <FormControlLabel control={<Switch checked={unreachable} onChange={(e) => setUnreachable(e.target.checked)} />} label={t('kit.faults.unreachable')} sx={{ minHeight: 44 }} />
      <FormControlLabel control={<Switch checked={conflict} onChange={(e) => setConflict(e.target.checked)} />} label={t('kit.faults.conflict')} sx={{ minHeight: 44 }} />
      {invalid && <Alert severity="error">{t('kit.faults.invalid')}</Alert>}
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          sx={{ minHeight: 44 }}
          onClick={() => {
            const latencyMs = Number(latency.replace(',', '.'));
            const percent = Number(rate.replace(',', '.').replace('%', ''));
            const ok = latency.trim() !== '' && rate.trim() !== '' && Number.isFinite(latencyMs) && latencyMs >= 0 && latencyMs <= 30_000 && Number.isFinite(percent) && percent >= 0 && percent <= 100;
            setInvalid(!ok);
            if (ok) void send({ latencyMs, failureRate: percent / 100, unreachable, conflictNextWrite: conflict });
          }}
        >
          {t('kit.faults.apply')}
        </Button>
        <Button
          sx={{ minHeight: 44 }}
          onClick={() => {
            setLatency('0');
            setRate('0');
            setUnreachable(false);
            setConflict(false);
            setInvalid(false);
            void send({ ...NO_FAULTS });
          }}
        >
          {t('kit.faults.off')}
        </Button>
      </Stack>
    </Section>
  );
}
