import type { TaskMeasures } from './recorder';

/** What a run records: one participant through one script, then the SUS questionnaire. */
export type Outcome = 'success' | 'failed' | 'gave-up';

export interface TaskRecord extends TaskMeasures {
  taskId: string;
  title: string;
  startedAt: string;
  endedAt?: string;
  /** success: the participant was done and the condition held; failed: done, but it did not; gave-up. */
  outcome?: Outcome;
  timeOnTaskMs?: number;
  notes: string;
}

export interface Run {
  id: string;
  participant: string;
  scriptId: string;
  scriptTitle: string;
  startedAt: string;
  endedAt?: string;
  tasks: TaskRecord[];
  /** The ten SUS answers (1–5) and the score, once filled in. */
  sus?: number[];
  susScore?: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface TaskSummary {
  taskId: string;
  title: string;
  attempts: number;
  successes: number;
  successRate: number;
  medianTimeMs?: number;
  medianClicks?: number;
  medianKeystrokes?: number;
  errors: number;
}

/** Per task across participants (finished tasks only): success rate, median time on task and clicks. */
export function summarise(runs: readonly Run[]): { tasks: TaskSummary[]; sus: { participant: string; score: number }[]; meanSus?: number } {
  const byTask = new Map<string, TaskRecord[]>();
  for (const run of runs) for (const t of run.tasks) if (t.outcome) byTask.set(t.taskId, [...(byTask.get(t.taskId) ?? []), t]);
  const tasks = [...byTask.entries()].map(([taskId, records]) => {
    const successes = records.filter((r) => r.outcome === 'success').length;
    return {
      taskId,
      title: records[0]?.title ?? taskId,
      attempts: records.length,
      successes,
      successRate: successes / records.length,
      medianTimeMs: median(records.flatMap((r) => (r.timeOnTaskMs === undefined ? [] : [r.timeOnTaskMs]))),
      medianClicks: median(records.map((r) => r.clicks)),
      medianKeystrokes: median(records.map((r) => r.keystrokes)),
      errors: records.reduce((n, r) => n + r.errors.length, 0),
    };
  });
  const sus = runs.flatMap((r) => (r.susScore === undefined ? [] : [{ participant: r.participant, score: r.susScore }]));
  const meanSus = sus.length ? sus.reduce((n, s) => n + s.score, 0) / sus.length : undefined;
  return { tasks, sus, meanSus };
}

export function toJson(runs: readonly Run[]): string {
  return JSON.stringify({ format: 'akson-usability-results/1', exportedAt: new Date().toISOString(), runs, summary: summarise(runs) }, null, 2);
}

const CSV_COLUMNS = ['run', 'participant', 'script', 'task', 'title', 'outcome', 'started', 'ended', 'time_on_task_s', 'clicks', 'keystrokes', 'errors', 'error_texts', 'path', 'notes', 'sus_score'] as const;

function csvCell(value: string | number | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per task of every run (RFC 4180; the run's SUS score on each of its rows). */
export function toCsv(runs: readonly Run[]): string {
  const rows: (string | number | undefined)[][] = [[...CSV_COLUMNS]];
  for (const run of runs) {
    for (const t of run.tasks) {
      rows.push([
        run.id,
        run.participant,
        run.scriptId,
        t.taskId,
        t.title,
        t.outcome ?? 'unfinished',
        t.startedAt,
        t.endedAt,
        t.timeOnTaskMs === undefined ? undefined : (t.timeOnTaskMs / 1000).toFixed(1),
        t.clicks,
        t.keystrokes,
        t.errors.length,
        t.errors.map((e) => e.text).join(' | '),
        t.path.join(' > '),
        t.notes,
        run.susScore,
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
