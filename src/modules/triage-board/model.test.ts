// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { EdVisit } from '../../fhir/emergency';
import { filterOf, responsiblePeople } from './model';

describe('the board choices', () => {
  it('become the shared filter', () => {
    expect(filterOf({ level: '2', status: '', responsible: '', sort: 'priority' }, undefined)).toEqual({ levels: [2], statuses: [] });
    expect(filterOf({ level: 'none', status: 'waiting', responsible: 'mine', sort: 'priority' }, 'PractitionerRole/me')).toEqual({
      levels: ['none'],
      statuses: ['waiting-triage', 'waiting-doctor'],
      responsible: 'PractitionerRole/me',
    });
    expect(filterOf({ level: '', status: 'observation', responsible: 'PractitionerRole/x', sort: 'arrival' }, 'PractitionerRole/me').responsible).toBe('PractitionerRole/x');
  });

  it('lists everyone responsible for someone, once, by name', () => {
    const a = { reference: 'PractitionerRole/a', name: 'Åse' };
    const b = { reference: 'PractitionerRole/b', name: 'Bjørn' };
    const visits = [{ nurse: a, doctor: b }, { nurse: a }, {}] as unknown as EdVisit[];
    expect(responsiblePeople(visits)).toEqual([b, a]);
  });
});
