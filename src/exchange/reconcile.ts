import type { Bundle, Communication, MedicationStatement, Reference } from 'fhir/r4';
import { CODE_SYSTEM } from '../domain/codeSystems';
import { transactionBundle, type MedicationChange, type TransactionEntry } from './builders';
import { transition } from './status';

/**
 * Medication reconciliation of an epikrise: a prescriber accepts or rejects each medication
 * change the hospital proposes. Only accepted changes touch the shared medication list: a start
 * adds a MedicationStatement, a stop or a dosage change updates the current statement of the
 * same medicine (ATC), guarded by If-Match. The epikrise's message records every decision (a
 * note) and is marked handled. One transaction: all of it, or none. Pure.
 */
export type Decision = 'accept' | 'reject';

export interface ReconcileInput {
  message: Communication;
  changes: readonly MedicationChange[];
  decisions: readonly (Decision | undefined)[];
  current: readonly MedicationStatement[];
  patientId: string;
  prescriber: Reference;
  /** ISO date-time. */
  now: string;
}

export type ReconcileResult = { ok: true; bundle: Bundle; accepted: number; rejected: number } | { ok: false; missing: number[] };

const ACTION_WORD: Record<MedicationChange['action'], string> = { start: 'start', stop: 'seponer', change: 'endre dosering' };

const atcOf = (ms: MedicationStatement) => ms.medicationCodeableConcept?.coding?.find((c) => c.system === CODE_SYSTEM.atc)?.code;

/** The current statement a change is about (same ATC code), if the list has it. */
export function statementFor(change: MedicationChange, current: readonly MedicationStatement[]): MedicationStatement | undefined {
  return change.atc ? current.find((ms) => ms.status === 'active' && atcOf(ms) === change.atc) : undefined;
}

export function reconcile(input: ReconcileInput): ReconcileResult {
  const missing = input.changes.map((_, i) => i).filter((i) => !input.decisions[i]);
  if (missing.length > 0) return { ok: false, missing };
  const entries: TransactionEntry[] = [];
  const day = input.now.slice(0, 10);
  const from = `Fra epikrise (${input.message.sender?.display ?? 'sykehus'}), godtatt av ${input.prescriber.display ?? 'forskriver'}`;
  const lines: string[] = [];
  let accepted = 0;
  input.changes.forEach((change, i) => {
    const decision = input.decisions[i];
    lines.push(`${decision === 'accept' ? 'Godtatt' : 'Avvist'}: ${ACTION_WORD[change.action]} ${change.name}${change.dosage ? ` (${change.dosage})` : ''}`);
    if (decision !== 'accept') return;
    accepted++;
    const existing = statementFor(change, input.current);
    const note = { authorReference: input.prescriber, time: input.now, text: from };
    if (change.action === 'start' || !existing) {
      if (change.action === 'stop') return;
      entries.push({
        resource: {
          resourceType: 'MedicationStatement',
          status: 'active',
          medicationCodeableConcept: { coding: [{ system: CODE_SYSTEM.atc, code: change.atc, display: change.name }], text: change.name },
          subject: { reference: `Patient/${input.patientId}` },
          effectivePeriod: { start: day },
          dateAsserted: input.now,
          informationSource: input.prescriber,
          ...(change.dosage ? { dosage: [{ text: change.dosage }] } : {}),
          note: [note],
        },
      });
      return;
    }
    const updated: MedicationStatement =
      change.action === 'stop'
        ? { ...existing, status: 'stopped', effectivePeriod: { ...existing.effectivePeriod, end: day }, statusReason: [{ text: 'Seponert etter epikrise' }], dateAsserted: input.now, informationSource: input.prescriber, note: [...(existing.note ?? []), note] }
        : { ...existing, dosage: [{ text: change.dosage ?? '' }], dateAsserted: input.now, informationSource: input.prescriber, note: [...(existing.note ?? []), note] };
    entries.push({ resource: updated, ...(existing.meta?.versionId ? { ifMatch: existing.meta.versionId } : {}) });
  });
  const handled = transition(input.message, { code: 'handled', time: input.now, by: input.prescriber }, { isQuestion: false });
  const message = handled.ok ? handled.message : input.message;
  const recorded: Communication = { ...message, note: [...(message.note ?? []), { authorReference: input.prescriber, time: input.now, text: `Legemiddelavstemming:\n${lines.join('\n')}` }] };
  entries.push({ resource: recorded, ...(input.message.meta?.versionId ? { ifMatch: input.message.meta.versionId } : {}) });
  return { ok: true, bundle: transactionBundle(entries), accepted, rejected: input.changes.length - accepted };
}
