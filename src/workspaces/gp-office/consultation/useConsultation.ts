import { useEffect, useMemo, useRef, useState } from 'react';
import type { Appointment, Bundle, Encounter, MedicationStatement, Resource } from 'fhir/r4';
import { referenceId } from '../../../fhir/format';
import { useFhirSearch, useFhirTransaction } from '../../../fhir/hooks';
import type { Persona } from '../../../session/personnel';
import {
  arrivedAppointment,
  emptyConsultation,
  encounterOf,
  medicationChanges,
  patientOf,
  signingBundle,
  startedEncounter,
  type ConsultationForm,
} from './model';

const DRAFT_KEY = (appointmentId: string) => `akson.consultation.${appointmentId}`;

/** The draft is kept in this browser until it is signed: a reload, a crash or a lost network loses nothing typed. */
function readDraft(appointmentId: string): ConsultationForm | undefined {
  try {
    const raw = localStorage.getItem(DRAFT_KEY(appointmentId));
    return raw ? (JSON.parse(raw) as ConsultationForm) : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(appointmentId: string, form: ConsultationForm | undefined): void {
  try {
    if (form) localStorage.setItem(DRAFT_KEY(appointmentId), JSON.stringify(form));
    else localStorage.removeItem(DRAFT_KEY(appointmentId));
  } catch {
    // Storage full or blocked: the form still holds the text on screen.
  }
}

function newUuid(): string {
  return `urn:uuid:${crypto.randomUUID()}`;
}

/**
 * One consultation: the appointment and its encounter (one search), starting it on open, the
 * draft, the GP's medication changes since it started, and signing.
 */
export function useConsultation(appointmentId: string, persona: Persona) {
  const search = useFhirSearch('Appointment', { _id: appointmentId, _revinclude: 'Encounter:appointment' });
  const appointment: Appointment | undefined = search.data?.resources[0];
  const encounters = useMemo(() => (search.data?.bundle.entry ?? []).map((e) => e.resource as Resource | undefined).filter((r): r is Encounter => r?.resourceType === 'Encounter'), [search.data]);
  const encounter = encounterOf(encounters);
  const patientId = referenceId(patientOf(appointment), 'Patient');

  const start = useFhirTransaction();
  const started = useRef(false);
  useEffect(() => {
    if (!appointment || started.current || encounter?.status === 'in-progress' || appointment.status === 'fulfilled' || appointment.status === 'cancelled') return;
    started.current = true;
    const enc = startedEncounter(appointment, encounter?.status === 'finished' ? undefined : encounter, persona, new Date());
    const entries: NonNullable<Bundle['entry']> = [
      enc.id
        ? { resource: enc, request: { method: 'PUT', url: `Encounter/${enc.id}`, ifMatch: enc.meta?.versionId ? `W/"${enc.meta.versionId}"` : undefined } }
        : { fullUrl: newUuid(), resource: enc, request: { method: 'POST', url: 'Encounter' } },
    ];
    const arrived = arrivedAppointment(appointment);
    if (arrived) entries.push({ resource: arrived, request: { method: 'PUT', url: `Appointment/${appointment.id ?? ''}`, ifMatch: appointment.meta?.versionId ? `W/"${appointment.meta.versionId}"` : undefined } });
    start.mutate({ resourceType: 'Bundle', type: 'transaction', entry: entries }, { onSettled: () => void search.refetch() });
  }, [appointment, encounter, persona, start, search]);

  const [form, setFormState] = useState<ConsultationForm | undefined>(() => readDraft(appointmentId));
  const current = form ?? emptyConsultation(appointment);
  const setForm = (next: ConsultationForm) => {
    setFormState(next);
    writeDraft(appointmentId, next);
  };

  const since = encounter?.status === 'in-progress' ? encounter.period?.start : undefined;
  const meds = useFhirSearch('MedicationStatement', patientId && since ? { patient: patientId, source: `PractitionerRole/${persona.practitionerRoleId}`, _count: 100 } : undefined);
  const changes = useMemo(() => medicationChanges((meds.data?.resources ?? []) as MedicationStatement[], persona, since), [meds.data, persona, since]);

  const sign = useFhirTransaction();
  const submit = (onSigned: () => void) => {
    if (!appointment || !encounter || encounter.status !== 'in-progress') return;
    const bundle = signingBundle({ form: current, persona, appointment, encounter, changes, now: new Date(), newId: newUuid });
    sign.mutate(bundle, {
      onSuccess: () => {
        writeDraft(appointmentId, undefined);
        onSigned();
      },
      // Someone changed the appointment or the encounter meanwhile: read them again; the form stays.
      onError: (error) => {
        if (error.kind === 'conflict') void search.refetch();
      },
    });
  };

  return { search, appointment, encounter, patientId, starting: start, form: current, setForm, changes, sign, submit };
}
