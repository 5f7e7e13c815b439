// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { median, summarise, toCsv, toJson, type Run, type TaskRecord } from './results';

function task(taskId: string, outcome: TaskRecord['outcome'], seconds: number, clicks: number, extra: Partial<TaskRecord> = {}): TaskRecord {
  return { taskId, title: `Oppgave ${taskId}`, startedAt: '2026-11-26T09:00:00.000Z', endedAt: '2026-11-26T09:01:00.000Z', outcome, timeOnTaskMs: seconds * 1000, clicks, keystrokes: 3, path: ['/home-care'], errors: [], notes: '', ...extra };
}

const runs: Run[] = [
  { id: 'r1', participant: 'P1', scriptId: 's', scriptTitle: 'S', startedAt: '', tasks: [task('a', 'success', 30, 10), task('b', 'gave-up', 120, 40)], susScore: 72.5 },
  { id: 'r2', participant: 'P2', scriptId: 's', scriptTitle: 'S', startedAt: '', tasks: [task('a', 'success', 50, 14), task('b', 'success', 100, 20)], susScore: 60 },
  { id: 'r3', participant: 'P3', scriptId: 's', scriptTitle: 'S', startedAt: '', tasks: [task('a', 'failed', 40, 12), task('b', undefined, 0, 0, { timeOnTaskMs: undefined })] },
];

describe('summary across participants', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('per task: success rate, median time and clicks of finished tasks; SUS scores and their mean', () => {
    const s = summarise(runs);
    const a = s.tasks.find((t) => t.taskId === 'a')!;
    expect(a).toMatchObject({ attempts: 3, successes: 2, medianTimeMs: 40_000, medianClicks: 12 });
    expect(a.successRate).toBeCloseTo(2 / 3);
    const b = s.tasks.find((t) => t.taskId === 'b')!;
    expect(b).toMatchObject({ attempts: 2, successes: 1, successRate: 0.5, medianTimeMs: 110_000, medianClicks: 30 });
    expect(s.sus).toEqual([{ participant: 'P1', score: 72.5 }, { participant: 'P2', score: 60 }]);
    expect(s.meanSus).toBe(66.25);
  });
});

describe('export', () => {
  it('CSV: a header and one row per task, quoted where needed', () => {
    const csv = toCsv([{ ...runs[0]!, tasks: [task('a', 'success', 30, 10, { notes: 'Lette etter "Sjekk inn", fant den' })] }]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('run,participant,script,task,title,outcome,started,ended,time_on_task_s,clicks,keystrokes,errors,error_texts,path,notes,sus_score');
    expect(lines[1]).toBe('r1,P1,s,a,Oppgave a,success,2026-11-26T09:00:00.000Z,2026-11-26T09:01:00.000Z,30.0,10,3,0,,/home-care,"Lette etter ""Sjekk inn"", fant den",72.5');
    expect(lines).toHaveLength(2);
  });

  it('JSON: the runs and the summary', () => {
    const parsed = JSON.parse(toJson(runs)) as { format: string; runs: Run[]; summary: { tasks: unknown[] } };
    expect(parsed.format).toBe('akson-usability-results/1');
    expect(parsed.runs).toHaveLength(3);
    expect(parsed.summary.tasks).toHaveLength(2);
  });
});
