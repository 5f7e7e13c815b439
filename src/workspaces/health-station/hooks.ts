import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Appointment, Bundle, Encounter, Immunization, Observation, RelatedPerson } from 'fhir/r4';
import { format } from 'date-fns';
import type { ResourceType } from '../../fhir/client';
import { useFhirClient } from '../../fhir/context';
import { useFhirSearch } from '../../fhir/hooks';
import { usePatient } from '../../fhir/patients';
import { fhirKeys } from '../../fhir/queryKeys';
import type { FhirError } from '../../fhir/errors';
import { ageInDays, immunisationsAt, programmeAt } from '../../domain/childProgramme';
import { childSearches, contactsFromEncounters, dosesFromImmunizations, visitsFromObservations } from './model';
import { loadWhoTables } from './whoTables';

export function todayLocal(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** Everything the child's page shows, from five searches (started together). */
export function useChild(patientId: string | undefined) {
  const today = todayLocal();
  const patient = usePatient(patientId);
  const growth = useFhirSearch('Observation', patientId ? childSearches.growth(patientId) : undefined);
  const immunizations = useFhirSearch('Immunization', patientId ? childSearches.immunizations(patientId) : undefined);
  const contacts = useFhirSearch('Encounter', patientId ? childSearches.contacts(patientId) : undefined);
  const booked = useFhirSearch('Appointment', patientId ? childSearches.booked(patientId, today) : undefined);
  const parents = useFhirSearch('RelatedPerson', patientId ? childSearches.parents(patientId) : undefined);
  const birthDate = patient.data?.birthDate;

  const derived = useMemo(() => {
    if (!birthDate) return undefined;
    const ageDays = ageInDays(birthDate, today);
    return {
      ageDays,
      visits: visitsFromObservations((growth.data?.resources ?? []) as Observation[], birthDate),
      programme: programmeAt(ageDays, contactsFromEncounters((contacts.data?.resources ?? []) as Encounter[], birthDate)),
      doses: immunisationsAt(ageDays, dosesFromImmunizations((immunizations.data?.resources ?? []) as Immunization[])),
    };
  }, [birthDate, today, growth.data, contacts.data, immunizations.data]);

  return {
    today,
    patient,
    growth,
    immunizations,
    contacts,
    booked,
    parents,
    derived,
    bookedList: (booked.data?.resources ?? []) as Appointment[],
    immunizationList: (immunizations.data?.resources ?? []) as Immunization[],
    parentList: (parents.data?.resources ?? []) as RelatedPerson[],
  };
}

export function useWhoTables() {
  return useQuery({ queryKey: ['who-growth-tables'], queryFn: loadWhoTables, staleTime: Infinity, gcTime: Infinity });
}

/** Posts a transaction and refreshes the searches of the types it wrote. */
export function useTransaction(types: readonly ResourceType[]) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<Bundle, FhirError, Bundle>({
    mutationFn: (bundle) => client.transaction(bundle),
    onSuccess: () => Promise.all(types.map((t) => queryClient.invalidateQueries({ queryKey: fhirKeys.type(t) }))).then(() => undefined),
  });
}
