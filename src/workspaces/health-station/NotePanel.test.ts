// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, Composition, Encounter } from 'fhir/r4';
import type { Persona } from '../../session/personnel';
import { noteTransaction } from './NotePanel';

const persona: Persona = {
  id: 'bergen-hs-nurse',
  name: 'Erik Eriksen',
  personnelGroup: 'hs-nurse',
  practitionerId: 'prac-1',
  practitionerRoleId: 'role-1',
  organizationId: 'org-4601-hs-1',
  unitName: 'Fyllingsdalen helsestasjon',
  unitKind: 'health-station',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};
const appointment: Appointment = { resourceType: 'Appointment', id: 'a1', meta: { versionId: '4' }, status: 'booked', start: '2026-11-26T10:00:00+01:00', participant: [] };

describe('the signed consultation note', () => {
  it('is one transaction: the consultation done (Encounter coded with the programme), the note with its non-empty headings, the appointment fulfilled with If-Match', () => {
    const bundle = noteTransaction({
      key: '12m',
      title: 'Konsultasjonsnotat: 12 måneder',
      sections: [
        { key: 'parents', title: 'Foreldrenes spørsmål og bekymringer', text: '' },
        { key: 'language', title: 'Språk og kommunikasjon', text: 'Sier mamma.' },
      ],
      patientId: 'scn-hs-child',
      persona,
      appointment,
      now: new Date('2026-11-26T10:40:00+01:00'),
    });
    expect(bundle.type).toBe('transaction');
    const [enc, note, appt] = bundle.entry ?? [];
    const encounter = enc?.resource as Encounter;
    expect(encounter.status).toBe('finished');
    expect(encounter.type?.[0]?.coding?.[0]).toEqual({ system: 'urn:akson:codesystem:health-station-consultation', code: '12m' });
    expect(encounter.appointment?.[0]?.reference).toBe('Appointment/a1');
    expect(encounter.period?.start).toBe('2026-11-26T10:00:00+01:00');
    const composition = note?.resource as Composition;
    expect(composition.status).toBe('final');
    expect(composition.encounter?.reference).toBe(enc?.fullUrl);
    expect(enc?.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(composition.section?.map((s) => s.title)).toEqual(['Språk og kommunikasjon']);
    expect(composition.type.coding?.[0]?.code).toBe('health-station-consultation');
    expect(appt?.request).toEqual({ method: 'PUT', url: 'Appointment/a1', ifMatch: 'W/"4"' });
    expect((appt?.resource as Appointment).status).toBe('fulfilled');
  });

  it('without an appointment today: only the consultation and the note', () => {
    const bundle = noteTransaction({ key: '15m', title: 'x', sections: [{ key: 'plan', title: 'Plan', text: 'Ny time.' }], patientId: 'p', persona, appointment: undefined, now: new Date('2026-11-26T10:40:00+01:00') });
    expect(bundle.entry?.map((e) => e.request?.url)).toEqual(['Encounter', 'Composition']);
  });
});
