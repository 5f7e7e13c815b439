import * as z from 'zod/mini';
import { CONDITION_KINDS, TRIAGE_COLOURS, type SuccessCondition } from './conditions';

/**
 * A task script (JSON), format "akson-usability-script/1":
 *
 *   { "format": "akson-usability-script/1", "id": "home-care-visit",
 *     "title": {"nb": "…", "en": "…"}, "scenario": "standard", "persona": "bergen-homecare-nurse",
 *     "tasks": [ { "id": "report", "title": {…}, "instruction": {…}, "start": "/home-care",
 *                  "success": {"kind": "note-signed", "noteType": "home-visit-report"} } ] }
 *
 * `scenario` and `persona` (optional) are what a run starts from: the kit resets the journal to
 * the scenario and signs in as the persona before the first task. `start` is the screen (a path
 * in the app) each task starts on. Texts are {nb, en} or one string for both.
 */
const Text = z.union([z.string().check(z.minLength(1)), z.object({ nb: z.string().check(z.minLength(1)), en: z.optional(z.string()) })]);
const Condition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note-signed'), noteType: z.string().check(z.minLength(1)), patient: z.optional(z.string()) }),
  z.object({ kind: z.literal('triage-level'), level: z.enum(TRIAGE_COLOURS as [string, ...string[]]), patient: z.optional(z.string()) }),
  z.object({ kind: z.literal('immunization-given'), patient: z.optional(z.string()), atc: z.optional(z.string()) }),
  z.object({ kind: z.literal('home-visit-completed'), patient: z.optional(z.string()) }),
]);
const Task = z.object({
  id: z.string().check(z.minLength(1)),
  title: Text,
  instruction: Text,
  start: z.optional(z.string().check(z.startsWith('/'))),
  success: Condition,
});
export const ScriptSchema = z.object({
  format: z.literal('akson-usability-script/1'),
  id: z.string().check(z.minLength(1)),
  title: Text,
  scenario: z.optional(z.string()),
  persona: z.optional(z.string()),
  tasks: z.array(Task).check(z.minLength(1)),
});

export type LocalText = z.infer<typeof Text>;
export type TaskScript = z.infer<typeof ScriptSchema>;
export type ScriptTask = TaskScript['tasks'][number];

export function textIn(text: LocalText, language: 'nb' | 'en'): string {
  return typeof text === 'string' ? text : language === 'en' && text.en ? text.en : text.nb;
}

export function conditionOf(task: ScriptTask): SuccessCondition {
  return task.success as SuccessCondition;
}

/** Reads a script from JSON text; the error lists every problem, by path, for the tester. */
export function parseScript(text: string): { script: TaskScript } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { error: `JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = z.safeParse(ScriptSchema, raw);
  if (!result.success) return { error: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const ids = result.data.tasks.map((t) => t.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return { error: `tasks: the id '${dup}' is used twice` };
  return { script: result.data };
}

export { CONDITION_KINDS };
