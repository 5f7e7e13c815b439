import type { TriageLevel } from '../../domain/triage';
import { ED_STATUSES, type BoardFilter, type BoardSort, type EdStatus, type EdVisit, type PersonRef } from '../../fhir/emergency';

/**
 * The board's choices as the user makes them (one value per select) and what they mean for the
 * shared filter (src/fhir/emergency.ts). Pure.
 */
export interface BoardChoices {
  level: '' | 'none' | `${TriageLevel}`;
  status: '' | EdStatus | 'waiting';
  /** '' = everyone; 'mine' = the signed-in user; else a PractitionerRole reference. */
  responsible: string;
  sort: BoardSort;
}

export const DEFAULT_CHOICES: BoardChoices = { level: '', status: '', responsible: '', sort: 'priority' };

export function filterOf(choices: BoardChoices, myRole: string | undefined): BoardFilter {
  const levels: BoardFilter['levels'] = choices.level === '' ? [] : choices.level === 'none' ? ['none'] : [Number(choices.level) as TriageLevel];
  const statuses: EdStatus[] = choices.status === '' ? [] : choices.status === 'waiting' ? ['waiting-triage', 'waiting-doctor'] : [choices.status];
  const filter: BoardFilter = { levels, statuses };
  const responsible = choices.responsible === 'mine' ? myRole : choices.responsible || undefined;
  if (responsible) filter.responsible = responsible;
  return filter;
}

/** Everyone responsible for someone on the board, by name (for the "responsible" filter). */
export function responsiblePeople(visits: readonly EdVisit[]): PersonRef[] {
  const byRef = new Map<string, PersonRef>();
  for (const v of visits) for (const p of [v.nurse, v.doctor]) if (p && !byRef.has(p.reference)) byRef.set(p.reference, p);
  return [...byRef.values()].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export const STATUS_CHOICES: readonly BoardChoices['status'][] = ['', 'waiting', ...ED_STATUSES];
